"""The CLI's words, numbers and dates in the current language, said once for every command.

Commands print through these so a Persian engagement reads ۱۴۰۵/۰۱/۱۲ and ۱۲٪ and a Russian one
12.04.2026 and 0,5; the language is the one `resolve_language` set (flag > engagement > $CRMWB_LANG > en).
Terminal output is left in logical order (no bidi reordering: terminals differ), so lines stay short.
"""

from __future__ import annotations

from datetime import date

from workbench.i18n import N_, _, current_language

STATUS_LABELS = {
    "not_started": N_("not started"),
    "in_progress": N_("in progress"),
    "blocked": N_("blocked"),
    "done": N_("done"),
    "skipped": N_("skipped"),
}


def lang() -> str:
    return current_language()


def day(value: date | None) -> str:
    """A date in a table: ISO in English, dd.mm.yyyy in Russian, Solar Hijri with Persian digits in
    Persian."""
    from workbench.domain.locale import format_short_date

    return format_short_date(value, lang()) if value else "—"


def num(value: float) -> str:
    from workbench.domain.locale import format_number

    return format_number(value, lang())


def digits(text: str) -> str:
    """Free-standing numbers of `text` in Persian digits for Persian (ids and Latin names keep theirs)."""
    from workbench.domain.locale import localize_digits

    return localize_digits(text, lang())


def status(code: str | None) -> str:
    """A task status as people say it; an unknown code is shown as it is."""
    return _(STATUS_LABELS[code]) if code in STATUS_LABELS else str(code)


def text(value) -> str:
    """Playbook text (LocalText) in the current language."""
    from workbench.domain.text import tr

    return tr(value, lang()) if value is not None and not isinstance(value, str) else (value or "")


def phase_name(playbook, phase_id: str) -> str:
    found = next((p for p in playbook.phases if p.id == phase_id), None)
    return text(found.name) if found is not None and found.name else phase_id


def role_name(playbook, role_id: str) -> str:
    found = playbook.role_map().get(role_id)
    return text(found.name) if found is not None else role_id


def cut(line: str, width: int = 80) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def pct(value: float) -> str:
    from workbench.domain.locale import format_percent

    return format_percent(value, lang())


def task_name(playbook, task_id: str, fallback: str = "") -> str:
    found = playbook.task_map().get(task_id)
    return text(found.name) if found is not None else fallback


UNITS = {
    "percent": N_("{value} %"),
    "hours": N_("{value} h"),
    "minutes": N_("{value} min"),
    "days": N_("{value} d"),
}
TRACK = {True: N_("on track"), False: N_("off track"), None: N_("not measured")}


def kpi_value(value: float | None, unit: str) -> str:
    """72.5 % / 72,5 % / ۷۲٫۵٪ ...: the local notation, rounded as the domain's format_value rounds."""
    if value is None:
        return "—"
    rounded = round(value) if abs(value) >= 1000 or float(value).is_integer() else round(value, 1)
    shown = num(rounded)
    if unit == "percent" and lang() == "fa":
        return pct(rounded)
    return _(UNITS[unit]).format(value=shown) if unit in UNITS else shown


def kpi_target(kpi) -> str:
    return ("≥ " if kpi.direction == "up" else "≤ ") + kpi_value(float(kpi.target), kpi.unit)


def kpi_status(kpi, trend) -> str:
    latest = trend.latest
    if latest is not None and kpi.out_of_range(latest.value):
        return _("out of range")
    return _(TRACK[trend.on_track])


def pct1(value: float) -> str:
    """A percentage with one decimal kept (75.0% / 75,0 % / ۷۵٫۰٪): scores read side by side in a column."""
    from workbench.domain.locale import FA_DECIMAL, FA_PERCENT, NBSP, persian_digits

    whole, fraction = f"{value:.1f}".split(".")
    if lang() == "fa":
        return num(int(whole)) + FA_DECIMAL + persian_digits(fraction) + FA_PERCENT
    if lang() == "ru":
        return num(int(whole)) + "," + fraction + NBSP + "%"
    return f"{value:.1f}%"
