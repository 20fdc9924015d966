"""The Gantt's week columns are real dates whose display format names the week in the workbook's language
(the word comes from the message catalogue, like every other label)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook
from workbench.writers import plan_xlsx
from workbench.writers.context import ExportContext
from workbench.writers.plan_xlsx_gantt import FIRST


@pytest.mark.parametrize(("lang", "number_format"), [("en", '"wk" dd mmm'), ("ru", '[$-419]"нед." dd mmm')])
def test_week_axis_format_in_the_workbook_language(tmp_path, lang, number_format):
    loaded = load_playbook("core")
    ctx = ExportContext(resolve(loaded.playbook, {}), loaded.playbook, {}, "Acme", date(2026, 1, 5), lang)
    [path] = plan_xlsx.write(ctx, tmp_path)
    gantt = load_workbook(path).worksheets[1]
    first_week = gantt.cell(row=1, column=FIRST)
    assert isinstance(first_week.value, date) and first_week.number_format == number_format
    assert gantt.cell(row=1, column=FIRST + 1).number_format == number_format
