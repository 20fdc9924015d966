"""The data audit in the TUI (d on the Acceptance section): a planted export audited in a worker gives the
same result as `crmwb data-audit --engagement DIR --format json`; the KPI values it records and the
reports it saves (JSON, Markdown, xlsx) are the CLI's, byte for byte or cell for cell; in Persian and
Russian the dialog shows no English."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual.widgets import DataTable, Input

from tests.conftest import allowed_latin_words
from tests.data_audit.planted import HEADERS, generate, write_csv
from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_tui_languages import SIZE, data_words, found_leaks, screen_text
from workbench.cli.exit_codes import ExitCode
from workbench.tui.app import make_app
from workbench.tui.screens.data_audit_dialog import DataAuditDialog
from workbench.tui.screens.dialogs import PromptDialog
from workbench.tui.screens.uat import UatScreen


def _planted(folder: Path, headers: str = "en") -> tuple[Path, list[list[str]]]:
    table, _truth = generate(700, seed=41)
    table.append(["Bad Row", "12345", "broken@", "", "1990-02-30", "", ""])  # every invalid kind
    return write_csv(folder / "legacy-contacts.csv", table, headers=headers), table


async def _open_dialog(pilot, app) -> DataAuditDialog:
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    assert isinstance(app.screen, UatScreen)
    await pilot.press("d")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, DataAuditDialog)
    return dialog


async def _audit(pilot, dialog: DataAuditDialog, source: Path) -> None:
    dialog.query_one("#data-audit-file", Input).value = str(source)
    await pilot.press("enter")
    await settle(pilot)
    assert dialog.result is not None


async def _save(pilot, app, dialog: DataAuditDialog, path: Path) -> None:
    await pilot.press("ctrl+o")
    await settle(pilot)
    prompt = app.screen
    assert isinstance(prompt, PromptDialog)
    prompt.query_one("#prompt-input", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    assert app.screen is dialog and dialog.saved == path


def _cells(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb.worksheets}


async def test_the_tui_audit_records_and_saves_what_the_cli_gives(engagement, tmp_path, run_cli):
    source, _table = _planted(tmp_path)
    cli_engagement = shutil.copytree(engagement, tmp_path / "cli-copy")
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(pilot, app)
        await _audit(pilot, dialog, source)
        assert dialog.query_one("#data-audit-clusters", DataTable).row_count == len(dialog.result.clusters)
        assert dialog.query_one("#data-audit-invalid", DataTable).row_count == len(dialog.result.invalid)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert [o.recorded for o in dialog.outcomes] == [True, True]
        for name in ("audit.json", "audit.md", "audit.xlsx"):
            await _save(pilot, app, dialog, tmp_path / name)
        tui = dialog.result.to_dict()

    code, out, err = run_cli(
        "data-audit",
        source,
        "--engagement",
        cli_engagement,
        "--format",
        "json",
        "--out",
        tmp_path / "cli.xlsx",
    )
    assert code == ExitCode.FINDINGS, err
    cli = json.loads(out)
    assert cli["clusters"] and cli["invalid"] and cli["region"] == "IR"
    assert json.loads((tmp_path / "audit.json").read_text(encoding="utf-8")) == cli
    assert {k: v for k, v in cli.items() if k != "kpis"} == json.loads(json.dumps(tui))
    assert _cells(tmp_path / "audit.xlsx") == _cells(tmp_path / "cli.xlsx")
    code, md, err = run_cli("data-audit", source, "--engagement", tmp_path / "cli-copy", "--format", "md")
    assert code == ExitCode.FINDINGS, err
    assert (tmp_path / "audit.md").read_text(encoding="utf-8") == md


async def test_an_unreadable_file_is_shown_and_a_bad_suffix_is_refused(engagement, tmp_path):
    source, _table = _planted(tmp_path)
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(pilot, app)
        dialog.query_one("#data-audit-file", Input).value = str(tmp_path / "missing.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.result is None
        assert "missing.csv" in dialog.query_one("#form-error").text
        await _audit(pilot, dialog, source)
        await pilot.press("ctrl+o")
        await settle(pilot)
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "audit.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.saved is None and "audit.docx" in dialog.query_one("#form-error").text
    assert not (tmp_path / "audit.docx").exists()


@pytest.mark.parametrize("lang", ["fa", "ru"])
async def test_the_data_audit_shows_no_english(engagement, tmp_path, lang):
    source, table = _planted(tmp_path, headers=lang)
    words = {w for row in table for cell in row for w in cell.replace("@", " ").replace(".", " ").split()}
    paths = str(source).replace("/", " ").replace("-", " ").replace(".", " ").split()
    ids = data_words(engagement) | allowed_latin_words() | frozenset(words | set(paths) | set(HEADERS[lang]))
    app = make_app(engagement, today=TODAY, lang=lang)
    seen: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(pilot, app)
        seen["empty"] = screen_text(app)
        await _audit(pilot, dialog, source)
        seen["result"] = screen_text(app)
        await pilot.press("ctrl+r")
        await settle(pilot)
        seen["recorded"] = screen_text(app)
    typed = {cell for row in table for cell in row}
    leaks = {name: sorted(_chrome(found_leaks(text, lang, ids), typed)) for name, text in seen.items()}
    assert not any(leaks.values()), leaks
    assert "۱" in seen["result"] if lang == "fa" else "1" in seen["result"]


def _chrome(leaks: list[str], typed: set[str]) -> set[str]:
    """The leaks that are not the file's own values: an invalid phone or date is shown as typed (Latin
    digits in a Persian file: 'digits 12345', 'date 1990-02-30'), as the workbook shows it."""
    return {
        w
        for w in leaks
        if w != "esc" and not (w.startswith(("digits ", "date ")) and _in_typed(w.split(" ", 1)[1], typed))
    }


def _in_typed(fragment: str, typed: set[str]) -> bool:
    return any(fragment in value for value in typed)


async def test_the_palette_opens_the_data_audit_from_another_section(engagement):
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"audit a legacy export")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DataAuditDialog)
        assert isinstance(app.screen_stack[-2], UatScreen)
