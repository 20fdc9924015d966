"""Recertification of people: each manager re-approves their own people's access, and the decisions
become a change plan for the CRM and the roster the next audit judges against.

The role-level recertification (domain/recertify.py) asks a reviewer to re-approve role definitions; an
auditor wants each manager to look at each of their people: "Ali holds Sales manager and Finance manager
in Salesforce: keep, revoke or change?". `review_lines` lists, per manager (the roster's `manager`), every
role each of their people's enabled accounts holds, marked when it is beyond the person's designed role;
accounts no roster person owns are listed under no manager, for the CRM owner to decide.

Decisions read back (`change_plan`): `keep` leaves the role (a role beyond the design that a manager
keeps becomes part of that person's approved roles), `revoke` removes it from the account, `change`
replaces it with the `new role` given. The plan says each step in the CRM's terms (the role's name there)
and `approved_roster` is the roster after the decisions: once the CRM carries the plan out, the people
audit of a fresh export against it is clean.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from workbench.domain.people import Person, UserAccount, match_accounts
from workbench.domain.playbook import Playbook

DECISIONS: tuple[str, ...] = ("keep", "revoke", "change")
NO_MANAGER = ""
"""the manager key of people without one and of accounts nobody owns"""


@dataclass(frozen=True)
class ReviewLine:
    manager: str
    person: str
    name: str
    department: str
    account: str
    role: str
    designed: bool


@dataclass(frozen=True)
class PersonDecision:
    """One checklist row as the manager filled it in, with where it was read."""

    manager: str
    person: str
    account: str
    role: str
    decision: str
    new_role: str = ""
    comment: str = ""
    file: str = ""
    row: int = 0


@dataclass(frozen=True)
class CrmChange:
    action: str
    """remove or add"""
    account: str
    role: str
    crm_role: str
    person: str
    manager: str
    comment: str


@dataclass
class PeoplePlan:
    changes: list[CrmChange] = field(default_factory=list)
    kept: int = 0
    undecided: list[PersonDecision] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "changes": [vars(c) for c in self.changes],
            "kept": self.kept,
            "undecided": [
                {"file": d.file, "row": d.row, "person": d.person, "account": d.account, "role": d.role}
                for d in self.undecided
            ],
        }


def review_lines(
    pb: Playbook, people: list[Person], accounts: list[UserAccount], held: Iterable[list[str]]
) -> dict[str, list[ReviewLine]]:
    """manager id -> the lines they review: people in roster order, each one's designed roles first.
    `held` gives each account's designed roles held (parallel to `accounts`, from
    `people_audit.designed_roles_held`)."""
    held = list(held)
    enabled = [i for i, a in enumerate(accounts) if a.active]
    match = match_accounts(people, [accounts[i] for i in enabled])
    order = {p.id: n for n, p in enumerate(people)}
    out: dict[str, list[ReviewLine]] = {}
    for pos, i in enumerate(enabled):
        account = accounts[i]
        person = match.people[pos][0] if pos in match.people else None
        manager = person.manager if person else NO_MANAGER
        for role in held[i]:
            out.setdefault(manager, []).append(
                ReviewLine(
                    manager,
                    person.id if person else "",
                    person.name if person else account.name,
                    person.department if person else "",
                    account.login or account.email,
                    role,
                    person is not None and role in person.roles,
                )
            )
    for lines in out.values():
        lines.sort(key=lambda line: (order.get(line.person, len(order)), line.account, not line.designed))
    return out


def change_plan(decisions: list[PersonDecision], crm_name: dict[str, str]) -> PeoplePlan:
    """The CRM steps the decisions call for; `crm_name` maps a role id to its name in the CRM."""
    plan = PeoplePlan()
    for d in decisions:
        if d.decision not in DECISIONS or (d.decision == "change" and not d.new_role):
            plan.undecided.append(d)
        elif d.decision == "keep":
            plan.kept += 1
        else:
            plan.changes.append(
                CrmChange(
                    "remove", d.account, d.role, crm_name.get(d.role, d.role), d.person, d.manager, d.comment
                )
            )
            if d.decision == "change" and d.new_role != d.role:
                plan.changes.append(
                    CrmChange(
                        "add",
                        d.account,
                        d.new_role,
                        crm_name.get(d.new_role, d.new_role),
                        d.person,
                        d.manager,
                        d.comment,
                    )
                )
    return plan


def approved_roster(people: list[Person], decisions: list[PersonDecision]) -> list[Person]:
    """The roster after the decisions: a kept role joins the person's approved roles, a revoked one
    leaves them, a changed one is replaced by its new role."""
    roles = {p.id: list(p.roles) for p in people}
    for d in decisions:
        if d.person not in roles:
            continue
        mine = roles[d.person]
        if d.decision == "keep" and d.role not in mine:
            mine.append(d.role)
        elif d.decision in ("revoke", "change") and d.role in mine:
            mine.remove(d.role)
        if d.decision == "change" and d.new_role and d.new_role not in mine:
            mine.append(d.new_role)
    return [replace(p, roles=tuple(roles[p.id])) for p in people]
