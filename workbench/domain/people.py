"""The engagement's people and the CRM's user accounts, and how one is matched to the other.

An auditor asks about people, not role definitions: who holds which role, who left but still logs in,
which login nobody owns. The roster (`Person`) is what the client says each person should be; the CRM's
user export (`UserAccount`, one typed model whatever CRM it came from) is what they are. Pure data and
matching; the readers live in loading/ (roster) and each CRM adapter's `users` module (exports, over
loading/crm/users/).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.domain.search import search_key


@dataclass(frozen=True)
class Person:
    """One person of the client, as the roster says they should be."""

    id: str
    name: str
    department: str = ""
    roles: tuple[str, ...] = ()
    """designed role ids (playbook roles); most people have one"""
    manager: str = ""
    """the person id of their manager (who recertifies their access)"""
    active: bool = True
    """False once the person has left or is on long leave: their accounts must be disabled"""
    email: str = ""
    login: str = ""
    line: int | None = None
    """where the person was read from (the import file's row), for located problems"""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "department": self.department,
            "roles": list(self.roles),
            "manager": self.manager,
            "active": self.active,
            "email": self.email,
            "login": self.login,
        }


@dataclass(frozen=True)
class UserAccount:
    """One user of a live CRM, whatever CRM: what the people audit needs of its export."""

    login: str
    name: str = ""
    email: str = ""
    active: bool = True
    """the account can log in (not disabled, not deactivated)"""
    last_login: str | None = None
    """ISO date-time of the last login when the export has it"""
    held: tuple[str, ...] = ()
    """roles, permission sets or groups the account holds, as the CRM names them"""
    business_unit: str = ""
    admin: bool = False
    """the CRM's own administrator flag (EspoCRM type admin, SuiteCRM is_admin), which bypasses roles"""
    file: str = ""
    line: int | None = None

    def to_dict(self) -> dict:
        return {
            "login": self.login,
            "name": self.name,
            "email": self.email,
            "active": self.active,
            "last_login": self.last_login,
            "held": list(self.held),
            "business_unit": self.business_unit,
            "admin": self.admin,
        }


def name_key(name: str) -> str:
    """A person's name folded for matching: Persian/Russian spellings unified (search_key), punctuation
    dropped and the words sorted, so "Иванов Иван" matches "Иван Иванов" and "علی رضایی" matches
    "علي رضايي"."""
    words = re.sub(r"[^\w]+", " ", search_key(name)).split()
    return " ".join(sorted(words))


@dataclass
class Match:
    """Who each account belongs to: account index -> (person, how it was matched)."""

    people: dict[int, tuple[Person, str]] = field(default_factory=dict)
    unmatched: list[int] = field(default_factory=list)


def _unique_index(people: Iterable[Person], key) -> dict[str, Person]:
    """key -> person, leaving out keys two people share (a shared value identifies nobody)."""
    index: dict[str, Person] = {}
    shared: set[str] = set()
    for person in people:
        value = key(person)
        if not value:
            continue
        if value in index:
            shared.add(value)
        index[value] = person
    for value in shared:
        del index[value]
    return index


def match_accounts(people: list[Person], accounts: list[UserAccount]) -> Match:
    """Match each account to a roster person by e-mail, then login, then normalised name (each only when
    exactly one person has it); accounts no rule matches are unmatched."""
    by_email = _unique_index(people, lambda p: p.email.strip().casefold())
    by_login = _unique_index(people, lambda p: p.login.strip().casefold())
    by_name = _unique_index(people, lambda p: name_key(p.name))
    match = Match()
    for i, account in enumerate(accounts):
        email, login = account.email.strip().casefold(), account.login.strip().casefold()
        found = (
            (by_email.get(email), "email")
            if email in by_email
            else (by_login.get(login), "login")
            if login in by_login
            else (by_email.get(login), "email")
            if login in by_email
            else (by_name.get(name_key(account.name)), "name")
            if account.name
            else (None, "")
        )
        if found[0] is None:
            match.unmatched.append(i)
        else:
            match.people[i] = (found[0], found[1])
    return match


FUNCTION_WORDS = "|".join(
    sorted(
        (
            "admin",
            "administrator",
            "sales",
            "support",
            "info",
            "office",
            "service",
            "crm",
            "team",
            "test",
            "user",
            "shared",
            "manager",
            "marketing",
            "finance",
            "hr",
            "it",
            "helpdesk",
            "noreply",
            "no-reply",
            "integration",
            "api",
            "guest",
            "temp",
            "bot",
            "system",
            "common",
            "general",
            "reception",
        ),
        key=len,
        reverse=True,
    )
)
"""longest first: the possessive repetition below never goes back to try a longer word"""
SHARED_LOGIN = re.compile(
    rf"^(?:{FUNCTION_WORDS})(?:[._-]?(?:{FUNCTION_WORDS}|\d++))*+(?:@|$)", re.IGNORECASE
)
"""logins that name a function, not a person (sales@, admin2, support_team): a login several people share
cannot be recertified or revoked when one of them leaves"""


def looks_shared(account: UserAccount) -> bool:
    local = account.login.strip() or account.email.strip()
    return bool(SHARED_LOGIN.match(local)) or bool(SHARED_LOGIN.match(account.email.strip()))
