"""The rest of the week's screens in Persian and Russian show no English: the activity import with its
preview, the readiness and staffing advice, the vendor evaluation, the audit and the recertification
decisions with their findings, read from what the compositor draws (as tests/tui/test_tui_languages.py
does for the sections)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import allowed_latin_words
from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_journey_week2 import ACTIVITY, REVIEW_COMMENT, live_export, revoke_first_right
from tests.tui.test_tui_languages import SIZE, data_words, found_leaks, screen_text
from tests.writers.vendor_pack_fixtures import REQUIREMENTS, VENDORS, blank_pack, vendor_packs
from workbench.crm_adapters.registry import names as crm_names
from workbench.tui.app import make_app
from workbench.tui.screens.activity_import_dialog import ActivityImportDialog
from workbench.tui.screens.advice_screen import AdviceScreen
from workbench.tui.screens.audit_dialog import AuditDialog
from workbench.tui.screens.audit_save_dialog import AuditSaveDialog
from workbench.tui.screens.decisions_dialog import DecisionsDialog
from workbench.tui.screens.recertify_dialog import RecertifyDialog
from workbench.tui.screens.vendor_evaluation_dialog import VendorEvaluationDialog

pytestmark = pytest.mark.slow  # several seconds each: started first (see tests/conftest.py)

EXPORT_WORDS = {"good_utf8.csv", "good_utf8", "csv", "utf-8", "UTF-8", "utf", "UTF"}
"""the activity file's name and encoding, as the file has them"""
AUDIT_FILE_WORDS = {"crm", "audit", "odoo", "xlsx", "crm-audit-odoo.xlsx", "crm-audit-odoo"}
"""the audit file the save dialog proposes, as named on disk"""
VENDOR_WORDS = {*VENDORS, *REQUIREMENTS, *crm_names(), "Ali", "Olga", "EUR", "vendors", "crm"}
"""the vendors', requirements' (ids) and evaluators' names and the currency, as the packs give them; the
CRMs by their names; folder names"""


def _words(seeded: Path, vendors: Path) -> frozenset[str]:
    paths = f"{ACTIVITY} {vendors} {seeded}".replace("/", " ").replace("-", " ").split()
    paths += ["recertification", "review"]  # the checklists' folder and files, as named on disk
    paths += REVIEW_COMMENT.split()  # what the reviewer wrote
    return (
        data_words(seeded)
        | allowed_latin_words()
        | frozenset(EXPORT_WORDS | VENDOR_WORDS | AUDIT_FILE_WORDS | set(paths))
    )


async def _walk(pilot, app, vendors: Path, live: Path) -> dict[str, str]:
    seen: dict[str, str] = {}
    await pilot.press("I")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ActivityImportDialog)
    seen["activity import"] = screen_text(app)
    dialog.query_one("#activity-file").value = str(ACTIVITY)
    await pilot.press("enter")
    await settle(pilot)
    assert dialog.preview is not None
    seen["activity preview"] = screen_text(app)
    await pilot.press("escape", "y")
    await settle(pilot)
    for key, name in (("y", "readiness"), ("t", "staffing")):
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, AdviceScreen)
        seen[name] = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, VendorEvaluationDialog)
    seen["vendor evaluation"] = screen_text(app)
    dialog.query_one("#vendors-folder").value = str(vendors)
    await pilot.press("enter")
    await settle(pilot)
    assert dialog.evaluation is not None
    seen["vendor ranking"] = screen_text(app)
    await pilot.press("escape", "y")
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    audit = app.screen
    assert isinstance(audit, AuditDialog)
    seen["audit"] = screen_text(app)
    audit.query_one("#audit-target").value = "odoo"
    audit.query_one("#audit-source").value = str(live)
    await pilot.press("enter")
    await settle(pilot)
    assert audit.findings
    seen["audit findings"] = screen_text(app)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, AuditSaveDialog)
    seen["audit save as"] = screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen is audit
    await pilot.press("escape", "y")
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    recertify = app.screen
    assert isinstance(recertify, RecertifyDialog)
    seen["recertification"] = screen_text(app)
    recertify.query_one("#recertify-folder").value = "review"  # relative: the plan names its checklists
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert recertify.done is not None
    seen["recertification plan"] = screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    revoke_first_right(Path("review") / "recertification-crm_manager.xlsx")
    await pilot.press("o")
    await settle(pilot)
    decisions = app.screen
    assert isinstance(decisions, DecisionsDialog)
    decisions.query_one("#decisions-source").value = "review"
    await pilot.press("enter")
    await settle(pilot)
    assert decisions.findings
    seen["recertification decisions"] = screen_text(app)
    return seen


def _leaks(seen: dict[str, str], lang: str, ids: frozenset[str]) -> dict[str, list[str]]:
    found = {name: sorted(set(found_leaks(text, lang, ids)) - {"esc"}) for name, text in seen.items()}
    return {name: words for name, words in found.items() if words}


@pytest.mark.parametrize("lang", ["fa", "ru"])
async def test_the_rest_of_the_week_shows_no_english(seeded, tmp_path, run_cli, monkeypatch, lang):
    monkeypatch.chdir(tmp_path)
    vendors = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"))
    live = live_export(run_cli, seeded, tmp_path / "crm")
    ids = _words(seeded, vendors)
    app = make_app(seeded, today=TODAY, section="phases", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app, vendors, live)
    assert len(seen) == 12
    assert not _leaks(seen, lang, ids), f"English on the {lang} screens: {_leaks(seen, lang, ids)}"


async def test_the_english_screens_are_found_by_the_same_check(seeded, tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    vendors = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"))
    live = live_export(run_cli, seeded, tmp_path / "crm")
    ids = _words(seeded, vendors)
    app = make_app(seeded, today=TODAY, section="phases", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app, vendors, live)
    assert all(found_leaks(text, "ru", ids) for text in seen.values())
