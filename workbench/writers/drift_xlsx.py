"""A drift audit as a workbook for the CRM specialist and the auditor: `Drift` (one row per finding, the
same columns as the terminal table plus message and location), `Cannot express` (the design's rights the
target has no level for, with what the export did instead) and `About` (what was compared, the counts,
and the drift kinds explained)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.audit_report import KINDS, AuditReport
from workbench.writers.spreadsheet import finish_table, header, put

DRIFT_COLUMNS = (("Severity", 10), ("Kind", 15), ("Role", 22), ("Object", 20), ("Action", 10), ("Design", 9),
                 ("Live", 9), ("Message", 60), ("File", 40), ("Line", 7))
LIMIT_COLUMNS = (("Role", 22), ("Object", 20), ("Action", 10), ("Designed", 10), ("Expressed", 10),
                 ("What the export did", 70))
FILLS = {"error": PatternFill("solid", fgColor="F8CBAD"), "warning": PatternFill("solid", fgColor="FFE699")}


def write(report: AuditReport, path: Path) -> Path:
    wb = Workbook()
    _drift(wb.active, report)
    _limitations(wb.create_sheet("Cannot express"), report)
    _about(wb.create_sheet("About"), report)
    wb.save(path)
    return Path(path)


def _drift(ws: Worksheet, report: AuditReport) -> None:
    ws.title = "Drift"
    header(ws, [t for t, _ in DRIFT_COLUMNS], [w for _, w in DRIFT_COLUMNS])
    for r, d in enumerate(report.drifts, start=2):
        file, line = report.location(d)
        values = (d.severity, d.kind, d.role, d.object, d.action, d.design, d.live, d.message, file, line)
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c == 8)
        ws.cell(row=r, column=1).fill = FILLS.get(d.severity, PatternFill())
    finish_table(ws, len(report.drifts), len(DRIFT_COLUMNS))


def _limitations(ws: Worksheet, report: AuditReport) -> None:
    header(ws, [t for t, _ in LIMIT_COLUMNS], [w for _, w in LIMIT_COLUMNS])
    for r, x in enumerate(report.limitations, start=2):
        for c, value in enumerate((x.role, x.object, x.action, x.wanted, x.expressed, x.message), start=1):
            put(ws, r, c, value, wrap=c == 6)
    finish_table(ws, len(report.limitations), len(LIMIT_COLUMNS))


def _about(ws: Worksheet, report: AuditReport) -> None:
    counts = report.counts()
    rows = [("Design", report.design), ("Target", report.target), ("Live export", report.source),
            ("Result", "clean: the CRM matches the design" if report.clean else "drift found"),
            ("Errors", counts["errors"]), ("Warnings", counts["warnings"]),
            ("Cannot express", len(report.limitations)), ("", "")]
    rows += [(kind, f"{severity}: {text}") for kind, (severity, text) in KINDS.items()]
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 18, 90
    for r, (key, value) in enumerate(rows, start=1):
        put(ws, r, 1, key).font = Font(bold=True)
        put(ws, r, 2, value, wrap=True)
