"""`kpis.md`: the KPI plan in Markdown, a table per phase and a short block per KPI
(from `templates/kpis/kpis.md.j2`)."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.kpi_plan import UNIT_LABELS, kpi_plan
from workbench.domain.text import tr
from workbench.i18n import _
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.templating import render


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = kpi_plan(ctx.playbook, ctx.start, ctx.lang, ctx.calendar, ctx.answers)

    def unit(name: str) -> str:
        return _(UNIT_LABELS.get(name, name))

    text = render(
        "kpis/kpis.md.j2",
        client=ctx.client,
        playbook=tr(ctx.playbook.name, ctx.lang),
        playbook_id=ctx.playbook.id,
        version=ctx.playbook.version,
        plan=plan,
        lang=ctx.lang,
        unit=unit,
    )
    target = Path(folder) / "kpis.md"
    write_text_atomic(target, text)
    return [target]
