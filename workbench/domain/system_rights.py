"""System rights: org-wide privileges that no object permission carries, in one CRM-neutral vocabulary.

A role's `system_rights` say which of these it holds by design; each CRM adapter maps them onto its own
privileges through `crm_mappings.<target>.system_rights` (Salesforce user permissions, Dynamics 365
miscellaneous privileges, Odoo groups, EspoCRM role fields, SuiteCRM admin actions). They are the rights
an attacker or a careless admin wants most, which is why a live grant beyond the design is an error.

In permission matrices (designed, projected, live) a system right is the cell (role, SYSTEM, right) with
scope `all`: the object id SYSTEM is not a valid playbook id, so it can never collide with an object.
"""

from __future__ import annotations

from typing import Literal

from workbench.i18n import N_, gettext_in
from workbench.languages import LANGUAGES

SystemRight = Literal[
    "modify_all_data",
    "view_all_data",
    "export_data",
    "import_data",
    "bulk_delete",
    "manage_users",
    "customize_system",
    "author_code",
    "assign_records",
]
SYSTEM_RIGHTS: tuple[str, ...] = (
    "modify_all_data",
    "view_all_data",
    "export_data",
    "import_data",
    "bulk_delete",
    "manage_users",
    "customize_system",
    "author_code",
    "assign_records",
)
SYSTEM = "(system)"
"""The object id system rights use in (role, object, action) cells."""
HELD = "all"
"""A system right is org-wide: held means scope all."""

LABELS: dict[str, str] = {
    "modify_all_data": N_("Modify all data (edit and delete every record, past any sharing)"),
    "view_all_data": N_("View all data (read every record, past any sharing)"),
    "export_data": N_("Export data (reports and lists to files)"),
    "import_data": N_("Import data (bulk load records from files)"),
    "bulk_delete": N_("Bulk delete (remove many records at once, past the recycle bin)"),
    "manage_users": N_("Manage users (create, deactivate, reset passwords, grant roles)"),
    "customize_system": N_("Customize the system (fields, layouts, settings)"),
    "author_code": N_("Author code (server-side code, plug-ins, code actions)"),
    "assign_records": N_("Assign records to anyone (transfer ownership org-wide)"),
}
"""right -> its label in English, marked for the message catalogue (Persian and Russian: the .po files)"""


def label(right: str, lang: str = "en") -> str:
    """The right's label in `lang` (English for a language we do not have), or the id for a name outside
    the vocabulary."""
    if right not in LABELS:
        return right
    return gettext_in(lang, LABELS[right]) if lang in LANGUAGES else LABELS[right]


VOCABULARY = "; ".join(f"{right}: {LABELS[right]}" for right in SYSTEM_RIGHTS)
"""The vocabulary in one line, for the JSON Schema's descriptions (editors show it on hover)."""
