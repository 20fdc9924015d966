"""Levelling: a specialist who gives the rollout part of their time works on one task at a time; the load
chart then shows no week above that share, critical work is not the work that waits, and the plan grows
by exactly what the sequencing costs."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.levelling import availability, overloaded, role_load, week_start
from workbench.domain.plan import plan_for, schedule
from workbench.domain.resolve import resolve
from workbench.domain.work_calendar import country_calendar
from workbench.loading.playbooks import load_playbook

START = date(2026, 1, 5)


@pytest.fixture(scope="module")
def core():
    loaded = load_playbook("core")
    assert loaded.ok
    return loaded.playbook


def test_availability_comes_from_the_question_the_role_names(core):
    assert availability(core, {"specialist_time_share": 30}) == {"crm_specialist": 0.3}
    assert availability(core, {"specialist_time_share": 0}) == {}
    assert availability(core, {}) == {}


@pytest.mark.parametrize("share", [30, 100])
def test_a_part_time_specialist_is_never_above_their_share(core, share):
    answers = {"specialist_time_share": share, "has_crm_specialist": True}
    pb = resolve(core, answers)
    cal = country_calendar("IR", START)
    unlevelled = schedule(pb, START, calendar=cal)
    levelled = plan_for(pb, answers, START, cal)
    before = role_load(pb, schedule(pb, START, calendar=cal, availability={"crm_specialist": share / 100}))
    assert max(w.load for w in before["crm_specialist"]) <= share / 100 + 1e-9
    plain_load = {w.week: w.load for w in role_load(pb, unlevelled)["crm_specialist"]}
    assert max(plain_load.values()) > 1  # unlevelled, the one specialist is asked for two things at once
    loads = role_load(pb, levelled)["crm_specialist"]
    assert loads and max(w.load for w in loads) == pytest.approx(share / 100)
    assert overloaded(pb, levelled) == {}
    assert levelled.finish > unlevelled.finish  # sequencing the work costs time, and the plan shows it
    sequence = levelled.levelled["crm_specialist"]
    by_id = {t.id: t for t in levelled.tasks}
    for before_id, after_id in zip(sequence, sequence[1:]):  # one task at a time
        assert by_id[before_id].early_finish <= by_id[after_id].early_start
    assert all(cal.is_working(d) for t in levelled.tasks for d in (t.start, t.finish))


def test_weeks_start_after_the_weekend():
    assert week_start(date(2026, 12, 3), frozenset({5, 6})) == date(2026, 11, 30)  # Monday
    assert week_start(date(2026, 12, 3), frozenset({4})) == date(2026, 11, 28)  # Saturday in Iran
