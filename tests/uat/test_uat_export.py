"""`crmwb export --only uat`: the UAT workbook as an export deliverable. From an engagement it carries the
results recorded and the defect log (read from the store once, by the use case, never by the writer); from
a playbook it is the blank scripts workbook testers fill in."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.engagement.lifecycle_helpers import fresh_engagement
from tests.uat.test_uat_cli import musts


def _rows(path, sheet: int) -> list[tuple]:
    ws = load_workbook(path).worksheets[sheet]
    return [row for row in ws.iter_rows(min_row=2, values_only=True) if row[0] is not None]


def test_an_engagement_export_carries_the_recorded_fail_and_the_logged_defect(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    first = musts(run_cli, folder)[0]
    logged = ("defect", folder, "log", "Pipeline stage lost on save", "--severity", "2", "--script", first)
    assert run_cli(*logged, "--as", "ana")[0] == 0
    assert run_cli("uat", folder, "record", first, "fail", "--defect", "D-1", "--as", "ana")[0] == 0

    out = tmp_path / "out"
    code, _out, err = run_cli("export", folder, "--out", out, "--only", "uat", "--lang", "en", "--quiet")
    assert code == 0, err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in manifest["files"]] == ["uat.xlsx"]
    scripts = {row[0]: row for row in _rows(out / "uat.xlsx", 0)}
    assert scripts[first][9:12] == ("Fail", "D-1", "ana")
    defects = _rows(out / "uat.xlsx", 2)
    assert [(d[0], d[1], d[3]) for d in defects] == [("D-1", "Pipeline stage lost on save", "open")]


def test_a_playbook_export_gives_blank_scripts(run_cli, tmp_path):
    out = tmp_path / "out"
    code, _out, err = run_cli(
        "export", "b2c-retail-loyalty", "--out", out, "--only", "uat", "--lang", "ru", "--quiet"
    )
    assert code == 0, err
    scripts = _rows(out / "uat.xlsx", 0)
    assert len(scripts) > 10 and all(row[0].startswith("UAT-") for row in scripts)
    assert {row[9:13] for row in scripts} == {(None, None, None, None)}
    assert _rows(out / "uat.xlsx", 2) == []
    assert load_workbook(out / "uat.xlsx").sheetnames[0] == "Сценарии приёмки"
