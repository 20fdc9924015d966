"""Journey: the rest of the week in the TUI — an activity export imported after its preview, the
readiness and staffing advice, a vendor evaluation and an access audit — each compared with what the
CLI gives for the same actions on a twin engagement (the store read back, the JSON and Markdown outputs
side by side)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.tui.conftest import AUTHOR, TODAY, copy_engagement
from tests.tui.helpers import settle
from tests.writers.vendor_pack_fixtures import blank_pack, vendor_packs
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.screens.activity_import_dialog import ActivityImportDialog
from workbench.tui.screens.advice_screen import AdviceScreen
from workbench.tui.screens.audit_dialog import AuditDialog
from workbench.tui.screens.decisions_dialog import DecisionsDialog
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.screens.help import HelpScreen, help_markdown
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.screens.recertify_dialog import RecertifyDialog
from workbench.tui.screens.vendor_evaluation_dialog import VendorEvaluationDialog
from workbench.tui.widgets.bidi_markdown import MarkdownPreview
from workbench.tui.widgets.compact_footer import CompactFooter
from workbench.tui.widgets.findings_list import FindingsList
from workbench.tui.widgets.permission_matrix import PermissionMatrixTable, column_key

ROOT = Path(__file__).resolve().parents[2]
ACTIVITY = ROOT / "tests" / "data" / "activity" / "good_utf8.csv"
REVIEW_COMMENT = "no longer needed"


def live_export(run_cli, engagement: Path, out: Path) -> Path:
    """The design exported for Odoo, then one right widened in the CRM: the director may delete leads."""
    assert run_cli("crm-export", engagement, "--to", "odoo", "--out", out)[0] == 0
    access = out / "odoo" / "ir.model.access.csv"
    line = "access_crm_lead_director,crm.lead director,crm.model_crm_lead,group_crm_director,1,0,0,"
    text = access.read_text(encoding="utf-8")
    assert line + "0" in text
    access.write_text(text.replace(line + "0", line + "1"), encoding="utf-8")
    return out / "odoo"


def revoke_first_right(checklist: Path) -> tuple[str, str, str]:
    """The reviewer revokes the checklist's first right; returns its (role, object, action). The checklist
    is the first sheet, named in the checklist's language."""
    wb = load_workbook(checklist)
    row = next(wb.worksheets[0].iter_rows(min_row=2))
    row[5].value, row[7].value = "revoke", REVIEW_COMMENT
    wb.save(checklist)
    return row[0].value, row[2].value, row[3].value


def matrix_cell(deliverables: DeliverablesScreen) -> tuple[str, str]:
    """The permission matrix's cursor: its role row and object:action column."""
    matrix = deliverables.query_one(PermissionMatrixTable)
    row, column = matrix.cursor_coordinate
    return matrix.coordinate_to_cell_key((row, column)).row_key.value, matrix.ordered_columns[
        column
    ].key.value


def imported(folder: Path) -> list[tuple]:
    """The values an import recorded: KPI, value, day, source and the measures behind it."""
    with SQLiteStore(folder / "state.db") as store:
        return sorted(
            (m.kpi_id, m.value, m.measured_on, m.source, m.note)
            for m in store.measurements()
            if (m.source or "").startswith("import-activity")
        )


