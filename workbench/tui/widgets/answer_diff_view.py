"""What answer changes add to or drop from the engagement (domain.answer_diff), as a short readable list."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workbench.domain.answer_diff import SECTIONS, AnswerDiff
from workbench.domain.intake import YES_NO_WORDS
from workbench.domain.locale import localize_digits
from workbench.i18n import _, current_language, ngettext
from workbench.tui.bidi import paint

SHOWN = 4
"""Items named per section; the rest are counted."""


def counted(section: str, n: int) -> str:
    """`3 tasks` with the language's plural form (Russian has three)."""
    if section == "tasks":
        text = ngettext("{count} task", "{count} tasks", n)
    elif section == "requirements":
        text = ngettext("{count} requirement", "{count} requirements", n)
    elif section == "processes":
        text = ngettext("{count} process", "{count} processes", n)
    elif section == "kpis":
        text = ngettext("{count} KPI", "{count} KPIs", n)
    elif section == "questions":
        text = ngettext("{count} question", "{count} questions", n)
    elif section == "roles":
        text = ngettext("{count} role", "{count} roles", n)
    else:
        text = f"{{count}} {section}"
    return localize_digits(text.format(count=n), current_language())


def _value(value: object) -> str:
    if value is None:
        return _("(none)")
    if isinstance(value, bool):
        yes, no = YES_NO_WORDS.get(current_language(), YES_NO_WORDS["en"])
        return yes if value else no
    if isinstance(value, list):
        return ", ".join(map(str, value)) or _("(none)")
    return localize_digits(str(value), current_language())


def nothing_changed() -> Content:
    """What the view shows before any answer changed."""
    return paint(Content.styled(_("No answer changed since this questionnaire opened."), "dim"))


class AnswerDiffView(Static):
    DEFAULT_CSS = """
    AnswerDiffView { height: auto; padding: 0 1; }
    """

    def show(self, diff: AnswerDiff | None) -> None:
        if diff is None or not diff.changes:
            self.update(nothing_changed())
            return
        lines = [Content.styled(_("Since the questionnaire opened"), "bold")]
        for change in diff.changes:
            lines.append(Content(f"  {change.question}: {_value(change.old)} → {_value(change.new)}"))
        if diff.empty:
            lines.append(Content.styled("  " + _("Nothing added or dropped."), "dim"))
        for sign, items, style in (("+", diff.added, "$text-success"), ("−", diff.removed, "$text-error")):
            for section in SECTIONS:
                got = items.get(section, [])
                if not got:
                    continue
                names = ", ".join(n.id for n in got[:SHOWN]) + (
                    " "
                    + _("and {count} more").format(
                        count=localize_digits(str(len(got) - SHOWN), current_language())
                    )
                    if len(got) > SHOWN
                    else ""
                )
                lines.append(
                    Content.from_markup(
                        f"  [{style}]$sign $counted[/]: $names",
                        sign=sign,
                        counted=counted(section, len(got)),
                        names=names,
                    )
                )
        self.update(Content("\n").join(paint(line) for line in lines))


def one_line(diff: AnswerDiff) -> str:
    """For a notification: `adds 2 tasks; drops 14 requirements` or `nothing added or dropped`."""

    def part(sentence: str, items: dict) -> str:
        counts = [counted(s, len(items[s])) for s in SECTIONS if items.get(s)]
        return sentence.format(items=", ".join(counts)) if counts else ""

    text = "; ".join(
        p for p in (part(_("adds {items}"), diff.added), part(_("drops {items}"), diff.removed)) if p
    )
    return text or _("nothing added or dropped")
