"""The weeks around a chosen day on the engagement's working calendar: day numbers in the reader's
calendar (Solar Hijri with Persian digits in Persian), weekends and public holidays dimmed and marked,
the chosen day highlighted, and the holidays in view named below. It only shows; the dialog that owns
it moves the day (Up/Down a day, Page Up/Down a week) and reads what is typed."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from workbench.domain.date_input import PickerDay, month_title, picker_weeks
from workbench.domain.locale import format_short_date, localize_digits
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import _, current_language, pgettext
from workbench.tui.bidi import visual
from workbench.tui.colours import theme_style
from workbench.tui.widgets.bidi_text import BidiText

CELL = 4


def weekday_names() -> list[str]:
    """Two-letter weekday names, Monday first, in the interface language."""
    return [
        pgettext("weekday, short", "Mo"),
        pgettext("weekday, short", "Tu"),
        pgettext("weekday, short", "We"),
        pgettext("weekday, short", "Th"),
        pgettext("weekday, short", "Fr"),
        pgettext("weekday, short", "Sa"),
        pgettext("weekday, short", "Su"),
    ]


class DatePicker(Vertical):
    DEFAULT_CSS = """
    DatePicker { height: auto; margin: 0 0 1 0; }
    DatePicker #picker-grid { height: auto; }
    DatePicker #picker-notes { height: auto; color: $text-muted; }
    """

    def __init__(self, calendar: WorkCalendar | None, chosen: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.calendar = calendar
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        yield Static(id="picker-grid")
        yield BidiText(id="picker-notes")

    def on_mount(self) -> None:
        self.show(self.chosen)

    def show(self, chosen: date) -> None:
        self.chosen = chosen
        lang = current_language()
        weeks = picker_weeks(chosen, self.calendar, lang)
        self.query_one("#picker-grid", Static).update(self._grid(weeks, lang))
        notes = [f"{format_short_date(d.day, lang)}: {d.reason}" for row in weeks for d in row if d.reason]
        legend = _("dim: not a working day; *: a public holiday; [ ]: the chosen day")
        self.query_one("#picker-notes", BidiText).set_lines(
            [(line, "") for line in notes] + [(legend, "dim")]
        )

    def _grid(self, weeks: list[list[PickerDay]], lang: str) -> Text:
        """Month title, weekday header, one line a week; Persian weeks run right to left."""
        names = weekday_names()
        first = weeks[0][0].day.weekday()
        header_days = [names[(first + i) % 7] for i in range(7)]
        rtl = lang == "fa"
        out = Text()
        titles = list(dict.fromkeys(month_title(d.day, lang) for row in weeks for d in row))
        out.append(visual(" / ".join(titles)), style="bold")  # visual() puts Persian right to left
        out.append("\n")
        cells = [visual(n).center(CELL) for n in header_days]
        out.append("".join(cells[::-1] if rtl else cells), style="bold")
        off = theme_style(self.app, "text-muted")
        chosen = theme_style(self.app, "accent", bold=True)
        for row in weeks:
            out.append("\n")
            for d in row[::-1] if rtl else row:
                number = localize_digits(str(d.number), lang)
                if d.day == self.chosen:
                    out.append(f"[{number:>2}]", style=chosen)
                elif d.working:
                    out.append(f" {number:>2} ")
                else:
                    out.append(f" {number:>2}" + ("*" if d.reason else " "), style=off)
        return out
