"""`crmwb data-audit` with `--engagement`: the fields the playbook's customer profile requires of the
client (a `when:` resolved against the intake answers) replace the built-in profile, and the client's
country is the phone region of `--reconcile` too."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from workbench.cli.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parents[2]
B2B_RU = ROOT / "playbooks" / "examples" / "b2b-software.answers.yaml"


@lru_cache(maxsize=1)
def _answers() -> tuple[str, dict]:
    data = yaml.safe_load(B2B_RU.read_text(encoding="utf-8"))
    return data["client"], dict(data["answers"])


def b2b_russia(tmp_path: Path) -> Path:
    """A B2B engagement in Russia on the b2b-sales playbook, whose accounts require an INN there."""
    from workbench.app.engagement import create

    client, answers = _answers()
    assert answers["country"] == "RU" and answers["business_model"] == "b2b"
    create(tmp_path / "b2b", "b2b-sales", answers, client, date(2025, 1, 6), "ana")
    return tmp_path / "b2b"


ACCOUNTS = (
    "Company,Phone,INN,Industry\n"
    "Alfa Trade,+7 916 555 66 77,7701234567,retail\n"
    "Beta Soft,+7 903 123 45 67,,software\n"
    "Gamma Logistics,+7 495 111 22 33,,transport\n"
)


def _audit(run_cli, *args: object) -> dict:
    code, out, err = run_cli("data-audit", *args, "--object", "account", "--format", "json")
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err
    return json.loads(out)


def test_an_inn_required_for_b2b_in_russia_is_missing_for_that_engagement_only(run_cli, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text(ACCOUNTS, encoding="utf-8")
    bare = _audit(run_cli, path, "--region", "RU")
    assert bare["required"] == ["company", "phone_or_email"] and bare["unchecked_required"] == []
    assert bare["complete_records"] == 3
    folder = b2b_russia(tmp_path)
    engaged = _audit(run_cli, path, "--engagement", folder)
    assert engaged["region"] == "RU"
    assert "national_id" in engaged["required"] and "company" in engaged["required"]
    assert engaged["columns"]["national_id"] == "INN"
    assert engaged["complete_records"] == 1 and engaged["completeness"] == 33.33
    assert "industry" in engaged["unchecked_required"]  # required, but no audit field holds it


def test_the_text_names_what_the_playbook_requires_but_cannot_be_checked(run_cli, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text(ACCOUNTS, encoding="utf-8")
    folder = b2b_russia(tmp_path)
    code, out, err = run_cli("data-audit", path, "--object", "account", "--engagement", folder)
    assert code == ExitCode.OK, err
    assert "required by the playbook but not checked in a legacy file: " in out
    assert "Industry" in out.split("not checked in a legacy file: ")[1].splitlines()[0]


def test_reconcile_takes_the_phone_region_from_the_engagements_country(run_cli, tmp_path):
    source = tmp_path / "legacy.csv"
    target = tmp_path / "crm.csv"
    source.write_text("Phone,Name\n8 916 555 66 77,Alfa\n8 (903) 123-45-67,Beta\n", encoding="utf-8")
    target.write_text("Phone,Name\n+79165556677,Alfa\n+79031234567,Beta\n", encoding="utf-8")
    args = ("data-audit", "--reconcile", source, target, "--key", "Phone", "--format", "json")
    code, out, err = run_cli(*args)  # English: no default region, national numbers stay as written
    assert code == ExitCode.FINDINGS, err
    assert len(json.loads(out)["missing"]) == 2
    code, out, err = run_cli(*args, "--engagement", b2b_russia(tmp_path))
    assert code == ExitCode.OK, err
    result = json.loads(out)
    assert result["matched"] == 2 and result["missing"] == [] and result["extra"] == []


def test_the_workbook_lists_what_the_playbook_requires_but_cannot_be_checked(run_cli, tmp_path):
    """The xlsx says what the text, Markdown and JSON say: the required fields no audit check holds, in
    the client's language (Russian here), so the workbook's silence on them does not read as a pass."""
    from openpyxl import load_workbook

    from workbench.i18n import _ as gettext
    from workbench.i18n import use_language

    path = tmp_path / "accounts.csv"
    path.write_text(ACCOUNTS, encoding="utf-8")
    folder = b2b_russia(tmp_path)
    engaged = _audit(run_cli, path, "--engagement", folder)
    out = tmp_path / "audit.xlsx"
    code, _out, err = run_cli(
        "data-audit", path, "--object", "account", "--engagement", folder, "--lang", "ru", "--out", out
    )
    assert code == ExitCode.OK, err
    wb = load_workbook(out)
    with use_language("ru"):
        title = gettext("Not checked")
        why = gettext("required by the playbook; the audit has no check for it in a legacy file")
    assert title != "Not checked" and wb.sheetnames[-1] == title
    rows = list(wb[title].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == engaged["unchecked_required"]
    assert all(r[2] == why and r[0] and r[0] != r[1] for r in rows)
    industry = next(r for r in rows if r[1] == "industry")
    assert any("\u0400" <= ch <= "\u04ff" for ch in industry[0])  # the playbook's Russian name
