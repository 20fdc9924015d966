"""A drift audit as a workbook for the CRM specialist and the auditor: `Drift` (one row per finding, the
same columns as the terminal table plus message and location), `Cannot express` (the design's rights the
target has no level for, with what the export did instead) and `About` (what was compared, the counts,
and the drift kinds explained)."""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.audit_report import KINDS, AuditReport
from workbench.domain.vocabulary import action_label, scope_label, severity_label
from workbench.i18n import N_, _, current_language
from workbench.writers.spreadsheet import finish_table, header, put
from workbench.writers.xlsx_style import apply, first_sheet, right_to_left, workbook

DRIFT_COLUMNS = (
    (N_("Severity"), 10),
    (N_("Kind"), 15),
    (N_("Role"), 22),
    (N_("Object"), 20),
    (N_("Action"), 10),
    (N_("Design"), 9),
    (N_("Live"), 9),
    (N_("Message"), 60),
    (N_("File"), 40),
    (N_("Line"), 7),
)
LIMIT_COLUMNS = (
    (N_("Role"), 22),
    (N_("Object"), 20),
    (N_("Action"), 10),
    (N_("Designed"), 10),
    (N_("Expressed"), 10),
    (N_("What the export did"), 70),
)
"""English titles, written in the current language (the audit's)"""
SEVERITY_STYLES = {"error": "drift-error", "warning": "drift-warning"}


def write(report: AuditReport, path: Path) -> Path:
    """Labels, severities, scopes and actions in the current language; ids, files and kinds as they are."""
    wb = workbook(current_language())
    _drift(first_sheet(wb), report)
    _limitations(wb.create_sheet(_("Cannot express")), report)
    _about(wb.create_sheet(_("About")), report)
    right_to_left(wb, current_language())  # Persian reads right to left
    wb.save(path)
    return Path(path)


def _drift(ws: Worksheet, report: AuditReport) -> None:
    ws.title = _("Drift")
    header(ws, [_(t) for t, _w in DRIFT_COLUMNS], [w for _t, w in DRIFT_COLUMNS])
    for r, d in enumerate(report.drifts, start=2):
        file, line = report.location(d)
        values = (
            severity_label(d.severity),
            d.kind,
            d.role,
            d.object,
            _action(d.action),
            _scope(d.design),
            _scope(d.live),
            d.message,
            file,
            line,
        )
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c == 8)
        if d.severity in SEVERITY_STYLES:
            apply(ws.cell(row=r, column=1), SEVERITY_STYLES[d.severity])
    finish_table(ws, len(report.drifts), len(DRIFT_COLUMNS))


def _limitations(ws: Worksheet, report: AuditReport) -> None:
    header(ws, [_(t) for t, _w in LIMIT_COLUMNS], [w for _t, w in LIMIT_COLUMNS])
    for r, x in enumerate(report.limitations, start=2):
        values = (x.role, x.object, _action(x.action), _scope(x.wanted), _scope(x.expressed), x.message)
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c == 6)
    finish_table(ws, len(report.limitations), len(LIMIT_COLUMNS))


def _about(ws: Worksheet, report: AuditReport) -> None:
    counts = report.counts()
    rows = [
        (_("Design"), report.design),
        (_("Target"), report.target),
        (_("Live export"), report.source),
        (_("Result"), _("clean: the CRM matches the design") if report.clean else _("drift found")),
        (_("Errors"), counts["errors"]),
        (_("Warnings"), counts["warnings"]),
        (_("Cannot express"), len(report.limitations)),
        ("", ""),
    ]
    rows += [(kind, f"{severity_label(severity)}: {_(text)}") for kind, (severity, text) in KINDS.items()]
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 18, 90
    for r, (key, value) in enumerate(rows, start=1):
        put(ws, r, 1, key, style="strong")
        put(ws, r, 2, value, wrap=True)


def _action(action: str | None) -> str | None:
    """A system right's id stays as it is; a CRUD action is shown in words."""
    return action_label(action) if action else action


def _scope(scope: str | None) -> str | None:
    return scope_label(scope) if scope else scope
