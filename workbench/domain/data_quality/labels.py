"""The words a data audit shows, in the current language: evidence of a duplicate pair, what an invalid
value failed to be, and a field's label."""

from __future__ import annotations

from workbench.domain.data_quality.matching import Pair
from workbench.domain.data_quality.profiles import ANY_PHONE, ANY_PHONE_LABEL, CHANNEL, CHANNEL_LABEL, FIELDS
from workbench.domain.locale import format_number, localize_digits
from workbench.i18n import N_, _, current_language

EVIDENCE = {
    "same-record": N_("identical record"),
    "same-national-id": N_("same national ID"),
    "same-email": N_("same e-mail"),
    "same-phone": N_("same phone"),
    "same-birth-date": N_("same birth date"),
    "same-company": N_("same company"),
    "same-email-domain": N_("same e-mail domain"),
}
INVALID = {
    "phone": N_("not a valid phone number"),
    "email": N_("not a valid e-mail address"),
    "date": N_("not a valid date (Gregorian or Solar Hijri)"),
    "placeholder": N_("a placeholder, not a value"),
}


def number(value: float | int) -> str:
    return format_number(value, current_language())


def row_number(row: int) -> str:
    """A file's row number in the language's digits, never grouped (row 1234, not 1,234)."""
    return localize_digits(str(row), current_language())


def field_label(name: str) -> str:
    if name == CHANNEL:
        return _(CHANNEL_LABEL)
    if name == ANY_PHONE:
        return _(ANY_PHONE_LABEL)
    return _(FIELDS[name]) if name in FIELDS else name


def reason(pair: Pair) -> str:
    """'same phone + name 0.93': the evidence, strongest first, and how far the names agree."""
    parts = [_(EVIDENCE[e]) for e in pair.evidence]
    parts.append(_("name {score}").format(score=number(round(pair.name, 2))))
    return " + ".join(parts)


def invalid_reason(kind: str) -> str:
    return _(INVALID[kind]) if kind in INVALID else _("not valid")


def joined(items: list[str]) -> str:
    """A list as the language writes it: Persian separates with its own comma."""
    return ("، " if current_language() == "fa" else ", ").join(items)
