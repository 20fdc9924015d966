"""What answer changes add to or drop from the engagement (domain.answer_diff), as a short readable list."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workbench.domain.answer_diff import SECTIONS, AnswerDiff

SHOWN = 4
"""Items named per section; the rest are counted."""
LABELS = {
    "tasks": "tasks",
    "requirements": "requirements",
    "processes": "processes",
    "kpis": "KPIs",
    "questions": "questions",
}


def _value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


class AnswerDiffView(Static):
    DEFAULT_CSS = """
    AnswerDiffView { height: auto; padding: 0 1; }
    """

    def show(self, diff: AnswerDiff | None) -> None:
        if diff is None or not diff.changes:
            self.update(Content.from_markup("[dim]No answer changed since this questionnaire opened.[/dim]"))
            return
        lines = [Content.from_markup("[b]Since the questionnaire opened[/b]")]
        for change in diff.changes:
            lines.append(Content(f"  {change.question}: {_value(change.old)} → {_value(change.new)}"))
        if diff.empty:
            lines.append(Content.from_markup("  [dim]Nothing added or dropped.[/dim]"))
        for sign, items, style in (("+", diff.added, "$text-success"), ("−", diff.removed, "$text-error")):
            for section in SECTIONS:
                got = items.get(section, [])
                if not got:
                    continue
                names = ", ".join(n.id for n in got[:SHOWN]) + (
                    f" and {len(got) - SHOWN} more" if len(got) > SHOWN else ""
                )
                lines.append(
                    Content.from_markup(
                        f"  [{style}]$sign $count $label[/]: $names",
                        sign=sign,
                        count=str(len(got)),
                        label=LABELS[section],
                        names=names,
                    )
                )
        self.update(Content("\n").join(lines))


def one_line(diff: AnswerDiff) -> str:
    """For a notification: `adds 2 tasks; drops 14 requirements` or `nothing added or dropped`."""

    def part(verb: str, items: dict) -> str:
        counts = [f"{len(items[s])} {LABELS[s]}" for s in SECTIONS if items.get(s)]
        return f"{verb} {', '.join(counts)}" if counts else ""

    text = "; ".join(p for p in (part("adds", diff.added), part("drops", diff.removed)) if p)
    return text or "nothing added or dropped"
