"""States stay possible: `done` with open predecessors or an unticked gate checklist is refused unless
forced with a reason (kept in the history), and a closed task can be reopened."""

from __future__ import annotations

import pytest

from workbench.domain.task_rules import check_done, reopened_status
from workbench.domain.tracking import TaskState
from workbench.store.sqlite_store import SQLiteStore

from .lifecycle_helpers import fresh_engagement, history, states


@pytest.fixture
def folder(tmp_path):
    return fresh_engagement(tmp_path)


def test_go_live_is_refused_while_its_predecessor_and_checklist_are_open(run_cli, folder):
    code, out, err = run_cli("task", folder, "done", "dep-18-go-live")
    assert (code, out) == (2, "")
    assert err == (
        "crmwb task: error: cannot mark dep-18-go-live done: 1 predecessor not done or "
        "skipped: dep-19-go-live-readiness (Go-live readiness review, not started); "
        "gate task with 5 of 5 "
        "checklist items unticked: 1, 2, 3, 4, 5; finish those first, or give the reason to "
        'close it anyway with --force "REASON"\n'
    )
    assert states(folder)["dep-18-go-live"].status == "not_started"
    code, _, err = run_cli("task", folder, "done", "dep-18-go-live", "--force", "  ")
    assert code == 2 and "--force needs a reason" in err
    assert states(folder)["dep-18-go-live"].status == "not_started"


def test_gate_task_needs_its_checklist_ticked(run_cli, folder):
    gate = "pre-17-requirements-signoff"  # the requirements sign-off: a gate review with 5 signed lines
    with SQLiteStore(folder / "state.db") as store:
        for tid in _resolved(folder).task_map()[gate].depends_on:
            store.set_status(tid, "done", "ana")
    for n in (1, 2, 4):
        run_cli("task", folder, "check", gate, str(n))
    code, _, err = run_cli("task", folder, "done", gate)
    assert code == 2 and "gate task with 2 of 5 checklist items unticked: 3, 5;" in err
    assert "predecessor" not in err
    for n in (3, 5):
        run_cli("task", folder, "check", gate, str(n))
    code, out, err = run_cli("task", folder, "done", gate)
    assert (code, err) == (0, "") and out.startswith(f"{gate}: not started -> done\n")


def test_non_gate_task_with_closed_predecessors_closes_without_ticks(run_cli, folder):
    run_cli("task", folder, "skip", "pre-01-kickoff", "--note", "held last month")
    check = check_done(_resolved(folder), "pre-02-appoint-specialist", states(folder))
    assert check.open_predecessors == ()  # skipped counts as closed


def test_forced_done_keeps_reason_and_what_was_open_in_task_show(run_cli, folder):
    code, out, err = run_cli(
        "task", folder, "done", "dep-18-go-live", "--force", "director signed off", "--as", "Ana"
    )
    assert (code, err) == (0, "") and out.startswith("dep-18-go-live: not started -> done\n")
    event = history(folder, "dep-18-go-live")[-1]
    assert (event.kind, event.old, event.new, event.author) == ("status", "not_started", "done", "Ana")
    assert event.note == (
        "forced: director signed off [1 predecessor(s) not done or skipped: "
        "dep-19-go-live-readiness (Go-live readiness review, not_started); "
        "gate task with 5 of 5 "
        "checklist item(s) unticked: 1, 2, 3, 4, 5]"
    )
    shown = run_cli("task", folder, "show", "dep-18-go-live")[1]
    flat = " ".join(shown.split())
    assert "status not started -> done: forced: director signed off [1 predecessor(s)" in flat


def test_reopen_goes_back_and_is_recorded(run_cli, folder):
    run_cli("task", folder, "done", "dep-18-go-live", "--force", "pilot")
    for n in range(1, 5):
        run_cli("task", folder, "check", "post-01-issue-follow-up", str(n))
    assert run_cli("task", folder, "done", "post-01-issue-follow-up")[0] == 0  # predecessor done, all ticked
    code, out, err = run_cli(
        "task", folder, "reopen", "dep-18-go-live", "--note", "pilot stopped", "--as", "Ana"
    )
    assert (code, err) == (0, "")
    assert out == (
        "dep-18-go-live: done -> in progress (reopened)\n"
        "  already closed and depending on it: post-01-issue-follow-up\n"
    )
    event = history(folder, "dep-18-go-live")[-1]
    assert (event.old, event.new, event.note, event.author) == (
        "done",
        "in_progress",
        "reopened: pilot stopped",
        "Ana",
    )
    shown = run_cli("task", folder, "show", "dep-18-go-live")[1]
    assert "done -> in progress: reopened: pilot stopped" in shown
    run_cli("task", folder, "skip", "pre-06-drivers-barriers", "--note", "done last year")
    assert run_cli("task", folder, "reopen", "pre-06-drivers-barriers")[0] == 0
    assert states(folder)["pre-06-drivers-barriers"].status == "not_started"
    code, _, err = run_cli("task", folder, "reopen", "pre-06-drivers-barriers")
    assert code == 2 and err == (
        "crmwb task: error: pre-06-drivers-barriers is not started, not done or "
        "skipped; there is nothing to reopen\n"
    )


def test_reopened_status_rule():
    assert [reopened_status(s) for s in ("done", "skipped", "in_progress", "blocked", "not_started")] == [
        "in_progress",
        "not_started",
        None,
        None,
        None,
    ]
    assert TaskState("x", "skipped").closed


def _resolved(folder):
    from workbench.app.engagement import open_engagement

    with open_engagement(folder, "test") as opened:
        return opened.resolved
