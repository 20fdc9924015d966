"""The plan and KPI writers run through the registry and the export transaction, in English and Persian."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.writers.plan_example import example_ctx, example_data
from workbench.writers.export import export


def test_export_writes_plan_and_kpi_files_with_a_manifest(tmp_path):
    result = export(example_ctx(), tmp_path, only=["plan", "kpis"])
    names = sorted(p.name for p in result.files)
    assert names == ["kpis.md", "kpis.xlsx", "plan.md", "plan.xlsx"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert sorted(entry["path"] for entry in manifest["files"]) == names


def test_persian_export_uses_persian_names_and_right_to_left_sheets(tmp_path):
    data = example_data()
    data["phases"][0]["tasks"][0]["name"] = {"en": "Task a", "fa": "کار الف"}
    data["kpis"][0]["name"] = {"en": "Active users", "fa": "کاربران فعال"}
    ctx = example_ctx(data)
    ctx.lang = "fa"
    export(ctx, tmp_path, only=["plan", "kpis"], formats=["xlsx"])
    plan, kpis = load_workbook(tmp_path / "plan.xlsx"), load_workbook(tmp_path / "kpis.xlsx")
    assert plan["Plan"]["C2"].value == "کار الف" and kpis["KPI plan"]["B5"].value == "کاربران فعال"
    assert all(ws.sheet_view.rightToLeft for ws in plan.worksheets + kpis.worksheets)
