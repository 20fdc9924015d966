"""The use cases both interfaces call: one creation, one reading, answer saves that change no shared state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from workbench.app.engagement import create, open_engagement
from workbench.app.engagements import create_session
from workbench.app.session import change_answers

DATA = Path(__file__).resolve().parent.parent / "data"


def _reversed_answers(tmp_path: Path) -> Path:
    """Answers for the mini playbook written in the opposite order of its questionnaire."""
    questions = [
        q["id"] for q in yaml.safe_load((DATA / "mini.yaml").read_text(encoding="utf-8"))["questions"]
    ]
    path = tmp_path / "answers.yaml"
    values = {"business_model": "b2b", "modules": ["sales"], "has_specialist": True}
    assert set(values) <= set(questions)
    answers = {qid: values[qid] for qid in reversed(questions) if qid in values}
    path.write_text(yaml.safe_dump({"client": "Acme", "answers": answers}), encoding="utf-8")
    return path


def _answer_keys(folder: Path) -> list[str]:
    return list(yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["answers"])


def test_the_cli_and_the_tui_create_the_same_engagement(tmp_path, run_cli):
    answers = _reversed_answers(tmp_path)
    code, _out, err = run_cli(
        "new",
        tmp_path / "cli",
        "--playbook",
        DATA / "mini.yaml",
        "--answers",
        answers,
        "--start",
        "2026-01-05",
        "--as",
        "test",
    )
    assert code == 0, err
    session = create_session(
        str(tmp_path / "tui"), str(DATA / "mini.yaml"), "", str(answers), "test", date(2026, 1, 5)
    )
    session.close()
    cli = yaml.safe_load((tmp_path / "cli" / "engagement.yaml").read_text(encoding="utf-8"))
    tui = yaml.safe_load((tmp_path / "tui" / "engagement.yaml").read_text(encoding="utf-8"))
    assert cli["answers"] == tui["answers"] != {}
    assert (
        _answer_keys(tmp_path / "cli")
        == _answer_keys(tmp_path / "tui")
        == ["business_model", "modules", "has_specialist"]
    )  # the questionnaire's order, not the file's
    assert cli["client"] == tui["client"] == "Acme"


def test_an_answer_save_changes_nothing_the_caller_holds(tmp_path):
    """The TUI saves in a worker thread: the save returns the re-opened engagement for the UI thread to
    adopt, and the one it was given stays as it was, its store open."""
    folder = tmp_path / "client"
    create(folder, str(DATA / "mini.yaml"), {"business_model": "b2b"}, "Client", date(2026, 1, 5), "test")
    opened = open_engagement(folder, "test")
    try:
        changed = change_answers(opened, "test", {"business_model": "b2c"})
        assert opened.engagement.answers == {"business_model": "b2b"}
        assert opened.store.tasks()  # still open
        assert changed.result.sync_error is None and changed.opened is not opened
        assert changed.opened.engagement.answers == {"business_model": "b2c"}
        assert changed.opened.engagement.revision == opened.engagement.revision + 1
        changed.opened.close()
    finally:
        opened.close()


def test_readiness_on_an_engagement_checks_its_rfp_overrides(tmp_path, run_cli):
    """The advice commands read an engagement as every other command does: a broken override is refused,
    located in engagement.yaml (the old copy of the reading skipped this check)."""
    folder = tmp_path / "client"
    examples = DATA.parent.parent / "playbooks" / "examples"
    code, _out, err = run_cli(
        "new",
        folder,
        "--playbook",
        "core",
        "--answers",
        examples / "retail-chain.answers.yaml",
        "--as",
        "test",
    )
    assert code == 0, err
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "overrides:\n  requirements:\n    NO-SUCH-REQ: {weight: 2}\n",
        encoding="utf-8",
    )
    code, _out, err = run_cli("readiness", folder)
    assert code == 2
    assert "unknown requirement 'NO-SUCH-REQ'" in err and "engagement.yaml" in err
