"""The plan and KPI writers run through the registry and the export transaction, in English and Persian."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.writers.plan_example import example_ctx, example_data
from workbench.writers.export import export


def test_export_writes_plan_and_kpi_files_with_a_manifest(tmp_path):
    result = export(example_ctx(), tmp_path, only=["plan", "kpis"])
    names = sorted(p.name for p in result.files)
    assert names == ["kpis.md", "kpis.xlsx", "plan.md", "plan.xlsx", "plan.xml"]
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
    assert plan.sheetnames == ["برنامه", "گانت", "نقاط عطف", "بار کاری"]
    sheet = plan["برنامه"]
    assert sheet["C2"].value == "کار الف" and kpis.worksheets[0]["B5"].value == "کاربران فعال"
    assert [c.value for c in sheet[1]][:4] == ["مرحله", "شناسهٔ کار", "کار", "مسئول"]
    # dates as Solar Hijri text in Persian digits, numbers real numbers shown with Persian digits
    start = sheet.cell(2, 13).value
    assert (
        isinstance(start, str)
        and start.startswith("۱۴۰")
        and not any(ch.isascii() and ch.isdigit() for ch in start)
    )
    duration = sheet.cell(2, 5)
    assert isinstance(duration.value, int) and duration.number_format.startswith("[$-03000429]")
    assert all(ws.sheet_view.rightToLeft for ws in plan.worksheets + kpis.worksheets)


def test_plan_markdown_in_russian_and_persian(tmp_path):
    import re

    for lang in ("ru", "fa"):
        ctx = example_ctx(example_data())
        ctx.lang = lang
        export(ctx, tmp_path / lang, only=["plan"], formats=["md"])
        text = (tmp_path / lang / "plan.md").read_text(encoding="utf-8")
        if lang == "ru":
            assert text.startswith("# План проекта:") and "## Критический путь" in text
            assert re.search(r"\| \d\d\.\d\d\.\d{4} \|", text) and not re.search(r"\d{4}-\d\d-\d\d", text)
        else:
            assert text.startswith("# برنامهٔ پروژه:") and "## مسیر بحرانی" in text
            table = text.split("## کارها", 1)[1]
            assert "۱۴۰" in table  # Solar Hijri years
            rows = [
                line.split(" | ")[3:8]
                for line in table.splitlines()
                if line.startswith("| ") and "---" not in line
            ]
            figures = [cell for row in rows[1:] for cell in row]  # days, start, finish, slack
            assert len(figures) > 10 and not any(re.search(r"[0-9]", cell) for cell in figures)
