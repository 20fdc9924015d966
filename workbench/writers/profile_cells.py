"""What the data dictionary and the field-mapping workbook both say about a field, in the client's language:
its type, yes/no, allowed values, legacy sources, owner; and sheet titles Excel accepts.

Every text comes from the playbook (in the client's language, with Persian digits in Persian) or from the
gettext catalogue, so nothing English is left in a Persian or Russian workbook.
"""

from __future__ import annotations

import re

from workbench.domain.customer_profile import ClientField
from workbench.domain.locale import localize_digits
from workbench.domain.playbook import Playbook
from workbench.domain.text import local_text
from workbench.i18n import N_, _

TYPE_LABELS = {
    "text": N_("text"),
    "phone": N_("phone number"),
    "email": N_("e-mail address"),
    "date": N_("date"),
    "number": N_("number"),
    "money": N_("amount of money"),
    "choice": N_("one of a list"),
    "multi_choice": N_("several of a list"),
    "boolean": N_("yes or no"),
    "reference": N_("link to another record"),
}
CALLING_CODES = {
    "IR": "98",
    "RU": "7",
    "BY": "375",
    "KZ": "7",
    "UZ": "998",
    "AM": "374",
    "AZ": "994",
    "GE": "995",
    "TR": "90",
    "AE": "971",
    "IQ": "964",
    "AF": "93",
}
"""the country of the engagement -> its calling code, the default for phone numbers written without one"""
SHEET_TITLE_MAX = 31
_NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\]")


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def type_label(field: ClientField) -> str:
    return _(TYPE_LABELS[field.field.type])


def allowed_values(field: ClientField, lang: str) -> str:
    """One line per allowed value: its label, then the code the CRM stores."""
    return "\n".join(f"{local_text(v.label, lang)} ({v.id})" for v in field.field.values)


def source_names(field: ClientField, pb: Playbook, lang: str) -> str:
    """The client's legacy sources this field's data usually comes from, by name."""
    names = {s.id: local_text(s.name, lang) for s in pb.legacy_sources}
    return "; ".join(names[s] for s in field.field.sources if s in names)


def owner_name(field: ClientField, pb: Playbook, lang: str) -> str:
    role = pb.role_map().get(field.owner)
    return local_text(role.name, lang) if role else field.owner


def type_note(field: ClientField, country: str | None, lang: str) -> str:
    """What the field's type asks of every legacy value (before the field's own notes)."""
    kind = field.field.type
    if kind == "phone":
        code = CALLING_CODES.get(country or "")
        note = (
            _("Normalise to the international format; numbers without a country code get +{code}.").format(
                code=code
            )
            if code
            else _("Normalise to the international format with the country code.")
        )
    elif kind == "email":
        note = _("Trim spaces, write in lower case and check the syntax; one address per cell.")
    elif kind == "date":
        note = _("Convert to one calendar and format; Solar Hijri dates are converted to Gregorian.")
    elif kind in ("number", "money"):
        note = _("Remove thousands separators, read a decimal comma, turn Persian digits into Latin ones.")
    elif kind in ("choice", "multi_choice"):
        note = _("Map every legacy value to one of the allowed values; list the ones that do not fit.")
    elif kind == "boolean":
        note = _("Map yes/no, 1/0 and similar marks to yes or no.")
    elif kind == "reference":
        note = _("Load the linked records first and match on their key.")
    else:
        note = _("Trim spaces and unify the spelling.")
    return localize_digits(note, lang)


def mapping_note(field: ClientField, country: str | None, lang: str) -> str:
    own = local_text(field.field.transform, lang)
    return "\n".join(part for part in (type_note(field, country, lang), own) if part)


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet title Excel accepts (no []:*?/\\, at most 31 characters) that no other sheet has."""
    base = _NOT_IN_TITLES.sub(" ", name).strip().strip("'") or "-"
    title, n = base[:SHEET_TITLE_MAX], 1
    while title.casefold() in {t.casefold() for t in taken}:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title)
    return title
