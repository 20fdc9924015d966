"""`crmwb plan` and the forecast in `status`: a real core engagement whose first task finishes late."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from workbench.store.sqlite_store import SQLiteStore, StoreError

from .lifecycle_helpers import RETAIL, fresh_engagement


@pytest.fixture
def late_start(run_cli, tmp_path):
    """An engagement that started six weeks ago: its kickoff (3 days) is long overdue today."""
    folder = tmp_path / "late"
    start = date.today() - timedelta(days=42)
    code, _, err = run_cli(
        "new", folder, "--playbook", "core", "--answers", RETAIL, "--start", start.isoformat()
    )
    assert code == 0, err
    return folder, start


def _show(run_cli, folder, *extra):
    code, out, err = run_cli("plan", folder, "show", "--json", *extra)
    assert code == 0, err
    data = json.loads(out)
    return data, {t["id"]: t for t in data["tasks"]}


def test_late_finish_moves_successors_and_go_live_while_the_baseline_stays(run_cli, late_start):
    folder, start = late_start
    code, out, _ = run_cli(
        "plan",
        folder,
        "baseline",
        "--reason",
        "plan agreed at kickoff",
        "--today",
        start.isoformat(),
        "--as",
        "Ana",
    )
    assert code == 0 and out.startswith("Baseline #1 frozen by Ana: go-live ")
    before, tasks_before = _show(run_cli, folder, "--today", start.isoformat())
    assert before["slip_working_days"] == 0 and before["baseline"]["reason"] == "plan agreed at kickoff"
    planned_go_live = before["baseline_go_live"]
    assert before["forecast_go_live"] == planned_go_live

    run_cli("task", folder, "start", "pre-01-kickoff")
    assert run_cli("task", folder, "done", "pre-01-kickoff", "--force", "signed on paper")[0] == 0
    today = date.today()
    after, tasks = _show(run_cli, folder, "--today", today.isoformat())
    kickoff = tasks["pre-01-kickoff"]
    finished = date.fromisoformat(kickoff["finish"])
    assert kickoff["actual"] is True and today <= finished <= today + timedelta(days=3)
    assert kickoff["baseline_finish"] == tasks_before["pre-01-kickoff"]["finish"]
    assert kickoff["slip_working_days"] > 0
    successor = tasks["pre-05-stakeholders"]
    assert date.fromisoformat(successor["start"]) > finished
    assert date.fromisoformat(successor["start"]) > date.fromisoformat(successor["baseline_start"])
    assert after["baseline_go_live"] == planned_go_live  # the baseline stays
    assert after["forecast_go_live"] > planned_go_live and after["slip_working_days"] > 0

    code, out, _ = run_cli("status", folder, "--json")
    schedule = json.loads(out)["schedule"]
    assert (schedule["baseline"]["id"], schedule["baseline_go_live"]) == (1, planned_go_live)
    assert (schedule["forecast_go_live"], schedule["slip_working_days"]) == (
        after["forecast_go_live"],
        after["slip_working_days"],
    )
    text = run_cli("status", folder)[1]
    assert f"Go-live: baseline {planned_go_live}, forecast {after['forecast_go_live']} (" in text
    assert "working days late)" in text and "Baseline: #1 of " in text


def test_a_new_baseline_keeps_the_earlier_one_and_is_in_the_history(run_cli, late_start):
    folder, _start = late_start
    assert run_cli("plan", folder, "baseline", "--reason", "first")[0] == 0
    assert run_cli("plan", folder, "baseline", "--reason", "steering committee moved go-live")[0] == 0
    rows = json.loads(run_cli("plan", folder, "baselines", "--json")[1])
    assert [(b["id"], b["active"], b["reason"]) for b in rows] == [
        (1, False, "first"),
        (2, True, "steering committee moved go-live"),
    ]
    status = json.loads(run_cli("status", folder, "--json")[1])["schedule"]
    assert status["baseline"]["id"] == 2 and status["slip_working_days"] == 0
    with SQLiteStore(folder / "state.db") as store:
        events = [e for e in store.history("plan") if e.kind == "baseline"]
        assert [(e.old, e.new, e.note) for e in events] == [
            (None, "1", "first"),
            ("1", "2", "steering committee moved go-live"),
        ]
        with pytest.raises(StoreError):
            store.save_baseline({}, None, date.today(), "  ", "ana")
    code, _, err = run_cli("plan", folder, "baseline", "--reason", " ")
    assert code == 2 and "--reason" in err


def test_before_any_baseline_the_initial_plan_is_the_baseline(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    data, tasks = _show(run_cli, folder, "--today", "2026-01-05")
    assert data["baseline"] is None and data["slip_working_days"] == 0
    assert data["go_live_task"] == "dep-18-go-live"
    assert data["baseline_go_live"] == data["forecast_go_live"] == tasks["dep-18-go-live"]["finish"]
    text = run_cli("plan", folder, "show", "--today", "2026-01-05")[1]
    assert "the initial plan (no baseline frozen yet)" in text


def test_go_live_review_blocks_phase_close_until_its_checklist_is_signed(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    with SQLiteStore(folder / "state.db") as store:
        for tid in store.tasks():
            if tid.startswith("dep-"):
                store.set_status(tid, "done", "ana")
        for tid in ("dep-16-acceptance-test", "dep-18-go-live"):
            for item in range(len(store.tasks()[tid].checklist)):
                store.check_item(tid, item, True, "ana")
        review = len(store.tasks()["dep-19-go-live-readiness"].checklist)
    assert review == 6
    code, out, _ = run_cli("phase", folder, "close", "deployment")
    assert code == 1 and out.startswith("Deployment: 1 gate task is not done or skipped:\n")
    assert "dep-19-go-live-readiness" in out
    for n in range(1, review):
        run_cli("task", folder, "check", "dep-19-go-live-readiness", str(n))
    assert run_cli("phase", folder, "close", "deployment")[0] == 1  # one signature still missing
    run_cli("task", folder, "check", "dep-19-go-live-readiness", str(review))
    code, out, _ = run_cli("phase", folder, "close", "deployment")
    assert code == 1 and "Go-live readiness: " in out and "gate task" not in out  # the Musts are not accepted
    code, out, _ = run_cli("uat", folder, "list", "--format", "json")
    with SQLiteStore(folder / "state.db") as store:
        for row in json.loads(out):
            store.record_result(row["script"], "pass", [], "ana")
    code, out, _ = run_cli("phase", folder, "close", "deployment", "--as", "ana")
    assert code == 0 and out.startswith("Deployment closed by ana: every gate task is done or skipped.")


def test_two_processes_freezing_at_once_keep_both_and_one_active(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    folder = fresh_engagement(tmp_path)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "workbench",
                "plan",
                str(folder),
                "baseline",
                "--reason",
                f"writer {n}",
                "--as",
                f"w{n}",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], results
    with SQLiteStore(folder / "state.db") as store:
        rows = store.baselines()
        assert sorted(b.reason for b in rows) == ["writer 1", "writer 2"]
        assert [b.active for b in rows] == [False, True]
        assert len([e for e in store.history("plan") if e.kind == "baseline"]) == 2


def test_a_hand_edited_baseline_row_is_located_not_a_crash(run_cli, tmp_path):
    import sqlite3

    folder = fresh_engagement(tmp_path)
    assert run_cli("plan", folder, "baseline", "--reason", "agreed")[0] == 0
    conn = sqlite3.connect(folder / "state.db")
    conn.execute("UPDATE baselines SET tasks = 'not json'")
    conn.commit()
    conn.close()
    code, out, err = run_cli("plan", folder, "show")
    assert (code, out) == (2, "")
    assert "state.db" in err and "table baselines, row 1: tasks 'not json'; expected a JSON map" in err
