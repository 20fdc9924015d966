"""The drift audit as Markdown, for a ticket or the steering pack: what was compared, the drifts in one
table (severity, kind, role, object, action, design, live) and the summary. The words are the ones the
terminal table uses (app.audit's WORDS, passed in so this adapter needs no app); every cell is escaped
Markdown, so a role named `a|b` stays in its column."""

from __future__ import annotations

from collections.abc import Callable

from workbench.domain.audit_report import AuditReport, clean_sentence, drift_row, drift_titles
from workbench.domain.locale import format_number
from workbench.i18n import _, current_language
from workbench.writers.markdown import md_inline


def markdown(report: AuditReport, compared: int, word: Callable[[object], object]) -> str:
    lang = current_language()
    lines = [
        "# " + md_inline(_("Audit of the live CRM")),
        "",
        md_inline(
            _("audit of {source} ({target}) against the {design}").format(
                source=report.source, target=report.target, design=report.design
            )
        ),
        "",
    ]
    if report.clean:
        lines.append(md_inline(clean_sentence(report.target, compared, format_number(compared, lang))))
        return "\n".join(lines) + "\n"
    titles = drift_titles()
    lines += ["| " + " | ".join(md_inline(t) for t in titles) + " |", "|" + "---|" * len(titles)]
    for d in report.drifts:
        cells = drift_row(d, word)
        lines.append("| " + " | ".join(md_inline("-" if c is None else c) for c in cells) + " |")
    counts = report.counts()
    lines += [
        "",
        md_inline(
            _("drift against the design: errors {errors}, warnings {warnings}").format(
                errors=format_number(counts["errors"], lang), warnings=format_number(counts["warnings"], lang)
            )
        ),
    ]
    return "\n".join(lines) + "\n"
