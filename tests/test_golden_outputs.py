"""Golden files: every text output of the `core` playbook for a fixed intake, client, start date and issue
date ($SOURCE_DATE_EPOCH), compared byte for byte with tests/golden/. A change to a writer shows up as a diff
to review; `pytest tests/test_golden_outputs.py --update-golden` rewrites the files when it is meant.

One golden file per kind of output (one job description, one process map, one permission set, ...); the
export's manifest, also golden, holds the sha256 of every other text file, so none of them can change
unnoticed either. Binary files (xlsx, docx) and Graphviz's SVG (which depends on the installed Graphviz)
are left out of the comparison: their own tests read them back."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from workbench.cli.main import main

ANSWERS = ROOT / "playbooks" / "examples" / "b2b-software.answers.yaml"
FIXED = {"SOURCE_DATE_EPOCH": "1772409600"}  # 2026-03-02, the start date too
COMMON = ["--answers", ANSWERS, "--start", "2026-03-02", "--client", "Golden Client"]
BINARY = (".xlsx", ".docx", ".svg")
ONE_OF_MANY = {
    "jobdesc": "crm_manager.",
    "processes": "lead_to_deal.",
    "permissionsets": "CRM_sales_manager.",
    "Roles": "CRM_sales_manager.",
}
"""Folders with one file per role or process: one of them is golden in full, the rest by their hash."""
SAME_AS_CRM_EXPORT = {"ir.model.access.csv", "record_rules.xml"}
"""The export's Odoo files are the crm-export's Odoo files: golden in full once, by their hash here."""


def crmwb(*args, cwd: Path) -> tuple[int, str]:
    """The real command, in process, with the fixed issue date, in `cwd`, with no language from outside."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        mp.delenv("CRMWB_LANG", raising=False)
        for key, value in FIXED.items():
            mp.setenv(key, value)
        with contextlib.redirect_stdout(out):
            code = main([str(a) for a in args])
    return code, out.getvalue()


def texts(folder: Path, prefix: str) -> dict[str, str]:
    """The text files of an output folder by golden name, plus `SHA256SUMS` over every text file, so the
    ones not kept in full are compared too. The manifest's binary files have their sizes and hashes blanked
    (zip containers carry their own timestamps)."""
    found, sums = {}, []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in BINARY):
        name = path.relative_to(folder).as_posix()
        if path.name != "manifest.json":  # golden in full below, its binary hashes blanked
            sums.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {name}\n")
        wanted = ONE_OF_MANY.get(path.parent.name)
        if (wanted and not path.name.startswith(wanted)) or (
            prefix.startswith("export") and name in SAME_AS_CRM_EXPORT
        ):
            continue
        text = path.read_bytes().decode("utf-8")
        if path.name == "manifest.json":
            manifest = json.loads(text)
            for entry in manifest["files"]:
                if entry["path"].endswith(BINARY):
                    entry["bytes"] = entry["sha256"] = "(binary)"
            text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
        found[f"{prefix}/{name}"] = text
    found[f"{prefix}/SHA256SUMS"] = "".join(sums)
    return found


@pytest.mark.parametrize("lang, formats", [("en", None), ("fa", "md,csv")])
def test_export_matches_the_golden_files(tmp_path, golden, lang, formats):
    args = ["export", "core", *COMMON, "--out", tmp_path / "out", "--lang", lang, "--quiet"]
    code, _ = crmwb(*args, *(["--format", formats] if formats else []), cwd=tmp_path)
    assert code == 0
    written = texts(tmp_path / "out", f"export-{lang}")
    assert any(name.endswith(".md") for name in written) and any(name.endswith(".csv") for name in written)
    golden(written)


def test_crm_export_to_every_target_matches_the_golden_files(tmp_path, golden):
    code, _ = crmwb(
        "crm-export", "core", "--answers", ANSWERS, "--to", "all", "--out", tmp_path / "crm", cwd=tmp_path
    )
    assert code == 0
    written = texts(tmp_path / "crm", "crm-export")
    assert {name.split("/")[1] for name in written} >= {
        "salesforce",
        "dynamics",
        "odoo",
        "espocrm",
        "suitecrm",
    }
    golden(written)


def test_check_and_audit_reports_match_the_golden_files(tmp_path, golden):
    """`check` (text and JSON) and `audit` of a live Salesforce with two rights beyond the design (table,
    JSON and SARIF); paths are given relative to the working folder, so the reports hold no temp path."""
    crmwb(
        "crm-export",
        "core",
        "--answers",
        ANSWERS,
        "--to",
        "salesforce",
        "--out",
        tmp_path / "live",
        cwd=tmp_path,
    )
    granted = tmp_path / "live" / "salesforce" / "permissionsets" / "CRM_sales_manager.permissionset-meta.xml"
    extra = "".join(
        f"    <userPermissions>\n        <enabled>true</enabled>\n        <name>{name}</name>\n"
        "    </userPermissions>\n"
        for name in ("ExportReport", "ModifyAllData")
    )
    granted.write_text(
        granted.read_text(encoding="utf-8").replace("</PermissionSet>", extra + "</PermissionSet>"),
        encoding="utf-8",
    )
    reports = {}
    for fmt in ("text", "json"):
        code, reports[f"stdout/check.{fmt}"] = crmwb(
            "check", "core", "--answers", ANSWERS, "--format", fmt, cwd=tmp_path
        )
        assert code in (0, 1)
    for fmt, suffix in (("table", "txt"), ("json", "json"), ("sarif", "sarif")):
        code, reports[f"stdout/audit.{suffix}"] = crmwb(
            "audit",
            "core",
            "--answers",
            ANSWERS,
            "--from",
            "salesforce",
            "live/salesforce",
            "--format",
            fmt,
            cwd=tmp_path,
        )
        assert code == 1  # the two extra rights are errors
    assert "modify_all_data" in reports["stdout/audit.sarif"]
    base = tmp_path.as_uri() + "/"
    assert base in reports["stdout/audit.sarif"]  # SARIF's SRCROOT: the working folder, the one varying part
    reports = {name: text.replace(base, "file:///WORKING-FOLDER/") for name, text in reports.items()}
    assert str(tmp_path) not in "".join(reports.values())
    golden(reports)