@pytest.mark.slow
async def test_the_rest_of_the_week_in_the_tui_gives_what_the_cli_gives(_templates, tmp_path, run_cli):
    tui = copy_engagement(_templates["seeded"], tmp_path / "tui")
    cli = copy_engagement(_templates["seeded"], tmp_path / "cli")
    vendors = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"))
    live = live_export(run_cli, tui, tmp_path / "crm")
    app = make_app(tui, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        phases = app.screen
        assert isinstance(phases, PhasesScreen)

        # 1. the activity export: a file that is not there is refused, located; the real one previewed,
        #    then recorded
        await pilot.press("I")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityImportDialog)
        dialog.query_one("#activity-file").value = str(tmp_path / "nowhere.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert "nowhere.csv" in dialog.query_one("#form-error").text and dialog.preview is None
        dialog.query_one("#activity-file").value = str(ACTIVITY)
        await pilot.press("ctrl+s")  # the first Record previews; nothing is recorded before it is seen
        await settle(pilot)
        assert app.screen is dialog and dialog.preview is not None and dialog.preview.done
        preview_json = dialog.preview.as_json()
        table = dialog.query_one("#activity-table")
        assert table.row_count == len(preview_json["recorded"]) > 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is phases

        # 2. readiness and staffing: the advice the CLI prints as Markdown, on a screen; Escape closes it
        shown: dict[str, str] = {}
        for key, kind in (("y", "readiness"), ("t", "staffing")):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, AdviceScreen) and app.screen.kind == kind
            shown[kind] = app.screen.query_one(MarkdownPreview).source
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is phases

        # 3. the vendor evaluation: the folder of packs evaluated in a worker, shown, then written
        await pilot.press("e")
        await settle(pilot)
        evaluation = app.screen
        assert isinstance(evaluation, VendorEvaluationDialog)
        evaluation.query_one("#vendors-folder").value = str(vendors)
        await pilot.press("enter")
        await settle(pilot)
        assert evaluation.evaluation is not None, evaluation.query_one("#form-error").text
        evaluation_json = evaluation.evaluation.summary.as_json()
        evaluation_md = evaluation.markdown
        assert "Alpha" in evaluation_md and "Gamma" in evaluation_md
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is phases
        tui_files = {name: (vendors / name).read_bytes() for name in ("evaluation.md", "evaluation.html")}

        # 4. the audit of the live CRM: Odoo's exported permissions with a delete right the design
        #    does not grant; Enter on the finding shows its cell in the permission matrix
        await pilot.press("A")
        await settle(pilot)
        audit = app.screen
        assert isinstance(audit, AuditDialog)
        audit.query_one("#audit-target").value = "odoo"
        audit.query_one("#audit-source").value = str(live)
        await pilot.press("enter")
        await settle(pilot)
        assert audit.result is not None and audit.result.report is not None, audit.query_one(
            "#form-error"
        ).text
        audit_json = audit.result.report.to_dict()
        findings = [(f.severity, f.role, f.object, f.action) for f in audit.findings]
        assert ("error", "director", "lead", "delete") in findings
        await pilot.press("escape", "y")  # the typed path is discarded; the audit goes on below
        await settle(pilot)

        # 5. the recertification: the plan shown, one checklist per reviewer written
        await pilot.press("g")
        await settle(pilot)
        recertify = app.screen
        assert isinstance(recertify, RecertifyDialog)
        recertify.query_one("#recertify-folder").value = str(tmp_path / "tui-review")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert recertify.done is not None, recertify.query_one("#form-error").text
        plan_text = recertify.plan_text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is phases

        # 6. the reviewer's decisions read back: one right revoked, the rest undecided; Enter on the
        #    revocation shows its cell
        revoked = revoke_first_right(tmp_path / "tui-review" / "recertification-crm_manager.xlsx")
        await pilot.press("o")
        await settle(pilot)
        decisions = app.screen
        assert isinstance(decisions, DecisionsDialog)
        decisions.query_one("#decisions-source").value = str(tmp_path / "tui-review")
        await pilot.press("enter")
        await settle(pilot)
        assert decisions.result is not None and not decisions.result.errors
        decided = [(f.severity, f.role, f.object, f.action) for f in decisions.findings]
        assert decided[0] == ("warning", *revoked)
        await pilot.press("enter")  # the list has the focus, on the revocation
        await settle(pilot)
        assert isinstance(app.screen, DeliverablesScreen)
        assert matrix_cell(app.screen) == (revoked[0], column_key(revoked[1], revoked[2]))
        await pilot.press("f4")
        await settle(pilot)
        assert app.screen is phases
        await pilot.press("A")
        await settle(pilot)
        audit = app.screen
        assert isinstance(audit, AuditDialog)
        audit.query_one("#audit-target").value = "odoo"
        audit.query_one("#audit-source").value = str(live)
        await pilot.press("enter")
        await settle(pilot)
        target = next(i for i, f in enumerate(audit.findings) if (f.role, f.object) == ("director", "lead"))
        audit.query_one(FindingsList).highlighted = target
        await pilot.press("enter")
        await settle(pilot)
        deliverables = app.screen
        assert isinstance(deliverables, DeliverablesScreen) and deliverables.active_tab == "roles"
        assert matrix_cell(deliverables) == ("director", column_key("lead", "delete"))
        assert deliverables.query_one(PermissionMatrixTable).has_focus
        notes = list(app.notes_seen)

    code, out, _err = run_cli(
        "import-activity", cli, ACTIVITY, "--date", TODAY.isoformat(), "--format", "json", "--as", AUTHOR
    )
    assert code == 0
    assert preview_json == json.loads(out)
    assert imported(tui) == imported(cli) and len(imported(tui)) == len(preview_json["recorded"])
    assert any("Recorded" in n and "adoption KPI" in n for n in notes)
    for kind in ("readiness", "staffing"):
        code, out, _err = run_cli(kind, cli, "--format", "md")
        assert code == 0 and shown[kind] == out and out.startswith("# ")
    cli_out = tmp_path / "cli-evaluation"
    code, out, _err = run_cli(
        "rfp", "evaluate", vendors, "--engagement", cli, "--out", cli_out, "--format", "json"
    )
    assert code == 0
    assert {k: v for k, v in json.loads(out).items() if k != "files"} == evaluation_json
    assert evaluation_json["ranking"][0]["vendor"] == "Alpha"
    code, out, _err = run_cli(
        "rfp", "evaluate", vendors, "--engagement", cli, "--out", cli_out, "--format", "md"
    )
    assert code == 0 and out.rstrip("\n") == evaluation_md.rstrip("\n")
    for name, content in tui_files.items():
        assert content == (cli_out / name).read_bytes(), name
    assert any(str(vendors / "evaluation.xlsx") in n for n in notes)
    code, out, _err = run_cli("audit", cli, "--from", "odoo", live, "--format", "json")
    assert code == 1 and json.loads(out) == audit_json
    assert len(findings) == len(audit_json["drifts"])
    code, out, _err = run_cli("recertify", cli, "--out", tmp_path / "cli-review", "--date", TODAY.isoformat())
    assert code == 0
    printed = out.split("\n\nwrote ")[0].replace(str(tmp_path / "cli-review"), str(tmp_path / "tui-review"))
    assert plan_text == printed and "recertification-" in plan_text
    checklists = sorted((tmp_path / "tui-review").glob("recertification-*.xlsx"))
    code, out, _err = run_cli("audit", cli, "--decisions", *checklists, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and [("warning", c["role"], c["object"], c["action"]) for c in doc["changes"]] == [
        d for d in decided if d[0] == "warning"
    ]
    assert len(doc["undecided"]) == len([d for d in decided if d[0] == "info"]) > 0
    written = sorted(p.name for p in (tmp_path / "tui-review").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "cli-review").iterdir()) and written


