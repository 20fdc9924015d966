"""Mermaid flowcharts, one per process: `processes/<id>.mmd` (also embedded in `processes.md`).

Every label is quoted and its special characters written as Mermaid entity codes (`#34;` for a quote),
so quotes, brackets, pipes and right-to-left text cannot break the diagram's syntax.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.domain.layout import layered_layout, steps_by_lane
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process
from workbench.domain.text import local_text
from workbench.writers.context import ExportContext

SHAPES = {"start": ('(["', '"])'), "end": ('(["', '"])'), "task": ('["', '"]'), "decision": ('{"', '"}')}
"""start and end are stadiums (end drawn with a heavy border), tasks rectangles, decisions rhombi."""
_ENTITIES = {"#": "#35;", '"': "#34;", "<": "#60;", ">": "#62;", "&": "#38;", "|": "#124;", "`": "#96;"}


def text(value: str) -> str:
    """Label text safe inside Mermaid double quotes: one line, special characters as entity codes."""
    return "".join(_ENTITIES.get(ch, ch) for ch in " ".join(value.split()))


class _Names:
    """Mermaid identifiers from playbook ids: prefixed (so `end` or `graph` cannot clash with keywords)."""

    def __init__(self) -> None:
        self.used: dict[str, str] = {}

    def __call__(self, prefix: str, raw: str) -> str:
        key = f"{prefix}:{raw}"
        if key not in self.used:
            base = f"{prefix}_{re.sub(r'[^A-Za-z0-9_]', '_', raw)}"
            name, n = base, 1
            while name in self.used.values():
                n += 1
                name = f"{base}_{n}"
            self.used[key] = name
        return self.used[key]


def render(process: Process, playbook: Playbook, lang: str = "en") -> str:
    """The flowchart: a subgraph per lane (ordered as in the BPMN layout), then the edges with labels."""
    names = _Names()
    roles = {r.id: local_text(r.name, lang) for r in playbook.roles}
    layout = layered_layout(process)
    lines = ["flowchart LR", f"  %% {text(local_text(process.name, lang))}"]
    nodes = {n.id: n for n in process.nodes}
    for lane, members in steps_by_lane(layout):
        lines.append(f'  subgraph {names("lane", lane)}["{text(roles.get(lane, lane))}"]')
        for node in (nodes[n] for n in members):
            opening, closing = SHAPES[node.kind]
            lines.append(f"    {names('n', node.id)}{opening}{text(local_text(node.label, lang))}{closing}")
        lines.append("  end")
    declared = list(layout.cells)
    for edge in process.edges:
        if edge.source not in declared or edge.target not in declared:
            continue
        label = f'|"{text(local_text(edge.label, lang))}"|' if edge.label else ""
        lines.append(f"  {names('n', edge.source)} -->{label} {names('n', edge.target)}")
    lines.append("  classDef startEvent stroke-width:2px")
    lines.append("  classDef endEvent stroke-width:4px")
    for kind in ("start", "end"):
        ids = [names("n", n) for n in declared if nodes[n].kind == kind]
        if ids:
            lines.append(f"  class {','.join(ids)} {kind}Event")
    return "\n".join(lines) + "\n"


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """One `processes/<id>.mmd` per process of the resolved playbook."""
    out: list[Path] = []
    for process in ctx.playbook.processes:
        path = Path(folder) / "processes" / f"{process.id}.mmd"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(process, ctx.playbook, ctx.lang), encoding="utf-8")
        out.append(path)
    return out
