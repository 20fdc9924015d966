"""The fields a customer record may carry and which of them each object requires.

A small built-in profile per object, kept here alone so the playbook's customer-profile model (issue 19,
item 1) can replace it by handing `required_fields` another tuple.
"""

from __future__ import annotations

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

REQUIRED: dict[str, tuple[str, ...]] = {
    "contact": ("name", CHANNEL),
    "account": ("company", CHANNEL),
    "lead": ("name", CHANNEL),
}
"""the built-in profile: what a record of each object must hold to count as complete"""


def required_fields(obj: str) -> tuple[str, ...]:
    return REQUIRED[obj]