NEW_KEYS = {
    "I": ("Import activity", "activity: import a CRM activity export", ActivityImportDialog),
    "y": ("Readiness", "advice: readiness", AdviceScreen),
    "t": ("Staffing", "advice: staffing", AdviceScreen),
    "e": ("Vendors", "vendors: evaluate the returned packs", VendorEvaluationDialog),
    "A": ("Audit", "audit: the live CRM against the design", AuditDialog),
    "g": ("Recertify", "audit: recertification checklists", RecertifyDialog),
    "o": ("Decisions", "audit: recertification decisions", DecisionsDialog),
}
"""key -> its name in F1, its palette entry, what it opens"""


async def test_the_new_keys_are_in_the_help_and_each_palette_entry_opens_what_its_key_opens(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = help_markdown(app.screen.current)
        for key, (name, _entry, _kind) in NEW_KEYS.items():
            assert f"- `{key}` **{name}**" in text
        await pilot.press("escape")
        await settle(pilot)
        commands = {name: run for name, run, _help in WorkbenchCommands(app.screen).commands()}
        for _key, (_name, entry, kind) in NEW_KEYS.items():
            await commands[entry]()
            await settle(pilot)
            assert isinstance(app.screen, kind), entry
            assert app.screen.query_one(CompactFooter) is not None and app.screen.help_name
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, PhasesScreen)


async def test_a_file_the_import_refuses_is_shown_with_the_lines_the_cli_prints(seeded, tmp_path, run_cli):
    bad = ACTIVITY.with_name("bad_rows.csv")
    twin = copy_engagement(seeded, tmp_path / "twin")
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityImportDialog)
        dialog.query_one("#activity-file").value = str(bad)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = dialog.query_one("#form-error").text.splitlines()
        assert app.screen is dialog and dialog.preview is None
    code, _out, err = run_cli("import-activity", twin, bad, "--date", TODAY.isoformat())
    assert code == 2
    located = [line for line in err.splitlines() if line.startswith(f"{bad}:")]
    assert len(located) == 5 and shown[:-1] == located
    assert err.splitlines()[-1].endswith(shown[-1])
    assert imported(seeded) == []
