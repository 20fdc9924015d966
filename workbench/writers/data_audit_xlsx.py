"""A data audit as a workbook for the consultant and the client's data owner, in the client's language:
`Summary` (the file, the figures, completeness per field), `Invalid values`, `Duplicate pairs` (each
with its score and reason), `Clusters` (each member, the survivor to keep and what merges into it) and,
when the playbook requires fields the audit has no check for, `Not checked` (so the data owner does not
read the workbook's silence on them as a pass, as the text, Markdown and JSON reports already say).
A reconciliation gets `Summary`, `Missing`, `Extra` and `Altered`.

Cells copied from the legacy file go through `put`, so a value like `=HYPERLINK(...)` stays text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from workbench.domain.data_quality.audit import DataAudit
from workbench.domain.data_quality.labels import field_label, invalid_reason, joined, reason, row_number
from workbench.domain.data_quality.reconcile import Reconciliation
from workbench.domain.text import tr
from workbench.i18n import N_, _, current_language
from workbench.writers.atomic import atomic_path
from workbench.writers.spreadsheet import finish_table, header, put, put_number
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

FIELD_COLUMNS = (
    (N_("Field"), 18),
    (N_("Column in the file"), 24),
    (N_("Required"), 10),
    (N_("Filled"), 10),
    (N_("Valid"), 10),
    (N_("Invalid"), 10),
    (N_("Completeness"), 14),
)
INVALID_COLUMNS = ((N_("Row"), 8), (N_("Field"), 16), (N_("Value"), 30), (N_("What is wrong"), 44))
PAIR_COLUMNS = (
    (N_("Row"), 8),
    (N_("Name"), 28),
    (N_("Duplicate row"), 10),
    (N_("Duplicate name"), 28),
    (N_("Score"), 9),
    (N_("Reason"), 50),
)
CLUSTER_COLUMNS = (
    (N_("Cluster"), 9),
    (N_("Row"), 8),
    (N_("Name"), 28),
    (N_("Phone"), 18),
    (N_("E-mail"), 30),
    (N_("Proposal"), 24),
)
UNCHECKED_COLUMNS = ((N_("Field"), 28), (N_("Field ID"), 22), (N_("Why"), 60))
RECONCILE_COLUMNS = ((N_("Key"), 30), (N_("Row"), 8))
ALTERED_COLUMNS = (
    (N_("Key"), 30),
    (N_("Column"), 20),
    (N_("Source value"), 30),
    (N_("Target value"), 30),
    (N_("Source row"), 10),
    (N_("Target row"), 10),
)


def _save(wb: Workbook, path: Path) -> Path:
    right_to_left(wb, current_language())
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def _table(
    ws: Worksheet, title: str, columns: Sequence[tuple[str, int]], rows: Sequence[Sequence[Any]]
) -> None:
    """A sheet of rows: ints and floats as local numbers, everything else as text."""
    lang = current_language()
    ws.title = title
    header(ws, [_(t) for t, _w in columns], [w for _t, w in columns])
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                put_number(ws, r, c, value, lang, "General" if isinstance(value, int) else "0.0")
            else:
                put(ws, r, c, value)
    finish_table(ws, len(rows), len(columns))


def _about(ws: Worksheet, rows: Sequence[tuple[str, Any]], first: int = 1) -> int:
    lang = current_language()
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 34, 60
    for r, (key, value) in enumerate(rows, start=first):
        put(ws, r, 1, key, style="strong")
        if isinstance(value, float):
            put_number(ws, r, 2, value / 100, lang, "0.0%")
        elif isinstance(value, int):
            put_number(ws, r, 2, value, lang)
        else:
            put(ws, r, 2, value, wrap=True)
    return first + len(rows)


def write_audit(result: DataAudit, path: Path) -> Path:
    wb = workbook(current_language())
    _summary(first_sheet(wb), result)
    records = result.records
    invalid = [(v.row, field_label(v.field), v.value, invalid_reason(v.kind)) for v in result.invalid]
    _table(wb.create_sheet(), _("Invalid values"), INVALID_COLUMNS, invalid)
    pairs = [
        (
            records[p.first].row,
            records[p.first].label,
            records[p.second].row,
            records[p.second].label,
            p.score,
            reason(p),
        )
        for p in result.pairs
    ]
    _table(wb.create_sheet(), _("Duplicate pairs"), PAIR_COLUMNS, pairs)
    _table(wb.create_sheet(), _("Clusters"), CLUSTER_COLUMNS, _cluster_rows(result))
    if result.unchecked:
        _table(wb.create_sheet(), _("Not checked"), UNCHECKED_COLUMNS, _unchecked_rows(result))
    return _save(wb, path)


def _unchecked_rows(result: DataAudit) -> list[tuple[str, str, str]]:
    """A row per field the playbook requires that no audit check holds: its name, its id, and why."""
    why = _("required by the playbook; the audit has no check for it in a legacy file")
    lang = current_language()
    return [(tr(name, lang), field_id, why) for field_id, name in result.unchecked.items()]


def _summary(ws: Worksheet, result: DataAudit) -> None:
    ws.title = _("Summary")
    rows: list[tuple[str, Any]] = [
        (_("File"), Path(result.source).name),
        (_("Records"), result.total),
        (_("Required fields"), joined([field_label(f) for f in result.required])),
        (_("Complete records"), result.completeness),
        (_("Invalid values"), len(result.invalid)),
        (_("Duplicate clusters"), len(result.clusters)),
        (_("Records to merge away"), result.duplicate_records),
        (_("Duplicate rate"), result.duplicate_rate),
    ]
    start = _about(ws, rows) + 1
    header(ws, [_(t) for t, _w in FIELD_COLUMNS], [w for _t, w in FIELD_COLUMNS], row=start)
    lang = current_language()
    for r, (name, stats) in enumerate(result.stats.items(), start=start + 1):
        values = (
            field_label(name),
            result.headers[result.columns[name]],
            _("yes") if name in result.required else _("no"),
        )
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value)
        for c, count in enumerate((stats.present, stats.valid, stats.invalid), start=4):
            put_number(ws, r, c, count, lang)
        put_number(ws, r, 7, result.field_completeness(name) / 100, lang, "0.0%")


def _cluster_rows(result: DataAudit) -> list[tuple[Any, ...]]:
    records = result.records
    rows: list[tuple[Any, ...]] = []
    for index, cluster in enumerate(result.clusters, start=1):
        survivor = records[cluster.survivor]
        for i in sorted(cluster.members, key=lambda m: (m != cluster.survivor, records[m].row)):
            record = records[i]
            proposal = (
                _("keep (survivor)")
                if i == cluster.survivor
                else _("merge into row {row}").format(row=row_number(survivor.row))
            )
            rows.append(
                (index, record.row, record.label, ", ".join(record.phones), record.email or "", proposal)
            )
    return rows


def write_reconciliation(result: Reconciliation, path: Path) -> Path:
    wb = workbook(current_language())
    ws = first_sheet(wb)
    ws.title = _("Summary")
    _about(
        ws,
        [
            (_("Key columns"), ", ".join(result.keys)),
            (_("Compared columns"), ", ".join(result.compared)),
            (_("Source records"), result.source_rows),
            (_("Target records"), result.target_rows),
            (_("Matched"), result.matched),
            (_("Missing in the target"), len(result.missing)),
            (_("Extra in the target"), len(result.extra)),
            (_("Altered values"), len(result.altered)),
            (_("Repeated keys"), len(result.duplicate_keys)),
        ],
    )
    _table(wb.create_sheet(), _("Missing"), RECONCILE_COLUMNS, result.missing)
    _table(wb.create_sheet(), _("Extra"), RECONCILE_COLUMNS, result.extra)
    altered = [(a.key, a.column, a.source, a.target, a.source_row, a.target_row) for a in result.altered]
    _table(wb.create_sheet(), _("Altered"), ALTERED_COLUMNS, altered)
    return _save(wb, path)
