"""What a playbook holds, before anyone commits to it: counts from domain.summary, laid out to read."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workbench.domain.fixed_ids import PRIORITIES as ALL_PRIORITIES
from workbench.domain.fixed_ids import Priority
from workbench.domain.summary import Summary

PHASE_LABELS = {
    "pre_deployment": "pre-deployment",
    "deployment": "deployment",
    "post_deployment": "post-deployment",
}
PRIORITIES = tuple(p for p in ALL_PRIORITIES if p != Priority.WONT)


class PlaybookPreview(Static):
    DEFAULT_CSS = """
    PlaybookPreview { padding: 0 1; }
    """

    def show_loading(self, ref: str) -> None:
        self.update(Content.from_markup("[dim]Reading $ref ...[/dim]", ref=ref))

    def show_problems(self, ref: str, problems: list[str]) -> None:
        text = "\n".join(problems[:8]) + (f"\n... and {len(problems) - 8} more" if len(problems) > 8 else "")
        self.update(Content.from_markup("[$error b]$ref cannot be used[/]\n$text", ref=ref, text=text))

    def show(self, title: str, summary: Summary, questions: int) -> None:
        lines = [
            Content.from_markup("[b]$title[/b]", title=title),
            Content(f"{questions} questions · {summary.roles} roles · {len(summary.processes)} processes"),
            Content(
                "KPIs: " + (", ".join(f"{n} {kind}" for kind, n in sorted(summary.kpis.items())) or "none")
            ),
            Content.from_markup("[b]Tasks per phase[/b]"),
        ]
        lines += [
            Content(f"  {PHASE_LABELS.get(phase, phase):<16}{count:>3}")
            for phase, count in summary.tasks_per_phase.items()
        ]
        lines.append(Content.from_markup("[b]Requirements[/b] [dim](must/should/could)[/dim]"))
        for module, counts in summary.requirements.items():
            figures = "/".join(str(counts.get(p, 0)) for p in PRIORITIES)
            lines.append(Content(f"  {module:<16}{sum(counts.values()):>3}  {figures}"))
        self.update(Content("\n").join(lines))
