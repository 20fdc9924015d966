"""The data audit dialog's tables: completeness per field, the invalid values, the duplicate clusters
(each with its best pair's score and reason and the survivor to keep), in the current language with its
digits. A table shows at most SHOWN rows, so a 100k-row file's thousands of clusters do not stall the
screen; the line under the summary says how many more the saved report holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.widgets import DataTable

from workbench.domain.data_quality.labels import field_label, invalid_reason, number, reason, row_number
from workbench.domain.locale import format_percent
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual

if TYPE_CHECKING:
    from textual.screen import Screen

    from workbench.app.data_audit import KpiOutcome
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.data_quality.audit import DataAudit

SHOWN = 500
"""rows a table shows at most; the saved report has every one"""
COLUMNS = {
    "#data-audit-fields": (
        N_("Field"),
        N_("Column in the file"),
        N_("Required"),
        N_("Filled"),
        N_("Valid"),
        N_("Invalid"),
        N_("Completeness"),
    ),
    "#data-audit-invalid": (N_("Row"), N_("Field"), N_("Value"), N_("What is wrong")),
    "#data-audit-clusters": (N_("Cluster"), N_("Rows"), N_("Score"), N_("Reason"), N_("Survivor")),
}


def set_columns(screen: Screen) -> None:
    for selector, labels in COLUMNS.items():
        screen.query_one(selector, DataTable).add_columns(*(visual(_(label)) for label in labels))


def fill_tables(screen: Screen, result: DataAudit) -> None:
    """Every table refilled from the result; an empty one stays hidden."""
    rows = {
        "#data-audit-fields": field_rows(result),
        "#data-audit-invalid": invalid_rows(result),
        "#data-audit-clusters": cluster_rows(result),
    }
    for selector, cells in rows.items():
        table = screen.query_one(selector, DataTable)
        table.clear()
        for row in cells[:SHOWN]:
            table.add_row(*(visual(cell) for cell in row))
        table.display = bool(cells)


def summary_lines(result: DataAudit) -> list[str]:
    """The figures, and a word when a table shows only its first rows."""
    from workbench.writers.data_audit_text import summary_items

    lines = summary_items(result)
    if max(len(result.invalid), len(result.clusters)) <= SHOWN:
        return lines
    return lines + [
        ngettext(
            "The tables show the first {shown} row of each; the saved report has them all.",
            "The tables show the first {shown} rows of each; the saved report has them all.",
            SHOWN,
        ).format(shown=number(SHOWN))
    ]


def field_rows(result: DataAudit) -> list[tuple[str, ...]]:
    lang = current_language()
    required = set(result.required)
    return [
        (
            field_label(name),
            result.headers[result.columns[name]],
            _("yes") if name in required else "",
            number(stats.present),
            number(stats.valid),
            number(stats.invalid),
            format_percent(result.field_completeness(name), lang),
        )
        for name, stats in result.stats.items()
    ]


def invalid_rows(result: DataAudit) -> list[tuple[str, ...]]:
    return [
        (row_number(v.row), field_label(v.field), v.value, invalid_reason(v.kind))
        for v in result.invalid[:SHOWN]
    ]


def cluster_rows(result: DataAudit) -> list[tuple[str, ...]]:
    records = result.records
    rows: list[tuple[str, ...]] = []
    for n, (cluster, pair) in enumerate(zip(result.clusters[:SHOWN], result.strongest_pairs())):
        survivor = records[cluster.survivor]
        rows.append(
            (
                number(n + 1),
                ", ".join(row_number(records[i].row) for i in cluster.members),
                number(pair.score),
                reason(pair),
                f"{row_number(survivor.row)} {survivor.label}".strip(),
            )
        )
    return rows


def outcome_lines(opened: OpenEngagement, outcomes: Sequence[KpiOutcome]) -> list[str]:
    """'Duplicate rate: 4.2 recorded' per KPI, by the playbook's name for it; why one was not."""
    from workbench.domain.text import tr

    names = {k.id: tr(k.name, current_language()) for k in opened.resolved.kpis}
    lines = []
    for outcome in outcomes:
        name = names.get(outcome.kpi, outcome.kpi)
        if outcome.recorded:
            lines.append(_("{kpi}: {value} recorded").format(kpi=name, value=number(outcome.value)))
        else:
            lines.append(_("{kpi}: not recorded ({reason})").format(kpi=name, reason=outcome.why_not))
    return lines
