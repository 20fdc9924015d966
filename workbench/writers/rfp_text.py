"""`rfp.md` and `rfp.html`: the RFP to read or print (the xlsx is the one vendors fill in).

Both come from Jinja2 templates under `templates/rfp/` and show the same things as the workbook's Cover and
Requirements sheets: the client's context, how responses score, then the requirements by module.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.fixed_ids import Priority
from workbench.domain.locale import format_date, format_number, format_percent
from workbench.domain.rfp import RESPONSES
from workbench.domain.rfp_pack import (
    PRIORITY_LABELS,
    PRIORITY_MEANINGS,
    RESPONSE_MEANINGS,
    client_context,
    groups,
    priority_label,
)
from workbench.domain.text import tr
from workbench.i18n import _, ngettext
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, in_client_language, issued_on
from workbench.writers.templating import render


def pack_context(ctx: ExportContext) -> dict[str, object]:
    """Everything both templates show."""
    pb, lang = ctx.playbook, ctx.lang
    module_groups = groups(pb, lang)
    rows = [row for group in module_groups for row in group.rows]
    scored = sum(row.weight for row in rows)
    priorities = []
    for pid in PRIORITY_LABELS:
        mine = [row for row in rows if row.priority == pid]
        weight = sum(row.weight for row in mine)
        share = format_percent(round(100 * weight / scored), lang) if scored and pid != Priority.WONT else "—"
        priorities.append(
            {
                "label": priority_label(pid),
                "meaning": _(PRIORITY_MEANINGS[pid]),
                "count": len(mine),
                "weight": weight,
                "share": share,
            }
        )
    modules = ngettext("{n} module", "{n} modules", len(module_groups)).format(
        n=format_number(len(module_groups), lang)
    )
    summary = ngettext(
        "{n} requirement in {modules}, total scored weight {weight}.",
        "{n} requirements in {modules}, total scored weight {weight}.",
        len(rows),
    )
    return {
        "client": ctx.client,
        "lang": lang,
        "title": _("Request for proposal: CRM system for {client}").format(client=ctx.client),
        "playbook": {"name": tr(pb.name, lang), "id": pb.id, "version": pb.version},
        "issued": format_date(issued_on(), lang),
        "context": client_context(pb, ctx.answers, lang),
        "responses": [
            {"label": _(label), "points": points, "meaning": _(RESPONSE_MEANINGS[label])}
            for label, points in RESPONSES.items()
        ],
        "priorities": priorities,
        "groups": module_groups,
        "count": len(rows),
        "scored_weight": scored,
        "summary": summary.format(
            n=format_number(len(rows), lang), modules=modules, weight=format_number(scored, lang)
        ),
    }


@in_client_language
def write_md(ctx: ExportContext, folder: Path) -> list[Path]:
    target = Path(folder) / "rfp.md"
    write_text_atomic(target, render("rfp/rfp.md.j2", **pack_context(ctx)))
    return [target]


@in_client_language
def write_html(ctx: ExportContext, folder: Path) -> list[Path]:
    target = Path(folder) / "rfp.html"
    write_text_atomic(target, render("rfp/rfp.html.j2", **pack_context(ctx)))
    return [target]
