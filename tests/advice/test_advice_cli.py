"""`crmwb readiness` and `crmwb staffing` end to end: exit codes, located errors, JSON for scripts, Markdown
with right-to-left Persian, and no English leaking into Persian or Russian reports."""

from __future__ import annotations

import json
import re

import pytest

from tests.advice.conftest import EXAMPLES, core
from tests.conftest import DATA
from workbench.domain.text import tr

CLIENTS = {
    "b2b-software": "Example Software House (demo)",
    "bank": "Example Regional Bank (demo)",
    "retail-chain": "Example Appliance Retail (demo)",
}
OUR_LATIN = {"CRM", "CRM-", "KPI", "ERP-"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def playbook_latin(lang: str) -> set[str]:
    """Latin words the playbook itself uses in this language's question texts and option labels."""
    words: set[str] = set()
    for q in core().questions:
        words |= set(LATIN_WORD.findall(tr(q.text, lang)))
        for o in q.options:
            words |= set(LATIN_WORD.findall(tr(o.label, lang)))
    return words


def test_readiness_text_report(run_cli):
    code, out, err = run_cli("readiness", "core", "--answers", EXAMPLES / "b2b-software.answers.yaml")
    assert code == 0 and err == ""
    assert out.startswith("CRM readiness — Example Software House (demo)\n")
    assert ">> CRM needed now (5 of 7 signs)" in out
    assert (
        "Rule: at least 4 signs — needed now; 2 to 3 — useful, prepare first; fewer than 2 — not yet." in out
    )
    assert ">> Not yet — give this duty to the CRM specialist (1 of 6 situations)" in out
    assert "[need_no_sales_plan] — yes" in out
    assert "[has_crm_specialist] —\n          no" in out or "[has_crm_specialist] — no" in out
    steps = out.split("What to do first")[1]
    assert steps.index("Choose the in-house CRM specialist") < steps.index(
        "List every place customer data lives"
    )
    assert steps.index("List every place customer data lives") < steps.index(
        "Bring every channel into one shared"
    )
    assert "Not answered" not in out


def test_readiness_json(run_cli):
    code, out, _ = run_cli(
        "readiness", "core", "--answers", EXAMPLES / "bank.answers.yaml", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["kind"] == "readiness" and data["client"] == CLIENTS["bank"]
    assert data["thresholds"] == {
        "crm_needed_now": 4,
        "crm_prepare_first": 2,
        "manager_situations": 2,
        "manager_always_when": "need_large_business",
    }
    assert (data["crm"]["verdict"], data["crm"]["yes"], data["crm"]["of"]) == ("needed_now", 6, 7)
    assert data["manager"]["verdict"] == "needed"
    assert data["crm"]["reasons"][0]["trace"] == [
        {"question": "sign_no_sales_oversight", "answer": True},
        {"question": "sales_team_size", "answer": 240},
    ]
    assert data["crm"]["reasons"][0]["text"].startswith("240 people sell")
    assert [s["code"] for s in data["first_steps"]][-2:] == ["step_manager_position", "step_next_needed_now"]


def test_staffing_json_traces_every_reason_to_ids_and_raw_answers(run_cli):
    code, out, _ = run_cli(
        "staffing",
        "core",
        "--answers",
        EXAMPLES / "retail-chain.answers.yaml",
        "--format",
        "json",
        "--lang",
        "ru",
    )
    data = json.loads(out)
    assert code == 0
    assert {r["topic"]: r["choice"] for r in data["recommendations"]} == {
        "team": "manager_and_specialist",
        "time": "full_time",
        "seniority": "experienced",
        "source": "keep_insider",
        "placement": "crm_unit",
        "analyst": "separate",
    }
    placement = data["recommendations"][4]
    assert (
        placement["text"]
        == "Создайте отдельное CRM-подразделение в прямом подчинении генеральному директору."
    )
    assert placement["reasons"][0]["trace"] == [{"question": "company_size", "answer": "large"}]
    assert data["risks"][0]["code"] == "risk_share_below_full"
    assert data["risks"][0]["trace"][1] == {"question": "specialist_time_share", "answer": 50}
    for rec in data["recommendations"]:
        assert rec["reasons"] and all(r["trace"] for r in rec["reasons"])
    assert data["unanswered"] == ["sponsor_named"]


def test_persian_markdown_is_right_to_left_and_names_questions_by_their_text(run_cli):
    code, out, _ = run_cli(
        "staffing", "core", "--answers", EXAMPLES / "bank.answers.yaml", "--lang", "fa", "--format", "md"
    )
    assert code == 0
    assert out.startswith(
        '<div dir="rtl" lang="fa">\n\n# تأمین نیروی انسانی CRM — Example Regional Bank (demo)\n'
    )
    assert out.endswith("\n</div>\n")
    assert "| # | دلیل | بر پایه |" in out
    assert "**این نقش را در واحد فناوری اطلاعات قرار دهید.**" in out
    industry = tr(core().question_map()["industry"].text, "fa")
    assert (
        f"| ۱ | {'در این صنعت داده‌ها'}" in out and f"{industry} — **خدمات مالی (بانک، بیمه، لیزینگ)**" in out
    )
    assert "industry" not in out and "company_size" not in out


def test_english_markdown_names_question_ids_in_the_trace_column(run_cli):
    code, out, _ = run_cli("staffing", "core", "--answers", EXAMPLES / "bank.answers.yaml", "--format", "md")
    assert code == 0 and not out.startswith("<div")
    assert "| # | Reason | Based on |" in out
    assert "How many people work in your company? (`company_size`) — **Over 250 staff**" in out


@pytest.mark.parametrize("lang", ["fa", "ru"])
@pytest.mark.parametrize("fmt", ["text", "md"])
@pytest.mark.parametrize("command", ["readiness", "staffing"])
@pytest.mark.parametrize("name", sorted(CLIENTS))
def test_no_english_leaks_into_persian_or_russian_reports(run_cli, lang, fmt, command, name):
    code, out, _ = run_cli(
        command, "core", "--answers", EXAMPLES / f"{name}.answers.yaml", "--lang", lang, "--format", fmt
    )
    assert code == 0
    text = out.replace(CLIENTS[name], "").replace(f'<div dir="rtl" lang="{lang}">', "").replace("</div>", "")
    text = text.replace("<br>", " ")
    leaked = set(LATIN_WORD.findall(text)) - OUR_LATIN - playbook_latin(lang)
    assert not leaked, leaked
    if lang == "fa":
        assert not re.search(r"[0-9]", text), "Persian reports write numbers with Persian digits"


def test_unanswered_questions_make_a_provisional_verdict(run_cli, write_answers):
    answers = write_answers({"sign_leads_lost": True, "sign_slow_reports": True, "company_size": "small"})
    code, out, _ = run_cli("readiness", "core", "--answers", answers)
    assert code == 0
    assert ">> CRM useful — prepare first (2 of 7 signs)" in out
    assert out.count("Provisional: answers to the open questions below could still change this verdict.") == 2
    open_part = out.split("Not answered (counted as no)")[1]
    assert "[sign_scattered_data]" not in open_part  # ids only in the traces, the open list shows questions
    assert (
        "Is customer information spread across spreadsheets, mailboxes, phones and paper notes?" in open_part
    )
    code, out, _ = run_cli("staffing", "core", "--answers", answers)
    assert code == 0 and out.count("Provisional:") == 1
    team = out.split("CRM team")[1].split("Time given to the CRM")[0]
    assert "Situations that call for a dedicated CRM manager: 0 of 6" in team and "Provisional:" in team


def test_bad_answers_file_exits_2_with_located_errors(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  sign_leads_lost: maybe\n  company_size: huge\n", encoding="utf-8")
    for command in ("readiness", "staffing"):
        code, out, err = run_cli(command, "core", "--answers", bad)
        assert code == 2 and out == ""
        assert f"{bad}:2:20: error: answers.sign_leads_lost: answer 'maybe'" in err
        assert f"{bad}:3:17: error: answers.company_size: answer 'huge'" in err


def test_broken_yaml_and_missing_file_exit_2(run_cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("answers: [1\n", encoding="utf-8")
    code, _, err = run_cli("readiness", "core", "--answers", broken)
    assert code == 2 and f"{broken}:2:1: error: not valid YAML" in err
    code, _, err = run_cli("staffing", "core", "--answers", tmp_path / "none.yaml")
    assert code == 2 and "none.yaml: error: cannot read answers file" in err


def test_usage_errors_exit_2(run_cli):
    code, _, err = run_cli("readiness", "core")
    assert code == 2 and "--answers FILE is required with a playbook" in err
    with pytest.raises(SystemExit) as exc:
        run_cli("staffing", "core", "--answers", EXAMPLES / "bank.answers.yaml", "--lang", "de")
    assert exc.value.code == 2


def test_a_playbook_without_the_questions_cannot_give_advice(run_cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("business_model: b2b\n", encoding="utf-8")
    code, out, err = run_cli("readiness", DATA / "mini.yaml", "--answers", answers)
    assert code == 2 and out == ""
    assert "playbook 'mini' asks none of the questions this advice needs" in err


def test_engagement_folder_gives_the_same_advice_and_leaves_the_store_alone(run_cli, tmp_path):
    folder = tmp_path / "bank"
    code, _, _ = run_cli("new", folder, "--playbook", "core", "--answers", EXAMPLES / "bank.answers.yaml")
    assert code == 0
    store = folder / "state.db"
    before = store.stat().st_mtime_ns, store.read_bytes()
    for command in ("readiness", "staffing"):
        code, from_folder, _ = run_cli(command, folder, "--format", "json")
        assert code == 0
        code, from_files, _ = run_cli(
            command, "core", "--answers", EXAMPLES / "bank.answers.yaml", "--format", "json"
        )
        assert json.loads(from_folder) == json.loads(from_files)
    assert (store.stat().st_mtime_ns, store.read_bytes()) == before
    code, _, err = run_cli("readiness", folder, "--answers", EXAMPLES / "bank.answers.yaml")
    assert code == 2 and "an engagement folder has its own answers" in err


def test_bad_answers_in_an_engagement_folder_are_located(run_cli, tmp_path):
    folder = tmp_path / "e"
    assert run_cli("new", folder, "--playbook", "core", "--answers", EXAMPLES / "bank.answers.yaml")[0] == 0
    file = folder / "engagement.yaml"
    text = file.read_text(encoding="utf-8").replace("sign_leads_lost: false", "sign_leads_lost: sometimes")
    file.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "sign_leads_lost" in row)
    code, out, err = run_cli("readiness", folder)
    assert code == 2 and out == ""
    assert f"{file}:{line}:" in err and "answers.sign_leads_lost: answer 'sometimes'" in err
    code, _, err = run_cli("staffing", tmp_path)
    assert code == 2 and "no engagement.yaml here" in err
