"""`evaluation.md` and `evaluation.html`: the vendor evaluation as a document, in the current language
(Persian digits and right to left in Persian). Both come from the same blocks (headline, then the tables of
writers/evaluation_tables), so they say the same; every value is escaped for its format."""

from __future__ import annotations

from html import escape

from workbench.domain.evaluation_summary import EvaluationSummary
from workbench.domain.locale import format_number
from workbench.domain.text import RTL_LANGUAGES
from workbench.i18n import _, current_language
from workbench.writers.evaluation_tables import Cell, EvalTable, headline, tables
from workbench.writers.markdown import md_inline


def shown(value: Cell) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, current_language())
    return "" if value is None else str(value)


def markdown(summary: EvaluationSummary) -> str:
    parts = [f"# {md_inline(_('Vendor evaluation'))}", ""]
    parts += [str(md_inline(line)) + "\n" for line in headline(summary)]
    for table in tables(summary):
        parts += [f"## {md_inline(table.title)}", ""]
        if not table.rows:
            parts += [str(md_inline(_("Nothing to show."))), ""]
            continue
        parts.append("| " + " | ".join(str(md_inline(c)) for c in table.columns) + " |")
        parts.append("|" + "---|" * len(table.columns))
        for row in table.rows:
            parts.append("| " + " | ".join(str(md_inline(shown(v))) for v in row) + " |")
        parts.append("")
    return "\n".join(parts)


def _html_table(table: EvalTable) -> str:
    if not table.rows:
        return f"<p>{escape(_('Nothing to show.'))}</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(shown(v))}</td>" for v in row) + "</tr>" for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html(summary: EvaluationSummary) -> str:
    lang = current_language()
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    title = escape(_("Vendor evaluation"))
    body = [f"<h1>{title}</h1>", *(f"<p>{escape(line)}</p>" for line in headline(summary))]
    for table in tables(summary):
        body += [f"<h2>{escape(table.title)}</h2>", _html_table(table)]
    style = "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head><meta charset="utf-8">'
        f"<title>{title}</title><style>{style}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
