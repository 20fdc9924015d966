"""A data audit and a reconciliation as text for the terminal or Markdown for a document, in the current
language with its digits: the figures, completeness per field, and the first invalid values and clusters
(the workbook has them all)."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.data_quality.audit import DataAudit
from workbench.domain.data_quality.labels import (
    field_label,
    invalid_reason,
    joined,
    number,
    reason,
    row_number,
)
from workbench.domain.data_quality.reconcile import Reconciliation
from workbench.domain.locale import format_percent
from workbench.domain.text import tr
from workbench.i18n import _, current_language, ngettext

SHOWN = 10
"""how many invalid values, clusters or differences the summary lists"""


def _percent(value: float) -> str:
    return format_percent(value, current_language())


def _heading(text: str, md: bool) -> str:
    return f"## {text}" if md else text


def _item(text: str, md: bool) -> str:
    return f"- {text}" if md else f"  {text}"


def summary_items(result: DataAudit) -> list[str]:
    """The figures: records, complete records, invalid values, duplicate rate, and what the playbook
    requires that cannot be checked (the TUI shows the same lines)."""
    items = [
        ngettext("{n} record", "{n} records", result.total).format(n=number(result.total)),
        _("complete records: {share} (required: {fields})").format(
            share=_percent(result.completeness), fields=joined([field_label(f) for f in result.required])
        ),
        ngettext("{n} invalid value", "{n} invalid values", len(result.invalid)).format(
            n=number(len(result.invalid))
        ),
        _("duplicate rate: {share} ({records} to merge away in {clusters})").format(
            share=_percent(result.duplicate_rate),
            records=number(result.duplicate_records),
            clusters=ngettext("{n} cluster", "{n} clusters", len(result.clusters)).format(
                n=number(len(result.clusters))
            ),
        ),
    ]
    if result.unchecked:
        names = [tr(name, current_language()) for name in result.unchecked.values()]
        items.append(
            _("required by the playbook but not checked in a legacy file: {fields}").format(
                fields=joined(names)
            )
        )
    return items


def audit_text(result: DataAudit, md: bool = False) -> str:
    lines = [
        f"# {_('Data audit of {file}').format(file=Path(result.source).name)}"
        if md
        else _("Data audit of {file}").format(file=Path(result.source).name),
        "",
    ]
    lines += [_item(t, md) for t in summary_items(result)]
    lines += ["", _heading(_("Completeness per field"), md)]
    for name in result.stats:
        lines.append(
            _item(
                _("{field} ({column}): {share} valid, {invalid} invalid").format(
                    field=field_label(name),
                    column=result.headers[result.columns[name]],
                    share=_percent(result.field_completeness(name)),
                    invalid=number(result.stats[name].invalid),
                ),
                md,
            )
        )
    if result.invalid:
        lines += ["", _heading(_("Invalid values"), md)]
        lines += [
            _item(
                _("row {row}, {field}: {value} is {what}").format(
                    row=row_number(v.row),
                    field=field_label(v.field),
                    value=repr(v.value),
                    what=invalid_reason(v.kind),
                ),
                md,
            )
            for v in result.invalid[:SHOWN]
        ]
    if result.pairs:
        lines += ["", _heading(_("Duplicate pairs"), md)]
        records = result.records
        lines += [
            _item(
                _("rows {a} and {b} ({name_a} / {name_b}): score {score}, {reason}").format(
                    a=row_number(records[p.first].row),
                    b=row_number(records[p.second].row),
                    name_a=records[p.first].label,
                    name_b=records[p.second].label,
                    score=number(p.score),
                    reason=reason(p),
                ),
                md,
            )
            for p in result.pairs[:SHOWN]
        ]
    return "\n".join(lines) + "\n"


def reconcile_text(result: Reconciliation, md: bool = False) -> str:
    lines = ["# " + _("Reconciliation") if md else _("Reconciliation"), ""]
    lines += [
        _item(t, md)
        for t in (
            _("source: {source} records, target: {target} records, matched: {matched}").format(
                source=number(result.source_rows),
                target=number(result.target_rows),
                matched=number(result.matched),
            ),
            _("missing in the target: {n}").format(n=number(len(result.missing))),
            _("extra in the target: {n}").format(n=number(len(result.extra))),
            _("altered values: {n}").format(n=number(len(result.altered))),
        )
    ]
    if result.duplicate_keys:
        lines.append(
            _item(
                _("repeated keys (only the first row compared): {n}").format(
                    n=number(len(result.duplicate_keys))
                ),
                md,
            )
        )
    for title, items in (
        (
            _("Missing in the target"),
            [f"{k} ({_('row {row}').format(row=row_number(r))})" for k, r in result.missing],
        ),
        (
            _("Extra in the target"),
            [f"{k} ({_('row {row}').format(row=row_number(r))})" for k, r in result.extra],
        ),
        (_("Altered values"), [f"{a.key}: {a.column}: {a.source!r} → {a.target!r}" for a in result.altered]),
    ):
        if items:
            lines += ["", _heading(title, md)] + [_item(t, md) for t in items[:SHOWN]]
    return "\n".join(lines) + "\n"
