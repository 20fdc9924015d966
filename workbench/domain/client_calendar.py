"""One function builds an engagement's working calendar: its country's weekend and public holidays, and
the engagement's own changes from `engagement.yaml`'s `calendar:` section.

Every date an engagement shows (status, due dates, late and at-risk, the report, the TUI, KPI target dates,
recertification dates, deliverables exported from the folder) is counted on this calendar, so the CLI,
the TUI and the files never disagree about whether a Friday in Tehran is a working day.

The section is the consultant's, for what no holiday table knows:

    calendar:
      weekend: [thu, fri]          # replaces the country's weekend (an Iranian five-and-a-half-day week)
      days_off: [2026-03-30]       # a company shutdown, a local holiday
      working_days: [2026-11-07]   # a declared working Saturday: wins over the weekend and holidays

Checking the section is pure logic too (`calendar_problems`), so engagement.yaml and an answers file
report a wrong weekday or date at its place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from workbench.domain.problems import Problem
from workbench.domain.work_calendar import WorkCalendar, country_calendar, parse_weekend
from workbench.i18n import _

COUNTRY_QUESTION = "country"
SECTION_KEYS = ("weekend", "days_off", "working_days")
SUGGESTED_COUNTRY = {"fa": "IR", "ru": "RU"}
"""the country a consultant working in this language most likely serves: offered as the default choice
in intake, never assumed while the question is unanswered"""
OTHER = "other"


def suggested_country(lang: str | None) -> str | None:
    """IR for Persian, RU for Russian, else no suggestion."""
    return SUGGESTED_COUNTRY.get((lang or "").split("_")[0].lower())


def answered_country(answers: Mapping[str, Any]) -> str | None:
    """The ISO code the client answered, or None when unanswered or 'other' (no holiday table then)."""
    value = answers.get(COUNTRY_QUESTION)
    if not isinstance(value, str) or not value.strip() or value.strip().lower() == OTHER:
        return None
    return value.strip().upper()


def country_answer(answers: Mapping[str, Any]) -> str | None:
    """The country answer as given, upper-cased ('IR', 'OTHER'), or None when unanswered: for content that
    must tell 'another country' from 'not known yet' (a pay band note)."""
    value = answers.get(COUNTRY_QUESTION)
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def _dates(values: Any) -> list[date]:
    return [v for v in values or () if isinstance(v, date) and not isinstance(v, datetime)]


def engagement_calendar(
    answers: Mapping[str, Any], start: date, section: Mapping[str, Any] | None = None, lang: str = "en"
) -> WorkCalendar:
    """The engagement's calendar: the answered country's, with the section's weekend, days off and
    declared working days. An unknown country (a code the holiday table lacks) falls back to no public
    holidays rather than failing every command: the intake only offers known codes."""
    section = section or {}
    weekend = parse_weekend(section["weekend"]) if section.get("weekend") else None
    extra_off, extra_working = _dates(section.get("days_off")), _dates(section.get("working_days"))
    country = answered_country(answers)
    try:
        return country_calendar(
            country, start, weekend=weekend, extra_off=extra_off, extra_working=extra_working, lang=lang
        )
    except ValueError:
        return country_calendar(
            None, start, weekend=weekend, extra_off=extra_off, extra_working=extra_working
        )


def calendar_problems(section: Any) -> list[Problem]:
    """What is wrong with a `calendar:` section, each problem with its path for locating."""
    if section is None:
        return []
    if not isinstance(section, Mapping):
        return [
            Problem(
                _("'calendar' is not a mapping; expected weekend, days_off and working_days"),
                ("calendar",),
                code="type",
            )
        ]
    problems = [
        Problem(
            _("unknown key {key!r}; expected one of: {keys}").format(key=key, keys=", ".join(SECTION_KEYS)),
            ("calendar", key),
            code="unknown-key",
        )
        for key in section
        if key not in SECTION_KEYS
    ]
    problems += _weekend_problems(section.get("weekend"))
    for key in ("days_off", "working_days"):
        problems += _date_list_problems(key, section.get(key))
    return problems


def _weekend_problems(weekend: Any) -> list[Problem]:
    if weekend is None:
        return []
    if not isinstance(weekend, list):
        return [
            Problem(
                _("the weekend is not a list; expected weekday names such as [thu, fri]"),
                ("calendar", "weekend"),
                code="type",
            )
        ]
    problems = []
    for index, name in enumerate(weekend):
        try:
            parse_weekend([name] if isinstance(name, str) else [""])
        except ValueError:
            problems.append(
                Problem(
                    _("{value!r} is not a weekday; expected one of mon, tue, wed, thu, fri, sat, sun").format(
                        value=name
                    ),
                    ("calendar", "weekend", index),
                    code="type",
                )
            )
    if not problems and len(set(parse_weekend(weekend))) >= 7:
        problems.append(
            Problem(
                _("the weekend covers every day of the week; expected at least one working day"),
                ("calendar", "weekend"),
                code="type",
            )
        )
    return problems


def _date_list_problems(key: str, values: Any) -> list[Problem]:
    if values is None:
        return []
    if not isinstance(values, list):
        return [
            Problem(
                _("{key!r} is not a list; expected dates YYYY-MM-DD such as [2026-03-30]").format(key=key),
                ("calendar", key),
                code="type",
            )
        ]
    return [
        Problem(
            _("{value!r} is not a date; expected YYYY-MM-DD").format(value=value),
            ("calendar", key, index),
            code="type",
        )
        for index, value in enumerate(values)
        if not isinstance(value, date) or isinstance(value, datetime)
    ]
