"""Soak: two CLI writer processes and the TUI (the real WorkbenchApp under Pilot, edited through its keys:
tests/engagement/soak_tui.py) edit one engagement at once for CRMWB_SOAK_SECONDS (default 10; the issue's
"done when" asks for 60): task status moves, notes, answer changes. Every edit of every writer is in the
history or was reported as refused, and engagement.yaml and state.db agree with a replay of the writers'
logs."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

import pytest
import yaml

from tests.engagement.concurrency_helpers import ROOT
from tests.engagement.lifecycle_helpers import fresh_engagement
from tests.engagement.soak_tui import run_tui_writer

SECONDS = float(os.environ.get("CRMWB_SOAK_SECONDS", "10"))
QUESTIONS = [
    "sponsor_named",
    "budget_approved",
    "loyalty_programme",
    "target_go_live_months",
    "target_go_live_months",
]
SHARED = ["pre-01-kickoff", "dep-04-configure"]
WRITERS = ("cli-a", "cli-b", "tui")


def _config(folder, tmp_path) -> dict:
    from workbench.store.sqlite_store import SQLiteStore

    with SQLiteStore(folder / "state.db") as store:
        # tasks every answer combination keeps (loyalty_programme drops post-06-loyalty-programme)
        tasks = sorted(t for t in store.tasks() if t not in SHARED and t != "post-06-loyalty-programme")
    own = {name: tasks[i :: len(WRITERS)][:4] for i, name in enumerate(WRITERS)}
    config = {
        "folder": str(folder),
        "seconds": SECONDS,
        "seed": 20261204,
        "questions": QUESTIONS,
        "number_question": "target_go_live_months",
        "shared_tasks": SHARED,
        "own_tasks": own,
    }
    (tmp_path / "soak.json").write_text(json.dumps(config), encoding="utf-8")
    return config


def _replay_answers(initial: dict, records: list[dict]) -> tuple[dict, int]:
    answers = dict(initial)
    written = sorted(
        (r for r in records if r["kind"] == "answer" and r["result"] == "ok"), key=lambda r: r["revision"]
    )
    revisions = [r["revision"] for r in written]
    assert len(revisions) == len(set(revisions)), "two writes got the same revision: the lock failed"
    for record in written:
        answers[record["question"]] = record["value"]
    return answers, len(written)


@pytest.mark.slow
def test_three_writers_for_a_while_lose_nothing(tmp_path, monkeypatch):
    from datetime import date

    from workbench.app.engagement import open_engagement
    from workbench.domain.resolve import resolve
    from workbench.loading.playbooks import load_playbook
    from workbench.store.sqlite_store import SQLiteStore

    folder = fresh_engagement(tmp_path)
    config = _config(folder, tmp_path)
    start = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    logs = {name: tmp_path / f"{name}.jsonl" for name in WRITERS[:2]}
    writer = [sys.executable, "-m", "tests.engagement.soak_writer", str(tmp_path / "soak.json")]
    procs = [
        subprocess.Popen([*writer, name, str(log)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for name, log in logs.items()
    ]
    try:
        tui_records = asyncio.run(run_tui_writer(folder, config, SECONDS, date.today(), monkeypatch))
    except BaseException:
        for proc in procs:
            proc.kill()
            proc.wait()
        raise
    for proc in procs:
        _, err = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, err
    records = tui_records + [
        json.loads(line) for log in logs.values() for line in log.read_text(encoding="utf-8").splitlines()
    ]
    by_writer = {name: [r for r in records if r["writer"] == name] for name in WRITERS}
    assert all(len(r) >= 3 for r in by_writer.values()), {n: len(r) for n, r in by_writer.items()}
    ok_answers = [r for r in records if r["kind"] == "answer" and r["result"] == "ok"]
    assert {r["writer"] for r in ok_answers} >= {"cli-a", "cli-b"} or len(ok_answers) >= 3

    # engagement.yaml: the answer writes replayed in revision order give the file; the revision counts them
    doc = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    replayed, writes = _replay_answers(start["answers"], records)
    assert doc["answers"] == replayed
    assert doc["revision"] == start["revision"] + writes

    if any(r.get("sync_error") for r in ok_answers):  # a save said the task list follows at the next open
        open_engagement(folder, "soak-check").close()
    if any(r.get("sync_error") for r in ok_answers):  # a save said the task list follows at the next open
        open_engagement(folder, "soak-check").close()
    with SQLiteStore(folder / "state.db") as store:
        # task states: each writer's own tasks end where its last move put them, every move in the history
        tasks = store.tasks(include_archived=True)
        for name in WRITERS:
            moves = [r for r in by_writer[name] if r["kind"] == "status"]
            for task in config["own_tasks"][name]:
                logged = [r["value"] for r in moves if r["task"] == task and r["result"] == "ok"]
                history = [e.new for e in store.history(task) if e.kind == "status"]
                assert history == logged, (name, task)
                assert tasks[task].status == (logged[-1] if logged else "not_started")
        # notes: exactly the ones logged as done, each once, by its writer
        notes = sorted((e.author, e.note) for t in SHARED for e in store.history(t) if e.kind == "note")
        assert notes == sorted(
            (r["writer"], r["value"]) for r in records if r["kind"] == "note" and r["result"] == "ok"
        )
        # the task list follows the final answers (synced under the folder lock by the last answer write)
        pb = load_playbook("core").playbook
        wanted = {t.id for _, t in resolve(pb, doc["answers"]).tasks()}
        assert {t for t, s in tasks.items() if not s.archived} == wanted
    counts = {
        name: {
            "edits": len(rs),
            "ok": sum(r["result"] == "ok" for r in rs),
            "refused": sum(r["result"] == "refused" for r in rs),
            "busy": sum(r["result"] == "busy" or bool(r.get("waited")) for r in rs),
            "noop": sum(r["result"] == "noop" for r in rs),
            "retyped": sum(r.get("retyped", 0) for r in rs),
        }
        for name, rs in by_writer.items()
    }
    print(f"soak {SECONDS:g}s: {len(records)} edits, {len(ok_answers)} answer writes; per writer {counts}")
