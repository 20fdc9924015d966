"""A target go-live the plan misses is reported with the slip and the levers; one it meets is quiet."""

from __future__ import annotations

from datetime import date

from workbench.domain.plan import schedule
from workbench.domain.resolve import resolve
from workbench.domain.target_date import add_months, check_target, deferrable_modules
from workbench.loading.playbooks import load_playbook

START = date(2026, 1, 5)


def _core(answers):
    loaded = load_playbook("core")
    assert loaded.ok
    pb = resolve(loaded.playbook, answers)
    return pb, schedule(pb, START)


def test_a_four_month_target_is_missed_by_the_days_between_target_and_go_live():
    answers = {"target_go_live_months": 4}
    pb, plan = _core(answers)
    check = check_target(pb, plan, answers, START)
    assert check is not None and check.missed
    assert check.target == date(2026, 5, 5)
    assert check.slip_days == (check.go_live - check.target).days > 0
    assert 0 < check.slip_working_days < check.slip_days
    assert check.compress and all(t.critical and t.phase != "post_deployment" for t in check.compress)
    durations = [t.duration for t in check.compress]
    assert durations == sorted(durations, reverse=True)


def test_a_generous_target_is_met_and_no_target_is_no_check():
    pb, plan = _core({"target_go_live_months": 36})
    met = check_target(pb, plan, {"target_go_live_months": 36}, START)
    assert met is not None and not met.missed and met.compress == []
    assert check_target(pb, plan, {}, START) is None


def test_only_modules_without_musts_are_offered_for_a_later_release():
    pb, _ = _core({})
    deferrable = deferrable_modules(pb)
    musts = {r.module for r in pb.requirements if r.priority == "must"}
    assert not set(deferrable) & musts
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
