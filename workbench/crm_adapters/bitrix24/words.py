"""Bitrix24's own words for its CRM permissions, as its settings screen (CRM -> Settings -> Access
permissions) shows them, translated through the catalogue: English and Russian as Bitrix24 spells them,
Persian written for the workbench.

Codes are the ones Bitrix24 stores (the `crm_role_perms` table, `CCrmRole`): rights READ, ADD, WRITE,
DELETE, EXPORT, IMPORT; levels "" (no access), A (personal), D (personal and department), F (personal,
department and sub-departments), O (all open), X (all); entities LEAD, DEAL, CONTACT, COMPANY, QUOTE,
SMART_INVOICE (invoices), INVOICE (old invoices), CONFIG (the CRM settings row). Each table is a function
so the words come out in the current language (`use_language`) when called, never frozen at import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from workbench.i18n import pgettext, use_language
from workbench.languages import LANGUAGES

RIGHTS: tuple[str, ...] = ("READ", "ADD", "WRITE", "DELETE", "EXPORT", "IMPORT")
"""the columns of the settings screen, in its order"""
LEVELS: tuple[str, ...] = ("", "A", "D", "F", "O", "X")
"""the levels of a drop-down, narrowest first"""
NO_ACCESS = ""
CONFIG = "CONFIG"
"""the entity row whose Edit right lets a role change the CRM's settings"""


def right_words() -> dict[str, str]:
    """right code -> the column title of the settings screen."""
    return {
        "READ": pgettext("Bitrix24 access right", "Read"),
        "ADD": pgettext("Bitrix24 access right", "Add"),
        "WRITE": pgettext("Bitrix24 access right", "Edit"),
        "DELETE": pgettext("Bitrix24 access right", "Delete"),
        "EXPORT": pgettext("Bitrix24 access right", "Export"),
        "IMPORT": pgettext("Bitrix24 access right", "Import"),
    }


def level_words() -> dict[str, str]:
    """level code -> the word of the settings screen's drop-down."""
    return {
        "": pgettext("Bitrix24 access level", "No access"),
        "A": pgettext("Bitrix24 access level", "Personal"),
        "D": pgettext("Bitrix24 access level", "Personal and department"),
        "F": pgettext("Bitrix24 access level", "Personal, department and sub-departments"),
        "O": pgettext("Bitrix24 access level", "All open"),
        "X": pgettext("Bitrix24 access level", "All"),
    }


def entity_words() -> dict[str, str]:
    """entity code -> the row title of the settings screen (other codes, such as a smart process's
    DYNAMIC_128, are shown as they are)."""
    return {
        "LEAD": pgettext("Bitrix24 CRM entity", "Leads"),
        "DEAL": pgettext("Bitrix24 CRM entity", "Deals"),
        "CONTACT": pgettext("Bitrix24 CRM entity", "Contacts"),
        "COMPANY": pgettext("Bitrix24 CRM entity", "Companies"),
        "QUOTE": pgettext("Bitrix24 CRM entity", "Quotes"),
        "SMART_INVOICE": pgettext("Bitrix24 CRM entity", "Invoices"),
        "INVOICE": pgettext("Bitrix24 CRM entity", "Invoices (old)"),
        CONFIG: pgettext("Bitrix24 CRM entity", "CRM settings"),
    }


def entity_word(code: str) -> str:
    return entity_words().get(code.upper(), code)


def yes_no_words() -> dict[bool, str]:
    return {True: pgettext("Bitrix24 workbook", "Yes"), False: pgettext("Bitrix24 workbook", "No")}


def folded(text: object) -> str:
    """A cell's text as the readers compare it: spaces collapsed, case ignored."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


def any_language(table: Callable[[], dict], codes: Iterable = ()) -> dict[str, object]:
    """folded word in any of our languages (and each code itself) -> code: a workbook filled in Persian
    or Russian reads back whatever the reader's language."""
    found: dict[str, object] = {folded(code): code for code in codes}
    for lang in LANGUAGES:
        with use_language(lang):
            for code, word in table().items():
                found.setdefault(folded(word), code)
    return found


def sheet_words() -> dict[str, str]:
    """sheet key -> the sheet's title."""
    return {
        "instructions": pgettext("Bitrix24 workbook", "Instructions"),
        "roles": pgettext("Bitrix24 workbook", "Roles"),
        "permissions": pgettext("Bitrix24 workbook", "Access permissions"),
        "users": pgettext("Bitrix24 workbook", "Users"),
        "lists": pgettext("Bitrix24 workbook", "Lists"),
    }


def column_words() -> dict[str, str]:
    """column key -> its header (the rights' columns are `right_words`)."""
    return {
        "role": pgettext("Bitrix24 workbook", "Role"),
        "playbook_role": pgettext("Bitrix24 workbook", "Playbook role"),
        "summary": pgettext("Bitrix24 workbook", "What the role does"),
        "entity": pgettext("Bitrix24 workbook", "Entity"),
        "code": pgettext("Bitrix24 workbook", "Code"),
        "login": pgettext("Bitrix24 workbook", "Login"),
        "name": pgettext("Bitrix24 workbook", "Full name"),
        "email": pgettext("Bitrix24 workbook", "E-mail"),
        "active": pgettext("Bitrix24 workbook", "Active"),
        "department": pgettext("Bitrix24 workbook", "Department"),
        "admin": pgettext("Bitrix24 workbook", "Portal administrator"),
        "roles": pgettext("Bitrix24 workbook", "CRM roles"),
    }
