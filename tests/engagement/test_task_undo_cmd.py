"""`crmwb task DIR undo [TASK]`: the author's changes taken back newest first, across tasks or on one;
someone's later change refuses it (exit 2, nothing written); nothing left is said with exit 0; JSON for
scripts; Persian and Russian words."""

from __future__ import annotations

import json
import time

import pytest

from workbench.cli.exit_codes import ExitCode
from workbench.domain.task_undo import SAME_CHANGE

from .lifecycle_helpers import fresh_engagement, history, states

KICKOFF, STAKEHOLDERS = "pre-01-kickoff", "pre-05-stakeholders"


@pytest.fixture
def folder(tmp_path):
    return fresh_engagement(tmp_path)


def _by_hand(run_cli, *args: str) -> None:
    """One change as a person makes it: a command, then a moment before the next."""
    code, _, err = run_cli(*args)
    assert code == ExitCode.OK, err
    time.sleep(SAME_CHANGE.total_seconds() + 0.05)


def test_undo_takes_back_the_authors_changes_newest_first_on_any_task(run_cli, folder):
    _by_hand(run_cli, "task", folder, "start", KICKOFF, "--as", "ana")
    _by_hand(run_cli, "task", folder, "assign", STAKEHOLDERS, "bob", "--as", "ana")
    code, out, err = run_cli("task", folder, "undo", "--as", "ana", "--format", "json")
    assert code == ExitCode.OK, err
    undone = json.loads(out)
    assert undone["task"] == STAKEHOLDERS and undone["author"] == "ana"
    assert [(s["kind"], s["was"], s["back_to"]) for s in undone["undone"]] == [("assign", "bob", None)]
    code, out, _ = run_cli("task", folder, "undo", "--as", "ana")
    assert code == ExitCode.OK and f"{KICKOFF}: undone:" in out
    assert states(folder)[KICKOFF].status == "not_started" and states(folder)[STAKEHOLDERS].assignee is None
    code, out, _ = run_cli("task", folder, "undo", "--as", "ana", "--format", "json")
    assert code == ExitCode.OK and json.loads(out)["undone"] == []


def test_a_later_change_by_someone_else_refuses_with_exit_2_and_nothing_written(run_cli, folder):
    _by_hand(run_cli, "task", folder, "assign", KICKOFF, "bob", "--as", "ana")
    _by_hand(run_cli, "task", folder, "block", KICKOFF, "--note", "waiting", "--as", "boris")
    before = len(history(folder, KICKOFF))
    code, _, err = run_cli("task", folder, "undo", KICKOFF, "--as", "ana")
    assert code == ExitCode.BAD_INPUT and "boris" in err and "nothing was undone" in err
    assert len(history(folder, KICKOFF)) == before and states(folder)[KICKOFF].assignee == "bob"
    code, _, err = run_cli("task", folder, "undo", STAKEHOLDERS, "--as", "ana")
    assert code == ExitCode.OK, err


@pytest.mark.parametrize(("lang", "word"), [("fa", "برگردانده شد"), ("ru", "отменено")])
def test_undo_speaks_persian_and_russian(run_cli, folder, lang, word):
    _by_hand(run_cli, "task", folder, "start", KICKOFF, "--as", "ana")
    code, out, err = run_cli("task", folder, "undo", "--as", "ana", "--lang", lang)
    assert code == ExitCode.OK, err
    assert word in out and "undone" not in out
