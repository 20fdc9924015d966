"""The CPM schedule against a hand-computed example (tests/writers/plan_example.py) and its edge cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.writers.plan_example import CRITICAL, EXPECTED, START, example_data, example_playbook
from workbench.domain.plan import add_working_days, schedule
from workbench.domain.plan_gantt import gantt, phase_spans
from workbench.loading.playbooks import load_playbook


def test_schedule_matches_the_hand_computed_example():
    plan = schedule(example_playbook(), START)
    got = {
        t.id: (t.early_start, t.early_finish, t.late_start, t.slack, t.start, t.finish) for t in plan.tasks
    }
    assert got == EXPECTED
    assert (plan.start, plan.finish, plan.working_days) == (START, date(2026, 1, 20), 12)
    assert [t.id for t in plan.critical_path()] == CRITICAL
    assert {t.id for t in plan.tasks if t.critical} == set(CRITICAL)
    assert all(t.late_finish - t.late_start == t.duration for t in plan.tasks)


def test_tasks_come_in_schedule_order_with_dependencies_first_on_ties():
    # m1 (zero days) and d both start on day 5, and d waits for m1: m1 must come first even though "d" < "m1"
    plan = schedule(example_playbook(), START)
    assert [t.id for t in plan.tasks] == ["a", "b", "c", "n", "m1", "d", "e", "f", "m2", "g"]


def test_a_later_phase_waits_for_every_gate_of_the_previous_phase():
    """`d` names only `a` (done on day 3), but the deployment phase opens when b, c and m1 are done."""
    data = example_data()
    plan = {t.id: t for t in schedule(example_playbook(data), START).tasks}
    assert plan["d"].early_start == 5
    data["phases"][0]["tasks"][1]["duration_days"] = 8  # b gets longer: d moves with it
    plan = {t.id: t for t in schedule(example_playbook(data), START).tasks}
    assert plan["d"].early_start == 8 and plan["d"].critical
    assert plan["n"].early_start == 3  # a non-gate task holds nothing up and is held up by nothing extra


def test_non_gate_tasks_do_not_hold_up_the_next_phase():
    data = example_data()
    data["phases"][0]["tasks"][3]["duration_days"] = 30  # n is gate: false
    plan = {t.id: t for t in schedule(example_playbook(data), START).tasks}
    assert plan["d"].early_start == 5 and plan["n"].early_finish == 33
    assert plan["n"].critical and not plan["g"].critical  # n now sets the finish


def test_zero_duration_milestone_shares_its_predecessors_finish_date():
    plan = {t.id: t for t in schedule(example_playbook(), START).tasks}
    assert plan["m1"].start == plan["m1"].finish == plan["b"].finish == date(2026, 1, 9)  # Friday, not Monday
    assert plan["m2"].finish == plan["f"].finish


def test_a_zero_duration_last_task_does_not_push_the_finish_a_day():
    data = example_data()
    data["phases"][2]["tasks"].append(
        {
            "id": "close",
            "name": "Closed",
            "owner": "lead",
            "raci": {"lead": "A"},
            "duration_days": 0,
            "depends_on": ["g"],
            "milestone": True,
        }
    )
    plan = schedule(example_playbook(data), START)
    assert plan.finish == date(2026, 1, 20) and plan.working_days == 12
    assert plan.critical_path()[-1].id == "close"


def test_phase_milestones_are_in_phase_order():
    plan = schedule(example_playbook(), START)
    assert plan.phase_milestones() == {
        "pre_deployment": date(2026, 1, 9),
        "deployment": date(2026, 1, 16),
        "post_deployment": date(2026, 1, 20),
    }
    assert list(phase_spans(plan).items()) == [
        ("pre_deployment", (date(2026, 1, 5), date(2026, 1, 9))),
        ("deployment", (date(2026, 1, 12), date(2026, 1, 16))),
        ("post_deployment", (date(2026, 1, 19), date(2026, 1, 20))),
    ]


def test_a_weekend_start_moves_to_the_first_working_day():
    plan = schedule(example_playbook(), date(2026, 1, 3))  # a Saturday
    assert plan.start == START
    assert {t.id: t.start for t in plan.tasks} == {tid: row[4] for tid, row in EXPECTED.items()}


def test_iranian_week_ends_on_thursday_and_friday():
    plan = schedule(example_playbook(), date(2026, 1, 3), weekend=frozenset({3, 4}))  # Saturday is a work day
    by_id = {t.id: t for t in plan.tasks}
    assert by_id["a"].start == date(2026, 1, 3) and by_id["a"].finish == date(2026, 1, 5)
    assert by_id["b"].finish == date(2026, 1, 7)  # Sat, Sun, Mon, Tue, Wed
    assert by_id["d"].start == date(2026, 1, 10)  # Thursday and Friday skipped
    assert plan.day(5) == date(2026, 1, 10)


def test_add_working_days_agrees_with_counting_day_by_day():
    def slow(start: date, days: int, weekend: frozenset[int]) -> date:
        current = start
        while current.weekday() in weekend:
            current += timedelta(days=1)
        while days:
            current += timedelta(days=1)
            days -= current.weekday() not in weekend
        return current

    for weekend in (frozenset({5, 6}), frozenset({4}), frozenset({3, 4}), frozenset()):
        for offset in range(7):
            for days in (0, 1, 4, 5, 6, 7, 13, 250):
                start = date(2026, 3, 2) + timedelta(days=offset)
                assert add_working_days(start, days, weekend) == slow(start, days, weekend), (
                    weekend,
                    start,
                    days,
                )


def test_a_week_without_working_days_is_refused():
    with pytest.raises(ValueError, match="every day of the week"):
        schedule(example_playbook(), START, weekend=frozenset(range(7)))


def test_unknown_dependency_is_named():
    data = example_data()
    data["phases"][1]["tasks"][0]["depends_on"] = ["ghost"]
    with pytest.raises(ValueError, match="'d' depends on unknown task 'ghost'"):
        schedule(example_playbook(data), START)


def test_a_gate_task_waiting_for_a_later_phase_is_reported_not_crashed():
    data = example_data()
    data["phases"][0]["tasks"][1]["depends_on"] = ["e"]  # b (a pre-deployment gate) waits for deployment's e
    with pytest.raises(ValueError, match="cannot be scheduled: .*start of phase deployment"):
        schedule(example_playbook(data), START)


def test_a_non_gate_task_may_wait_for_a_later_phase():
    data = example_data()
    data["phases"][0]["tasks"][3]["depends_on"] = ["f"]
    by_id = {t.id: t for t in schedule(example_playbook(data), START).tasks}
    assert by_id["n"].early_start == by_id["f"].early_finish == 10


def test_empty_playbook_gives_an_empty_plan():
    plan = schedule(example_playbook({"id": "x", "version": "1.0", "name": "X"}), date(2026, 1, 4))
    assert (plan.tasks, plan.start, plan.finish, plan.working_days) == ([], START, START, 0)
    assert plan.critical_path() == [] and plan.phase_milestones() == {}


def test_gantt_uses_days_for_short_plans_and_weeks_for_long_ones():
    plan = schedule(example_playbook(), START)
    days = gantt(plan)
    assert days.scale == "day" and len(days.columns) == 12 and days.columns[5] == date(2026, 1, 12)
    by_id = {t.id: t for t in plan.tasks}
    assert (days.task_bar(by_id["d"]).first, days.task_bar(by_id["d"]).last) == (5, 8)
    assert (days.task_bar(by_id["m1"]).first, days.task_bar(by_id["m1"]).last) == (4, 4)
    weeks = gantt(plan, day_limit=5)
    assert weeks.scale == "week" and weeks.columns == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]
    assert (weeks.task_bar(by_id["b"]).first, weeks.task_bar(by_id["g"]).last) == (0, 2)


def test_core_playbook_schedule_is_consistent():
    loaded = load_playbook("core")
    assert loaded.ok and loaded.playbook.phases, [str(p) for p in loaded.problems]
    pb = loaded.playbook
    plan = schedule(pb, START)
    by_id = {t.id: t for t in plan.tasks}
    assert len(by_id) == len(pb.task_map())
    for task in plan.tasks:
        assert task.early_finish == task.early_start + task.duration and task.slack >= 0
        for dep in pb.task_map()[task.id].depends_on:
            assert task.early_start >= by_id[dep].early_finish
    critical = plan.critical_path()
    assert critical[0].early_start == 0 and max(t.early_finish for t in critical) == plan.working_days
    assert plan.finish == max(t.finish for t in plan.tasks)
