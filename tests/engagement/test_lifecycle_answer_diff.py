"""What an answer change adds and removes (domain.answer_diff), on core with the retail-chain answers."""

from __future__ import annotations

import pytest

from workbench.domain.answer_diff import SECTIONS, diff_answers
from workbench.loading.answers import load_answers
from workbench.loading.playbooks import load_playbook

from .lifecycle_helpers import RETAIL


@pytest.fixture(scope="module")
def pb():
    return load_playbook("core").playbook


@pytest.fixture(scope="module")
def retail(pb):
    return dict(load_answers(RETAIL, pb).answers)


def ids(items):
    return [i.id for i in items]


def test_dropping_the_loyalty_programme(pb, retail):
    diff = diff_answers(pb, retail, {**retail, "loyalty_programme": False})
    assert [(c.question, c.old, c.new) for c in diff.changes] == [("loyalty_programme", True, False)]
    assert ids(diff.removed["tasks"]) == ["post-06-loyalty-programme"]
    assert diff.removed["tasks"][0].name == "Run the loyalty programme in the CRM"
    assert {"MKT-014", "MKT-015"} <= set(ids(diff.removed["requirements"]))
    assert "loyalty_active_rate" in ids(diff.removed["kpis"])
    assert not any(diff.added.values())


def test_both_ways_and_questions(pb, retail):
    without = {**retail, "has_crm_specialist": False}
    forth, back = diff_answers(pb, retail, without), diff_answers(pb, without, retail)
    for section in SECTIONS:
        assert ids(forth.added[section]) == ids(back.removed[section])
        assert ids(forth.removed[section]) == ids(back.added[section])
    assert ids(forth.removed["questions"]) == ["specialist_time_share"]
    assert "pre-04-hire-specialist" in ids(forth.added["tasks"])


def test_no_change_and_names_in_other_languages(pb, retail):
    same = diff_answers(pb, retail, dict(retail))
    assert same.changes == [] and same.empty
    ru = diff_answers(pb, retail, {**retail, "has_crm_specialist": False}, lang="ru")
    assert ru.removed["questions"][0].name.startswith("Какую долю рабочего времени")
    data = ru.to_dict()
    assert set(data) == {"changes", "added", "removed"} and set(data["removed"]) == set(SECTIONS)


def test_clearing_an_answer_falls_back_to_the_default(pb, retail):
    cleared = {k: v for k, v in retail.items() if k != "modules"}  # default: [sales]
    diff = diff_answers(pb, retail, cleared)
    assert [(c.question, c.new) for c in diff.changes] == [("modules", None)]
    assert "dep-06-sales-automation" not in ids(diff.removed["tasks"])
    assert diff.removed["tasks"]
