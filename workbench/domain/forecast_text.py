"""The forecast in words: the baseline compared with, the go-live baseline against forecast and the slip.

`crmwb status`, `crmwb plan show` and the TUI's plan tab say it the same way, in the current language,
with dates in that language's calendar and digits (domain/locale.py)."""

from __future__ import annotations

from datetime import date

from workbench.domain.forecast import Forecast
from workbench.domain.locale import format_number, format_short_date
from workbench.i18n import _, current_language, ngettext


def day_text(day: date | None) -> str:
    """A date as the interface language writes it in a table: ISO, dd.mm.yyyy, or Solar Hijri in Persian."""
    return format_short_date(day, current_language()) if day is not None else "-"


def number_text(value: int) -> str:
    return format_number(value, current_language())


def slip_text(days: int) -> str:
    if days > 0:
        return ngettext("{n} working day late", "{n} working days late", days).format(n=number_text(days))
    if days < 0:
        return ngettext("{n} working day early", "{n} working days early", -days).format(n=number_text(-days))
    return _("on time")


def slip_figure(days: int | None) -> str:
    """A task's slip in a table cell: +3, −2, 0, or nothing for a task the baseline did not have."""
    if days is None:
        return ""
    return ("+" if days > 0 else "−" if days < 0 else "") + number_text(abs(days))


def baseline_label(fc: Forecast) -> str:
    b = fc.baseline
    if b is None:
        return _("the initial plan (no baseline frozen yet)")
    day = day_text(b.created_at.astimezone().date())
    return _("#{id} of {day} by {author}: {reason}").format(
        id=number_text(b.id), day=day, author=b.author, reason=b.reason
    )


def go_live_line(fc: Forecast) -> str | None:
    """'Go-live: baseline …, forecast … (3 working days late)', or None without a go-live milestone."""
    if fc.go_live is None or fc.baseline_go_live is None:
        return None
    return _("Go-live: baseline {baseline}, forecast {forecast} ({slip})").format(
        baseline=day_text(fc.baseline_go_live), forecast=day_text(fc.go_live), slip=slip_text(fc.slip)
    )


def go_live_lines(fc: Forecast) -> list[str]:
    """The lines `status` and `plan show` print about the go-live."""
    lines = [_("Baseline: {label}").format(label=baseline_label(fc))]
    line = go_live_line(fc)
    return lines + ([line] if line else [])
