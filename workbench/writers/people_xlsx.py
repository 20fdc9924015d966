"""A people audit as a workbook for the auditor and the client's managers: `Findings` (one row per
finding: severity, kind, person, account, roles, evidence, the fix, where in the export) and `About`
(what was compared, the counts, the kinds explained), in the audit's language."""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.people_audit import KINDS, PeopleAudit
from workbench.domain.vocabulary import severity_label
from workbench.i18n import N_, _, current_language
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import apply, first_sheet, right_to_left, workbook

COLUMNS = (
    (N_("Severity"), 10),
    (N_("Kind"), 18),
    (N_("Person"), 14),
    (N_("Account"), 26),
    (N_("Roles"), 26),
    (N_("Evidence"), 60),
    (N_("Fix"), 50),
    (N_("File"), 30),
    (N_("Line"), 7),
)
SEVERITY_STYLES = {"error": "drift-error", "warning": "drift-warning"}


def write(report: PeopleAudit, path: Path) -> Path:
    wb = workbook(current_language())
    _findings(first_sheet(wb), report)
    _about(wb.create_sheet(_("About")), report)
    right_to_left(wb, current_language())
    wb.save(path)
    return Path(path)


def _findings(ws: Worksheet, report: PeopleAudit) -> None:
    ws.title = _("Findings")
    header(ws, [_(t) for t, _w in COLUMNS], [w for _t, w in COLUMNS])
    for r, f in enumerate(report.findings, start=2):
        values = (
            severity_label(f.severity),
            f.kind,
            f.person,
            f.account,
            ", ".join(f.roles),
            f.evidence,
            f.fix,
            f.file,
            f.line,
        )
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c in (6, 7))
        if f.severity in SEVERITY_STYLES:
            apply(ws.cell(row=r, column=1), SEVERITY_STYLES[f.severity])
    finish_table(ws, len(report.findings), len(COLUMNS))


def _about(ws: Worksheet, report: PeopleAudit) -> None:
    counts = report.counts()
    rows: list[tuple[str, object]] = [
        (_("Design"), report.design),
        (_("Target"), report.target),
        (_("User export"), ", ".join(report.sources)),
        (
            _("Result"),
            _("clean: every account belongs to a person and holds their designed roles")
            if report.clean
            else _("findings"),
        ),
        (_("People"), report.people),
        (_("Accounts"), report.accounts),
        (_("Enabled"), report.enabled),
        (_("Matched to a person"), report.matched),
        (_("Errors"), counts["errors"]),
        (_("Warnings"), counts["warnings"]),
        ("", ""),
    ]
    rows += [(kind, f"{severity_label(severity)}: {_(text)}") for kind, (severity, text) in KINDS.items()]
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 90
    for r, (key, value) in enumerate(rows, start=1):
        put(ws, r, 1, key, style="strong")
        put(ws, r, 2, value, wrap=True)
