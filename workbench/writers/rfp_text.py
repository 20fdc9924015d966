"""`rfp.md` and `rfp.html`: the RFP to read or print (the xlsx is the one vendors fill in).

Both come from Jinja2 templates under `templates/rfp/` and show the same things as the workbook's Cover and
Requirements sheets: the client's context, how responses score, then the requirements by module.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.domain.rfp import RESPONSES
from workbench.domain.rfp_pack import (
    PRIORITY_LABELS,
    PRIORITY_MEANINGS,
    RESPONSE_MEANINGS,
    client_context,
    groups,
)
from workbench.domain.text import tr
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext
from workbench.writers.templating import render


def pack_context(ctx: ExportContext) -> dict[str, object]:
    """Everything both templates show."""
    pb, lang = ctx.playbook, ctx.lang
    module_groups = groups(pb, lang)
    rows = [row for group in module_groups for row in group.rows]
    scored = sum(row.weight for row in rows)
    priorities = []
    for pid, label in PRIORITY_LABELS.items():
        mine = [row for row in rows if row.priority == pid]
        weight = sum(row.weight for row in mine)
        share = f"{100 * weight / scored:.0f} %" if scored and pid != "wont" else "—"
        priorities.append({"label": label, "meaning": PRIORITY_MEANINGS[pid], "count": len(mine),
                           "weight": weight, "share": share})
    return {
        "client": ctx.client, "lang": lang, "title": f"Request for proposal: CRM system for {ctx.client}",
        "playbook": {"name": tr(pb.name, lang), "id": pb.id, "version": pb.version},
        "issued": date.today().isoformat(),
        "context": client_context(pb, ctx.answers, lang),
        "responses": [{"label": label, "points": points, "meaning": RESPONSE_MEANINGS[label]}
                      for label, points in RESPONSES.items()],
        "priorities": priorities, "groups": module_groups, "count": len(rows), "scored_weight": scored,
    }


def write_md(ctx: ExportContext, folder: Path) -> list[Path]:
    target = Path(folder) / "rfp.md"
    write_text_atomic(target, render("rfp/rfp.md.j2", **pack_context(ctx)))
    return [target]


def write_html(ctx: ExportContext, folder: Path) -> list[Path]:
    target = Path(folder) / "rfp.html"
    write_text_atomic(target, render("rfp/rfp.html.j2", **pack_context(ctx)))
    return [target]
