"""The fields a customer record may carry and which of them each object requires.

A small built-in profile per object for a bare file; with an engagement the playbook's customer profile
(domain/customer_profile.py: the fields required for this client's answers) replaces it, each playbook
field read as the audit field that holds it (PROFILE_FIELDS: `inn` is a national id, `legal_name` the
company). A required playbook field the audit has no field for (an industry, a lead status) cannot be
checked in a legacy file and is reported as such, not counted against every record.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.i18n import N_

FIELDS: dict[str, str] = {
    "name": N_("Full name"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "phone": N_("Phone"),
    "mobile": N_("Mobile"),
    "email": N_("E-mail"),
    "company": N_("Company"),
    "birth_date": N_("Birth date"),
    "national_id": N_("National ID"),
    "updated": N_("Last updated"),
}
"""every field the audit knows, with its label (translate with `_()` at use time)"""

OBJECTS = ("contact", "account", "lead")

CHANNEL = "phone_or_email"
CHANNEL_LABEL = N_("Phone or e-mail")
"""a requirement met by any working phone, mobile or e-mail (the playbook's key-field default)"""
CONTACT_FIELDS = ("phone", "mobile", "email")
"""the fields that meet CHANNEL"""
ANY_PHONE = "phone_or_mobile"
ANY_PHONE_LABEL = N_("Phone or mobile")
"""a requirement met by any working phone or mobile (a playbook's required mobile or lead phone: legacy
exports rarely tell a mobile from a landline column)"""
PHONE_FIELDS = ("phone", "mobile")
"""the fields that meet ANY_PHONE"""

REQUIRED: dict[str, tuple[str, ...]] = {
    "contact": ("name", CHANNEL),
    "account": ("company", CHANNEL),
    "lead": ("name", CHANNEL),
}
"""the built-in profile: what a record of each object must hold to count as complete"""


def required_fields(obj: str) -> tuple[str, ...]:
    return REQUIRED[obj]


PROFILE_FIELDS: dict[str, str] = {
    "first_name": "name",
    "last_name": "name",
    "lead_name": "name",
    "account_name": "company",
    "legal_name": "company",
    "mobile_phone": ANY_PHONE,
    "lead_phone": ANY_PHONE,
    "account_phone": ANY_PHONE,
    "lead_email": "email",
    "inn": "national_id",
    "national_code": "national_id",
    "tax_id": "national_id",
    "birthday": "birth_date",
}
"""playbook field id -> the audit field that holds it, where the ids differ (equal ids need no entry)"""


def audit_field(profile_field: str) -> str | None:
    """The audit field a playbook field is checked as, or None when the audit knows no such field."""
    if profile_field in PROFILE_FIELDS:
        return PROFILE_FIELDS[profile_field]
    return profile_field if profile_field in FIELDS else None


def profile_requirements(required_ids: Sequence[str], obj: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the audit fields to require, the required playbook fields the audit cannot check) for the ids the
    playbook requires of this object; the built-in profile when none of them can be checked."""
    checked: list[str] = []
    unchecked: list[str] = []
    for field_id in required_ids:
        name = audit_field(field_id)
        if name is None:
            unchecked.append(field_id)
        elif name not in checked:
            checked.append(name)
    return (tuple(checked) if checked else required_fields(obj)), tuple(unchecked)
