"""Re-forecast on the hand-computed example plan (tests/writers/plan_example.py): actual dates are fixed,
successors and the go-live move, the baseline stays."""

from __future__ import annotations

from datetime import UTC, date, datetime

from workbench.domain.forecast import forecast
from workbench.domain.plan import schedule
from workbench.domain.tracking import Baseline, TaskState

from ..writers.plan_example import GO_LIVE, START, example_playbook


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC).astimezone()


def _plan():
    pb = example_playbook()
    return pb, schedule(pb, START)


def test_nothing_done_before_the_start_is_the_plan_itself():
    pb, plan = _plan()
    fc = forecast(pb, plan, {}, {}, START)
    planned = {t.id: (t.start, t.finish) for t in plan.tasks}
    assert {t.id: (t.start, t.finish) for t in fc.tasks} == planned
    assert (fc.go_live_task, fc.baseline_go_live, fc.go_live, fc.slip) == ("m2", GO_LIVE, GO_LIVE, 0)
    assert fc.baseline is None and all(t.slip == 0 for t in fc.tasks)


def test_a_late_finish_moves_its_successors_and_the_go_live():
    pb, plan = _plan()
    # a (planned Jan 5-7) finished two working days late on Fri Jan 9; b finished on time the same day
    states = {"a": TaskState("a", "done"), "b": TaskState("b", "done")}
    actuals = {
        "a": (_at(date(2026, 1, 5)), _at(date(2026, 1, 9))),
        "b": (_at(date(2026, 1, 5)), _at(date(2026, 1, 9))),
    }
    fc = forecast(pb, plan, states, actuals, date(2026, 1, 9))
    tasks = fc.task_map()
    assert (tasks["a"].finish, tasks["a"].actual, tasks["a"].slip) == (date(2026, 1, 9), True, 2)
    assert (tasks["b"].finish, tasks["b"].slip) == (date(2026, 1, 9), 0)
    assert (tasks["c"].start, tasks["c"].finish, tasks["c"].slip) == (date(2026, 1, 12), date(2026, 1, 13), 2)
    assert (tasks["d"].start, tasks["d"].finish) == (date(2026, 1, 14), date(2026, 1, 19))  # waits for gate c
    assert (fc.baseline_go_live, fc.go_live, fc.slip) == (GO_LIVE, date(2026, 1, 20), 2)
    assert tasks["g"].baseline_finish == date(2026, 1, 20) and tasks["g"].finish == date(2026, 1, 22)
    # the plan the forecast was made from is untouched
    assert {t.id: t.finish for t in plan.tasks}["m2"] == GO_LIVE


def test_work_not_started_starts_today_and_overdue_work_ends_today():
    pb, plan = _plan()
    states = {"a": TaskState("a", "in_progress")}
    actuals = {"a": (_at(date(2026, 1, 5)), None)}
    fc = forecast(pb, plan, states, actuals, date(2026, 1, 12))  # a was due Jan 7, b never started
    tasks = fc.task_map()
    assert (tasks["a"].start, tasks["a"].finish) == (date(2026, 1, 5), date(2026, 1, 12))
    assert tasks["a"].actual is False
    assert (tasks["b"].start, tasks["b"].finish) == (date(2026, 1, 12), date(2026, 1, 16))
    assert fc.go_live > GO_LIVE and fc.slip == 5


def test_a_due_date_moved_later_moves_the_successors():
    pb, plan = _plan()
    states = {"c": TaskState("c", due=date(2026, 1, 14))}  # planned to finish Jan 9
    fc = forecast(pb, plan, states, {}, START)
    tasks = fc.task_map()
    assert tasks["c"].finish == date(2026, 1, 14) and tasks["m1"].finish == date(2026, 1, 14)
    assert tasks["d"].start == date(2026, 1, 15) and fc.slip == 3


def test_a_stored_baseline_is_what_the_slip_is_counted_from():
    pb, plan = _plan()
    frozen = {t.id: (t.start, t.finish) for t in plan.tasks}
    frozen["m2"] = (date(2026, 1, 21), date(2026, 1, 21))
    baseline = Baseline(
        3, _at(START), "ana", "committee moved go-live", True, date(2026, 1, 21), date(2026, 1, 23), frozen
    )
    fc = forecast(pb, plan, {}, {}, START, baseline)
    assert (fc.baseline_go_live, fc.go_live, fc.slip) == (date(2026, 1, 21), GO_LIVE, -3)
    assert fc.task_map()["m2"].slip == -3 and fc.baseline_finish == date(2026, 1, 23)
