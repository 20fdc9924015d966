"""`plan.md`: the project plan in brief: dates, the critical path, milestones per phase and every task's
slack (from `templates/plan/plan.md.j2`)."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.plan import plan_for
from workbench.domain.text import tr
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.plan_xlsx import PlanView
from workbench.writers.templating import render


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = plan_for(ctx.playbook, ctx.answers, ctx.start, ctx.calendar)
    view = PlanView(ctx.playbook, plan, ctx.lang)
    milestones = [
        (view.phase(phase), finish, [t for t in tasks if t.milestone])
        for (phase, tasks), finish in zip(view.by_phase(), plan.phase_milestones().values())
    ]
    text = render(
        "plan/plan.md.j2",
        client=ctx.client,
        playbook=tr(ctx.playbook.name, ctx.lang),
        playbook_id=ctx.playbook.id,
        version=ctx.playbook.version,
        plan=plan,
        view=view,
        milestones=milestones,
        lang=ctx.lang,
    )
    target = Path(folder) / "plan.md"
    write_text_atomic(target, text)
    return [target]
