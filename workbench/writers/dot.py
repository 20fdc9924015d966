"""Graphviz DOT, one file per process (`processes/<id>.dot`, a cluster per lane), rendered to
`processes/<id>.svg` when the `dot` program is installed; without it the .dot files are still written."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from workbench.domain.layout import layered_layout
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process
from workbench.domain.text import local_text
from workbench.writers.context import ExportContext

SHAPES = {
    "start": 'shape=oval, style="filled", fillcolor="#e8f5e9"',
    "end": 'shape=oval, peripheries=2, style="filled", fillcolor="#ffebee"',
    "task": 'shape=box, style="rounded,filled", fillcolor="#e3f2fd"',
    "decision": 'shape=diamond, style="filled", fillcolor="#fff8e1"',
}
WRAP = 28
"""Characters per line in a node label; DOT does not wrap text by itself."""


def quote(value: str, wrap: int | None = None) -> str:
    """A DOT double-quoted string; wrapped lines are joined with DOT's centred line break, and `&` is
    written as `&amp;` because Graphviz reads entities (`&lt;`) in labels."""
    text = " ".join(value.split())
    lines = textwrap.wrap(text, wrap, break_long_words=False, break_on_hyphens=False) if wrap else [text]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;") for line in lines or [""]]
    return '"' + "\\n".join(escaped) + '"'


def render(process: Process, playbook: Playbook, lang: str = "en") -> str:
    """The digraph: left to right, one `cluster_<lane>` subgraph per lane, labelled edges."""
    roles = {r.id: local_text(r.name, lang) for r in playbook.roles}
    layout = layered_layout(process)
    lines = [
        f"digraph {quote(process.id)} {{",
        f'  graph [rankdir=LR, charset="UTF-8", labelloc=t, fontsize=16, '
        f"label={quote(local_text(process.name, lang))}];",
        '  node [fontsize=10, margin="0.15,0.08"];',
        "  edge [fontsize=9];",
    ]
    declared: set[str] = set()
    for band in layout.lanes:
        lines.append(f"  subgraph {quote('cluster_' + band.id)} {{")
        lines.append(f'    label={quote(roles.get(band.id, band.id))}; style="rounded"; color="#90a4ae";')
        for node in process.nodes:
            if node.lane == band.id and node.id not in declared:
                declared.add(node.id)
                label = quote(local_text(node.label, lang), WRAP)
                lines.append(f"    {quote(node.id)} [label={label}, {SHAPES[node.kind]}];")
        lines.append("  }")
    for edge in process.edges:
        if edge.source in declared and edge.target in declared:
            label = f" [label={quote(local_text(edge.label, lang), WRAP)}]" if edge.label else ""
            lines.append(f"  {quote(edge.source)} -> {quote(edge.target)}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_svg(dot_file: Path, svg_file: Path, program: str) -> None:
    """Run Graphviz; a failure is an error naming the file, never a silently missing SVG."""
    result = subprocess.run(
        [program, "-Tsvg", "-o", str(svg_file), str(dot_file)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Graphviz could not render {dot_file.name}: {result.stderr.strip()}")


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """`processes/<id>.dot` per process, plus `processes/<id>.svg` when Graphviz is installed (rendered
    in parallel: one `dot` run per process is most of this writer's time on a large playbook)."""
    program = shutil.which("dot")
    sources: list[Path] = []
    for process in ctx.playbook.processes:
        path = Path(folder) / "processes" / f"{process.id}.dot"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(process, ctx.playbook, ctx.lang), encoding="utf-8")
        sources.append(path)
    if not program:
        return sources
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        jobs = [pool.submit(render_svg, path, path.with_suffix(".svg"), program) for path in sources]
    for job in jobs:
        job.result()
    return [file for path in sources for file in (path, path.with_suffix(".svg"))]
