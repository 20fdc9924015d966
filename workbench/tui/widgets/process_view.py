"""Process maps readable in a terminal: pick a process, read its steps lane by lane in flow order, with
every decision's labelled exits, every hand-off to another role, and the result of check_process.

Steps are numbered in the order domain.layout draws them (column by column), so "→ 7" in one lane points
at step 7 in another; loops back to an earlier step are marked ↺.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static, Tree
from textual.widgets.option_list import Option

from workbench.domain.layout import Layout, layered_layout, steps_by_lane
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Edge, Node, Process, check_process, handoffs
from workbench.domain.text import tr
from workbench.tui.widgets.paged_table import clip

KIND_ICONS = {"start": "▶", "task": "□", "decision": "◆", "end": "■"}
EXIT_WIDTH = 36


class ProcessView(Horizontal):
    DEFAULT_CSS = """
    ProcessView { height: 1fr; }
    ProcessView #process-picker { width: 28; height: 1fr; }
    ProcessView #process-body { width: 1fr; }
    ProcessView #process-title { height: 1; padding: 0 1; }
    ProcessView #process-steps { height: 2fr; }
    ProcessView #process-side { height: 1fr; max-height: 14; border-top: solid $primary-muted; padding: 0 1; }
    """

    def __init__(self, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.processes: list[Process] = []
        self.role_names: dict[str, str] = {}
        self.shown: str | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(id="process-picker")
        with Vertical(id="process-body"):
            yield Static(id="process-title")
            yield Tree(Text(""), id="process-steps")
            with VerticalScroll(id="process-side"):
                yield Static(id="process-handoffs")

    def load(self, pb: Playbook) -> None:
        self.processes = list(pb.processes)
        self.role_names = {r.id: tr(r.name, self.lang) for r in pb.roles}
        picker = self.query_one("#process-picker", OptionList)
        previous = picker.highlighted
        picker.clear_options()
        picker.add_options(Option(Text(tr(p.name, self.lang)), id=p.id) for p in self.processes)
        if self.processes:
            picker.highlighted = min(previous or 0, len(self.processes) - 1)
            self.show(self.processes[picker.highlighted].id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.show(event.option.id)

    def lane(self, role: str) -> str:
        return self.role_names.get(role, role)

    def show(self, process_id: str) -> None:
        """Render one process: title and check result, the lane tree, the hand-offs."""
        process = next((p for p in self.processes if p.id == process_id), None)
        if process is None:
            return
        self.shown = process_id
        problems = check_process(process)
        passes = handoffs(process)
        title = Text(tr(process.name, self.lang), style="bold")
        title.append(
            f"  {len(process.nodes)} steps · {len({n.lane for n in process.nodes})} lanes · "
            f"{len(passes)} hand-offs · "
        )
        title.append(
            "✓ clean" if not problems else f"✖ {len(problems)} problems", style="bold" if problems else ""
        )
        self.query_one("#process-title", Static).update(title)
        self._fill_tree(process)
        side = Text()
        if problems:
            side.append("Problems\n", style="bold")
            for p in problems:
                side.append(f"✖ {p.message}\n")
        counts = Counter((h.from_role, h.to_role) for h in passes)
        side.append(f"Hand-offs between roles: {len(passes)}\n", style="bold")
        for (source, target), count in counts.items():
            side.append(f"  {self.lane(source)} → {self.lane(target)}").append(f"  ×{count}\n", style="bold")
        if process.description:
            side.append(f"\n{tr(process.description, self.lang)}", style="italic")
        self.query_one("#process-handoffs", Static).update(side)

    def _fill_tree(self, process: Process) -> None:
        layout = layered_layout(process)
        nodes = {n.id: n for n in process.nodes}
        order = sorted(layout.cells, key=lambda n: (layout.cells[n].column, layout.cells[n].row))
        number = {n: i + 1 for i, n in enumerate(order)}
        exits: dict[str, list] = {}
        for edge in process.edges:
            exits.setdefault(edge.source, []).append(edge)
        lanes = steps_by_lane(layout)
        following = {a: b for _, steps in lanes for a, b in pairwise(steps)}
        tree = self.query_one("#process-steps", Tree)
        tree.clear()
        tree.root.set_label(Text(f"{tr(process.name, self.lang)} (by lane, in flow order)", style="bold"))
        for lane, steps in lanes:
            branch = tree.root.add(Text(self.lane(lane), style="bold"), expand=True)
            for step in steps:
                node = nodes[step]
                label = Text(f"{number[step]:>2} {KIND_ICONS[node.kind]} ").append(tr(node.label, self.lang))
                outs = [e for e in exits.get(step, []) if e.target in nodes]
                if len(outs) == 1 and node.kind != "decision":
                    # one exit: say where it goes only when that is not simply the next line of this lane
                    if outs[0].target != following.get(step) or (step, outs[0].target) in layout.back_edges:
                        label.append_text(self._exit(layout, nodes[step], outs[0], nodes, number))
                    branch.add_leaf(label)
                    continue
                item = branch.add(label, expand=True, allow_expand=bool(outs))
                for edge in outs:
                    exit_label = Text(tr(edge.label, self.lang) if edge.label else "", style="italic")
                    item.add_leaf(exit_label.append_text(self._exit(layout, node, edge, nodes, number)))
        tree.root.expand()

    def _exit(
        self, layout: Layout, source: Node, edge: Edge, nodes: dict[str, Node], number: dict[str, int]
    ) -> Text:
        """' → 8 Finance approves…  ⇄ Finance manager  ↺ loop': the target step, the role it passes to,
        and a mark when the flow goes back to an earlier step."""
        target = nodes[edge.target]
        text = Text(f" → {number[edge.target]} ").append(clip(tr(target.label, self.lang), EXIT_WIDTH))
        if target.lane != source.lane:
            text.append(f"  ⇄ {self.lane(target.lane)}", style="bold")
        if (source.id, edge.target) in layout.back_edges:
            text.append("  ↺ loop", style="italic")
        return text
