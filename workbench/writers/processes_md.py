"""`processes.md`: every process map with its description, its Mermaid diagram, its steps by lane, the
hand-offs between roles and the result of the structural checks (from `templates/processes/`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.domain.layout import layered_layout, steps_by_lane
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process, check_process, handoffs
from workbench.domain.text import local_text, tr
from workbench.i18n import _, pgettext
from workbench.writers import mermaid
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.templating import render


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    label: str


@dataclass(frozen=True)
class HandoffLine:
    from_role: str
    to_role: str
    from_step: str
    to_step: str
    condition: str


@dataclass(frozen=True)
class ProcessView:
    """One process as the Markdown shows it; all text already in the export's language."""

    id: str
    name: str
    description: str
    diagram: str
    lanes: list[tuple[str, list[Step]]]
    handoffs: list[HandoffLine]
    problems: list[str]


def view(process: Process, playbook: Playbook, lang: str) -> ProcessView:
    roles = {r.id: tr(r.name, lang) for r in playbook.roles}
    labels = {n.id: local_text(n.label, lang) for n in process.nodes}
    kinds = {n.id: n.kind for n in process.nodes}
    lanes = [
        (roles.get(lane, lane), [Step(n, kind_label(kinds[n]), labels[n]) for n in nodes])
        for lane, nodes in steps_by_lane(layered_layout(process))
    ]
    conditions = {(e.source, e.target): local_text(e.label, lang) for e in process.edges}
    lines = [
        HandoffLine(
            roles.get(h.from_role, h.from_role),
            roles.get(h.to_role, h.to_role),
            labels[h.source],
            labels[h.target],
            conditions.get((h.source, h.target), ""),
        )
        for h in handoffs(process)
    ]
    problems = [p.message for p in check_process(process)]
    problems += [
        _("lane {lane!r} is not a role of the playbook").format(lane=lane)
        for lane in dict.fromkeys(n.lane for n in process.nodes)
        if lane not in roles
    ]
    return ProcessView(
        process.id,
        local_text(process.name, lang),
        local_text(process.description, lang),
        mermaid.render(process, playbook, lang),
        lanes,
        lines,
        problems,
    )


def kind_label(kind: str) -> str:
    """A node's kind (start, task, decision, end) in the document's language."""
    labels = {
        "start": pgettext("process step", "start"),
        "task": pgettext("process step", "task"),
        "decision": pgettext("process step", "decision"),
        "end": pgettext("process step", "end"),
    }
    return labels.get(kind, kind)


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """One `processes.md` with a section per process of the resolved playbook, in the client's language."""
    views = [view(p, ctx.playbook, ctx.lang) for p in ctx.playbook.processes]
    text = render(
        "processes/processes.md.j2",
        client=ctx.client,
        playbook=tr(ctx.playbook.name, ctx.lang),
        playbook_id=ctx.playbook.id,
        version=ctx.playbook.version,
        processes=views,
        lang=ctx.lang,
    )
    target = Path(folder) / "processes.md"
    write_text_atomic(target, text)
    return [target]
