"""Task effort follows the client's size: a 600-person insurer's plan is longer than a 40-person
distributor's exactly on the size-driven tasks, and every difference is explained by its drivers."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.plan import plan_for
from workbench.domain.resolve import resolve
from workbench.domain.sizing import ScaleTerm, sized
from workbench.loading.playbooks import load_playbook

SMALL = {"crm_users": 40, "records_to_migrate": 5000, "sites": 1, "sales_team_size": 12}
LARGE = {"crm_users": 600, "records_to_migrate": 420000, "sites": 12, "sales_team_size": 250}


def test_terms_add_days_per_unit_up_to_their_cap():
    terms = [ScaleTerm(driver="crm_users", per=20, days=1, max_days=40)]
    assert sized(5, terms, {"crm_users": 600}) == (35, sized(5, terms, {"crm_users": 600})[1])
    assert sized(5, terms, {"crm_users": 5000})[0] == 45  # capped
    assert sized(5, terms, {}) == (5, [])
    assert sized(3, [ScaleTerm(driver="channels", per=1, days=1)], {"channels": ["phone", "sms"]})[0] == 5


@pytest.mark.parametrize("playbook", ["core", "financial-services"])
def test_a_large_client_plan_is_longer_and_every_difference_is_explained(playbook):
    full = load_playbook(playbook).playbook
    plans = {}
    for name, answers in (("small", SMALL), ("large", LARGE)):
        pb = resolve(full, answers)
        plans[name] = (pb, plan_for(pb, answers, date(2026, 1, 5)))
    (pb, small), (_, large) = plans["small"], plans["large"]
    assert large.finish > small.finish
    small_days = {t.id: t.duration for t in small.tasks}
    longer = {t.id for t in large.tasks if t.duration > small_days.get(t.id, t.duration)}
    assert {"dep-17-user-training", "dep-12-data-migration"} <= longer
    base = pb.task_map()
    for tid in longer:
        notes = large.sizing[tid]
        assert (
            sum(n.added for n in notes)
            == large.tasks[[t.id for t in large.tasks].index(tid)].duration - base[tid].duration_days
        )
        assert all(
            n.driver in {"crm_users", "records_to_migrate", "sites", "channels", "integrations", "modules"}
            for n in notes
        )
