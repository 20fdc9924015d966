"""Ctrl+S in the TUI's audit: the report saved as xlsx, SARIF, JSON or Markdown is the file `crmwb audit
--from odoo ... --format F --out FILE` writes (SARIF and JSON parsed, the workbook read back with
openpyxl, Markdown as text); before an audit there is nothing to save and it says so; F1 and the palette
name the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import notifications
from tests.tui.test_journey_week2 import live_export
from workbench.tui.app import make_app
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.screens.audit_dialog import AuditDialog
from workbench.tui.screens.audit_save_dialog import AuditSaveDialog
from workbench.tui.screens.help import help_markdown

FORMATS = ("xlsx", "sarif", "json", "md")


def _content(path: Path, fmt: str) -> object:
    """What a file says, read as its format is read: parsed, or every sheet's cell values."""
    if fmt in ("sarif", "json"):
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "md":
        return path.read_text(encoding="utf-8")
    book = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}


async def _audited(pilot, app, live: Path) -> AuditDialog:
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    audit = app.screen
    assert isinstance(audit, AuditDialog)
    audit.query_one("#audit-target").value = "odoo"
    audit.query_one("#audit-source").value = str(live)
    await pilot.press("enter")
    await settle(pilot)
    assert audit.result is not None and audit.result.report is not None
    return audit


async def test_each_format_saved_from_the_tui_is_the_file_the_cli_writes(seeded, tmp_path, run_cli):
    live = live_export(run_cli, seeded, tmp_path / "crm")
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        audit = await _audited(pilot, app, live)
        for fmt in FORMATS:
            await pilot.press("ctrl+s")
            await settle(pilot)
            dialog = app.screen
            assert isinstance(dialog, AuditSaveDialog)
            assert dialog.path == str(seeded / "crm-audit-odoo.xlsx")
            dialog.query_one("#audit-save-format").value = fmt
            await settle(pilot)
            assert dialog.path.endswith(f"crm-audit-odoo.{'md' if fmt == 'md' else fmt}")
            dialog.query_one("#audit-save-path").value = str(tmp_path / "tui" / f"audit.{fmt}")
            await pilot.press("enter")
            await settle(pilot)
            await app.workers.wait_for_complete()
            assert app.screen is audit
        assert any(n.startswith("Saved: ") for n in notifications(app))

    for fmt in FORMATS:
        cli_file = tmp_path / "cli" / f"audit.{fmt}"
        code, _out, err = run_cli("audit", seeded, "--from", "odoo", live, "--format", fmt, "--out", cli_file)
        assert code == 1, err  # the widened right: drift found
        tui = _content(tmp_path / "tui" / f"audit.{fmt}", fmt)
        assert tui == _content(cli_file, fmt), fmt
    report = _content(tmp_path / "tui" / "audit.json", "json")
    assert isinstance(report, dict) and any(d["severity"] == "error" for d in report["drifts"])
    assert sorted(p.name for p in (tmp_path / "tui").iterdir()) == sorted(f"audit.{f}" for f in FORMATS)


async def test_before_an_audit_ctrl_s_says_there_is_nothing_to_save(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AuditDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AuditDialog)
        assert any("there is no report to save yet" in n for n in notifications(app))
        assert "- `Ctrl+S` **Save as**" in help_markdown(app.screen)
        entries = {label: run for label, run, _help in WorkbenchCommands(app.screen).commands()}
        assert "audit: Save as" in entries


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cli_refuses_a_report_format_without_the_live_export(run_cli, seeded, fmt):
    code, _out, err = run_cli("audit", seeded, "--format", fmt)
    assert code == 2 and err
