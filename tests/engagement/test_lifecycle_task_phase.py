"""`crmwb task` and `crmwb phase` on a real engagement (core playbook, retail-chain answers)."""

from __future__ import annotations

import json

import pytest

from workbench.cli import task_cmd
from workbench.domain.phases import PHASE_IDS
from workbench.domain.tracking import STATUSES
from workbench.store.sqlite_store import SQLiteStore

from .lifecycle_helpers import fresh_engagement, history, states


@pytest.fixture
def folder(tmp_path):
    return fresh_engagement(tmp_path)


def test_parser_copies_match_the_domain():
    assert task_cmd.STATUSES == STATUSES and task_cmd.PHASES == PHASE_IDS


def test_list_with_filters_and_json(run_cli, folder):
    code, out, _ = run_cli("task", folder, "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["id", "status", "due", "owner", "assignee"]
    assert lines[1].startswith("* pre-01-kickoff ") and "not started 2026-01-07 crm_consultant" in lines[1]
    assert out.endswith("45 tasks; * on the critical path\n") and all(len(line) <= 80 for line in lines)
    some = json.loads(
        run_cli("task", folder, "list", "--phase", "post_deployment", "--role", "crm_specialist", "--json")[1]
    )
    assert some and {(t["phase"], t["owner"]) for t in some} == {("post_deployment", "crm_specialist")}
    run_cli("task", folder, "start", "pre-01-kickoff")
    data = json.loads(run_cli("task", folder, "list", "--status", "in_progress", "--json")[1])
    assert [(t["id"], t["status"], t["due"], t["critical"]) for t in data] == [
        ("pre-01-kickoff", "in_progress", "2026-01-07", True)
    ]
    code, _, err = run_cli("task", folder, "list", "--role", "crm_specalist")
    assert code == 2 and "unknown role 'crm_specalist'; expected one of: crm_specialist" in err


def test_status_changes_need_reasons_and_keep_authors(run_cli, folder, monkeypatch):
    assert run_cli("task", folder, "start", "pre-01-kickoff", "--as", "Ana")[1] == (
        "pre-01-kickoff: not started -> in progress\n"
    )
    for n in range(1, 6):  # a gate task: its checklist is ticked before it is done
        assert run_cli("task", folder, "check", "pre-01-kickoff", str(n), "--as", "Ana")[0] == 0
    code, out, _ = run_cli(
        "task", folder, "done", "pre-01-kickoff", "--as", "Ana", "--note", "charter signed"
    )
    assert code == 0 and "can start now: pre-02-appoint-specialist" in out
    for action in ("block", "skip"):
        code, _, err = run_cli("task", folder, action, "pre-02-appoint-specialist")
        assert code == 2 and f"`{action}` needs a reason" in err
    assert states(folder)["pre-02-appoint-specialist"].status == "not_started"
    monkeypatch.setenv("CRMWB_AUTHOR", "Boris")
    assert run_cli("task", folder, "block", "pre-02-appoint-specialist", "--note", "director away")[0] == 0
    assert run_cli("task", folder, "skip", "pre-06-drivers-barriers", "--note", "done last year")[0] == 0
    events = [
        (e.kind, e.old, e.new, e.author, e.note)
        for e in history(folder, "pre-01-kickoff")
        if e.kind == "status"
    ]
    assert events == [
        ("status", "not_started", "in_progress", "Ana", None),
        ("status", "in_progress", "done", "Ana", "charter signed"),
    ]
    assert history(folder, "pre-02-appoint-specialist")[-1].author == "Boris"
    assert states(folder)["pre-06-drivers-barriers"].status == "skipped"


def test_assign_due_note_check_and_show(run_cli, folder):
    tid = "pre-01-kickoff"
    assert (
        run_cli("task", folder, "assign", tid, "Reza Karimi", "--as", "ana")[1]
        == f"{tid}: assigned to Reza Karimi\n"
    )
    assert run_cli("task", folder, "due", tid, "2026-01-20", "--as", "ana")[0] == 0
    assert run_cli("task", folder, "note", tid, "waiting", "for", "the", "sponsor", "--as", "ana")[0] == 0
    assert run_cli("task", folder, "check", tid, "2", "--as", "ana")[1] == f"{tid}: item 2 done (1/5 done)\n"
    assert run_cli("task", folder, "check", tid, "1", "--as", "ana")[0] == 0
    assert run_cli("task", folder, "check", tid, "1", "--undo", "--as", "ana")[0] == 0
    code, _, err = run_cli("task", folder, "check", tid, "9")
    assert code == 2 and "has checklist items 1..5; there is no item 9" in err
    state = states(folder)[tid]
    assert (state.assignee, str(state.due), state.checklist, state.notes) == (
        "Reza Karimi",
        "2026-01-20",
        [False, True, False, False, False],
        1,
    )
    code, out, _ = run_cli("task", folder, "show", tid)
    assert code == 0 and out.startswith(
        f"{tid}  Kick off the project with senior management [critical path]\n"
    )
    assert "  assignee     Reza Karimi\n" in out and "  due          2026-01-20 (moved from the plan)" in out
    assert "  [ ] 1. Sponsor from senior management" in out and "  [x] 2. Three to five goals" in out
    hist = out.split("history\n")[1].splitlines()
    assert [line.split(None, 3)[2:] for line in hist] == [
        ["ana", "created (not started)"],
        ["ana", "assigned to Reza Karimi"],
        ["ana", "due planned -> 2026-01-20"],
        ["ana", "note: waiting for the sponsor"],
        ["ana", "checklist item 2 done"],
        ["ana", "checklist item 1 done"],
        ["ana", "checklist item 1 open"],
    ]
    assert all(len(line) <= 80 for line in out.splitlines())
    assert run_cli("task", folder, "assign", tid, "-")[1] == f"{tid}: unassigned\n"
    assert run_cli("task", folder, "due", tid, "-")[0] == 0 and states(folder)[tid].due is None


def test_unknown_ids_get_suggestions(run_cli, folder):
    code, out, err = run_cli("task", folder, "done", "kickoff")
    assert (code, out) == (
        2,
        "",
    ) and "no task 'kickoff' in this engagement; did you mean: pre-01-kickoff?" in err
    code, _, err = run_cli("task", folder, "show", "pre-01-kikoff")
    assert code == 2 and "did you mean: pre-01-kickoff" in err


def test_archived_tasks_show_their_history_but_refuse_changes(run_cli, folder):
    tid = "post-06-loyalty-programme"
    run_cli("task", folder, "note", tid, "loyalty partner chosen", "--as", "ana")
    assert run_cli("diff", folder, "--set", "loyalty_programme=no", "--apply", "--as", "ana")[0] == 0
    code, _, err = run_cli("task", folder, "start", tid)
    assert code == 2 and "is archived: the current answers dropped it" in err
    code, out, _ = run_cli("task", folder, "show", tid)
    assert code == 0 and "archived: the current answers dropped this task; its history is kept" in out
    assert "note: loyalty partner chosen" in out and "archived: dropped by an answer change" in out


def test_phase_close_lists_missing_gate_tasks_then_overrides(run_cli, folder):
    code, out, _ = run_cli("phase", folder, "close", "pre_deployment")
    assert code == 1 and out.startswith("Pre-deployment: 2 gate tasks are not done or skipped:\n")
    assert "  pre-17-requirements-signoff " in out and "  pre-16-deployment-plan " in out
    assert "--override" in out
    assert run_cli("phase", folder, "list", "--json")[1].count('"closed": false') == 3
    code, _, err = run_cli("phase", folder, "close", "pre_deployment", "--override", " ")
    assert code == 2 and "--override needs a reason" in err
    code, out, _ = run_cli(
        "phase",
        folder,
        "close",
        "pre_deployment",
        "--override",
        "sponsor accepted the risk",
        "--as",
        "Director Navid",
    )
    assert code == 0 and "Pre-deployment closed by Director Navid with an override: sponsor accepted" in out
    assert "Exit criteria to confirm:" in out
    rows = json.loads(run_cli("phase", folder, "list", "--json")[1])
    pre = rows[0]
    assert (pre["closed"], pre["closed_by"], pre["override_reason"]) == (
        True,
        "Director Navid",
        "sponsor accepted the risk",
    )
    assert sorted(pre["missing_at_close"]) == ["pre-16-deployment-plan", "pre-17-requirements-signoff"]
    out = run_cli("phase", folder, "list")[1]
    assert "by Director Navid" in out and "override: sponsor accepted the risk" in out
    assert "Deployment       open: 0/3 gate tasks closed" in out
    assert json.loads(run_cli("status", folder, "--json")[1])["phases"][0]["gate_closed"] is True


def test_phase_closes_when_its_gate_tasks_are_closed(run_cli, folder):
    with SQLiteStore(folder / "state.db") as store:
        post = [t for t in store.tasks() if t.startswith("post-")]
        for tid in post:
            store.set_status(tid, "done", "ana")
        store.check_item("post-11-implementation-review", 0, True, "ana")
    code, out, _ = run_cli("phase", folder, "close", "post_deployment", "--as", "ana")
    assert code == 1 and "post-11-implementation-review" in out  # done, but its checklist is not ticked
    with SQLiteStore(folder / "state.db") as store:
        for item in range(1, len(store.tasks()["post-11-implementation-review"].checklist)):
            store.check_item("post-11-implementation-review", item, True, "ana")
    code, out, _ = run_cli("phase", folder, "close", "post_deployment", "--as", "ana")
    assert code == 0 and out.startswith("Post-deployment closed by ana: every gate task is done or skipped.")
    row = json.loads(run_cli("phase", folder, "list", "--json")[1])[2]
    assert (row["closed"], row["closed_by"], row["override_reason"], row["missing_at_close"]) == (
        True,
        "ana",
        None,
        [],
    )
    assert run_cli("phase", folder, "close", "post_deployment")[1].startswith(
        "Post-deployment is already closed"
    )
