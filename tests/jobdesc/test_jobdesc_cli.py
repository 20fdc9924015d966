"""`crmwb jobdesc`: one role or --all, languages and formats, answers, and clear errors with exit code 2."""

from __future__ import annotations

import docx
import pytest

from tests.jobdesc.conftest import TEST_PLAYBOOK
from tests.jobdesc.helpers import read_html


def test_one_role_one_language_one_format(run_cli, tmp_path):
    code, out, err = run_cli(
        "jobdesc",
        "lead",
        "--playbook",
        TEST_PLAYBOOK,
        "--lang",
        "fa",
        "--format",
        "html",
        "--out",
        tmp_path,
        "--date",
        "2026-11-23",
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lead.fa.html"]
    assert "lead.fa.html" in out
    page = read_html(tmp_path / "lead.fa.html")
    assert page.attrs["html"] == {"lang": "fa", "dir": "rtl"}
    assert ("p", "تاریخ: ۲ آذر ۱۴۰۵") in page.blocks


def test_all_roles_in_several_languages_and_formats(run_cli, tmp_path):
    code, out, err = run_cli(
        "jobdesc",
        "--all",
        "--playbook",
        TEST_PLAYBOOK,
        "--lang",
        "en,fa,ru",
        "--format",
        "md,html,docx",
        "--out",
        tmp_path,
        "--quiet",
    )
    assert code == 0 and out == "", err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 3 * 3 * 3
    assert {n.split(".")[0] for n in names} == {"lead", "helper", "eurasia"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left behind
    title = docx.Document(str(tmp_path / "helper.ru.docx")).paragraphs[0].text
    assert title == "Описание должности: Помощник по CRM"


def test_core_is_the_default_playbook_and_answers_change_the_document(run_cli, tmp_path):
    small, large = tmp_path / "small.yaml", tmp_path / "large.yaml"
    small.write_text("company_size: small\nindustry: software\n", encoding="utf-8")
    large.write_text("answers:\n  company_size: large\n  industry: retail\n", encoding="utf-8")
    for answers, folder in ((small, tmp_path / "a"), (large, tmp_path / "b")):
        code, _, err = run_cli(
            "jobdesc", "crm_manager", "--answers", answers, "--out", folder, "--date", "2026-11-23"
        )
        assert code == 0, err
    a = (tmp_path / "a" / "crm_manager.en.md").read_text(encoding="utf-8")
    b = (tmp_path / "b" / "crm_manager.en.md").read_text(encoding="utf-8")
    assert a.startswith("# Job description: CRM Manager") and b.startswith("# Job description: CRM Manager")
    assert "Analyse the sales funnel" in a and "Analyse the sales funnel" not in b  # the small firm's merge
    code, _, err = run_cli("jobdesc", "crm_analyst", "--answers", small, "--out", tmp_path / "c")
    assert code == 2 and "is not a role this client has (its duties go to 'crm_manager')" in err
    assert not (tmp_path / "c").exists()


def usage_error(capsys, run_cli, *args) -> tuple[int, str]:
    """argparse exits on usage errors; return its exit code and message."""
    with pytest.raises(SystemExit) as exc:
        run_cli(*args)
    return exc.value.code, capsys.readouterr().err


def test_errors_exit_2_with_a_useful_message(run_cli, capsys, tmp_path):
    code, _, err = run_cli("jobdesc", "boss", "--playbook", TEST_PLAYBOOK, "--out", tmp_path)
    assert code == 2 and "'boss' has no job profile" in err and "lead, helper, eurasia" in err
    code, _, err = run_cli("jobdesc", "nobody", "--playbook", TEST_PLAYBOOK, "--out", tmp_path)
    assert code == 2 and "'nobody' is not a role" in err
    code, _, err = run_cli("jobdesc", "--playbook", TEST_PLAYBOOK, "--out", tmp_path)
    assert code == 2 and "either a ROLE or --all" in err
    code, _, err = run_cli("jobdesc", "lead", "--all", "--playbook", TEST_PLAYBOOK, "--out", tmp_path)
    assert code == 2
    code, err = usage_error(capsys, run_cli, "jobdesc", "lead", "--lang", "de", "--out", tmp_path)
    assert code == 2 and "'de' is not one of en, fa, ru" in err
    code, err = usage_error(capsys, run_cli, "jobdesc", "lead", "--format", "pdf", "--out", tmp_path)
    assert code == 2 and "'pdf' is not one of md, html, docx" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("company_size: gigantic\n", encoding="utf-8")
    code, _, err = run_cli(
        "jobdesc", "lead", "--playbook", TEST_PLAYBOOK, "--answers", bad, "--out", tmp_path
    )
    assert code == 2 and "gigantic" in err
    assert not list(tmp_path.glob("*.md"))


def test_unwritable_output_is_reported(run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run_cli("jobdesc", "lead", "--playbook", TEST_PLAYBOOK, "--out", blocker / "sub")
    assert code == 2 and "cannot write" in err


def test_command_is_registered_and_documented(run_cli, capsys):
    from workbench.cli.main import COMMANDS

    assert COMMANDS["jobdesc"][0] == "workbench.cli.jobdesc_cmd"
    with pytest.raises(SystemExit) as exc:
        run_cli("jobdesc", "--help")
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "--all" in out and "--answers" in out and "md|html|docx" in out
