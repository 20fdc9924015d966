"""`crmwb intake` fed through stdin: validation and re-asking, help on `?`, defaults in brackets, skipped
conditional questions, a save after every answer, and resuming after an interruption."""

from __future__ import annotations

import io
import subprocess
import sys

from workbench.domain.intake import next_question, parse_answer
from workbench.loading.playbooks import load_playbook

from .lifecycle_helpers import RETAIL_OPEN, ROOT, answers_of, fresh_engagement, states


class Typist(io.StringIO):
    """Stdin that types `lines`, then presses Ctrl-C (or Ctrl-D when `interrupt` is False)."""

    def __init__(self, lines: list[str], interrupt: bool = True):
        super().__init__("".join(f"{line}\n" for line in lines))
        self.interrupt = interrupt

    def readline(self, *args) -> str:
        line = super().readline(*args)
        if not line and self.interrupt:
            raise KeyboardInterrupt
        return line


def test_open_questions_are_asked_then_resumed(run_cli, tmp_path, monkeypatch):
    folder = fresh_engagement(tmp_path)
    assert [q for q in RETAIL_OPEN if q in answers_of(folder)] == []
    monkeypatch.setattr(sys, "stdin", Typist(["maybe", "?", "y"], interrupt=False))
    code, out, err = run_cli("intake", folder, "--as", "ana")
    assert (code, err) == (0, "")
    assert "6 unanswered questions" in out and "── Readiness ──" in out
    assert "15/37 Has a member of senior management agreed to sponsor" in out
    assert "(y/n, ? for help): maybe\n  'maybe' is not yes or no" in out
    assert "The sponsor appoints the CRM specialist in writing" in out  # the help
    assert "Stopped. 32 answers are saved" in out and "sponsor_named  (none) -> yes" in out
    assert answers_of(folder)["sponsor_named"] is True
    # resume: only what is still open, starting where it stopped
    monkeypatch.setattr(
        sys, "stdin", Typist(["", "n", "40", "12", "moderate", "1C and Excel", "y"], interrupt=False)
    )
    code, out, _ = run_cli("intake", folder)
    assert code == 0 and "5 unanswered questions" in out and "sponsor" not in out
    assert "(y/n, ? for help): \n  An answer is needed here" in out
    assert "40: expected at most 36" in out and "Intake complete." in out
    answers = answers_of(folder)
    assert (answers["budget_approved"], answers["target_go_live_months"], answers["current_systems"]) == (
        False,
        12,
        "1C and Excel",
    )
    assert list(answers).index("sponsor_named") < list(answers).index(
        "loyalty_programme"
    )  # questionnaire order
    assert run_cli("intake", folder)[1].startswith("Every question that applies is answered")


def test_ctrl_c_keeps_every_answer_given(run_cli, tmp_path, monkeypatch):
    folder = fresh_engagement(tmp_path)
    monkeypatch.setattr(sys, "stdin", Typist(["yes", "да"]))
    code, out, err = run_cli("intake", folder, "--lang", "ru")
    assert code == 130, err
    assert "Остановлено." in out and "Утверждён ли бюджет" in out and "(да/нет, ? — подсказка)" in out
    answers = answers_of(folder)
    assert answers["sponsor_named"] is True and answers["budget_approved"] is True
    assert "target_go_live_months" not in answers


def _all_walk(folder, script: dict[str, str]) -> list[str]:
    """The lines a person types in `intake --all`: Enter everywhere except the questions in `script`."""
    pb = load_playbook("core").playbook
    answers, lines, index = answers_of(folder), [], 0
    while (found := next_question(pb, answers, index, ask_all=True)) is not None:
        index, question = found
        lines.append(script.get(question.id, ""))
        if lines[-1]:
            answers[question.id] = parse_answer(question, lines[-1])
        index += 1
    return lines


def test_all_keeps_answers_on_enter_skips_what_no_longer_applies_and_syncs(run_cli, tmp_path, monkeypatch):
    folder = fresh_engagement(tmp_path)
    run_cli("task", folder, "note", "post-10-crm-manager-position", "kept", "--as", "ana")
    before = answers_of(folder)
    script = {
        "sponsor_named": "y",
        "budget_approved": "y",
        "target_go_live_months": "۶",
        "has_crm_specialist": "n",
    }
    monkeypatch.setattr(sys, "stdin", Typist(_all_walk(folder, script), interrupt=False))
    code, out, _ = run_cli("intake", folder, "--all", "--as", "ana")
    assert code == 0 and "Intake complete." in out
    assert "1/37 Who are your customers" in out and "   1) b2b" in out and "   3) both" in out
    assert "(number or id, ? for help) [b2c]: \n" in out  # the current answer in brackets, kept on Enter
    assert "/37 What share of their working time" not in out  # specialist_time_share no longer applies
    assert "- specialist_time_share" in out  # ... and the summary says so
    assert "Kept, though they no longer apply: specialist_time_share." in out
    after = answers_of(folder)
    assert after["has_crm_specialist"] is False and after["target_go_live_months"] == 6
    new = set(after) - set(before) - set(script)
    assert new <= {"crm_budget", "vendor_configures"}  # left open by retail: Enter keeps the default shown
    assert {k: v for k, v in after.items() if k not in script and k not in new} == {
        k: v for k, v in before.items() if k not in script
    }
    assert "has_crm_specialist     yes -> no" in out and "+ pre-04-hire-specialist" in out
    assert "Tasks: " in out and "added (not started)" in out
    tasks = states(folder)
    assert (
        tasks["pre-04-hire-specialist"].status == "not_started"
        and not tasks["pre-04-hire-specialist"].archived
    )


def test_intake_in_a_real_terminal_process(tmp_path):
    folder = fresh_engagement(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "intake", str(folder), "--lang", "fa"],
        input="بله\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert "(بله/خیر، ? برای راهنما): بله" in result.stdout and "متوقف شد." in result.stdout
    assert answers_of(folder)["sponsor_named"] is True
