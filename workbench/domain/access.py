"""CRM objects, roles with their permissions, and the governance rules that judge them."""

from __future__ import annotations

from typing import Literal, TypeGuard

from pydantic import Field, model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.conditions import Condition
from workbench.domain.profile_fields import ProfileField
from workbench.domain.system_rights import VOCABULARY, SystemRight
from workbench.domain.text import Text

Action = Literal["create", "read", "update", "delete", "assign", "export", "import"]
ACTIONS: tuple[Action, ...] = ("create", "read", "update", "delete", "assign", "export", "import")
Scope = Literal["none", "own", "team", "all"]
SCOPES: tuple[Scope, ...] = ("none", "own", "team", "all")
Severity = Literal["error", "warning", "info"]


SCOPE_RANK: dict[str, int] = {scope: rank for rank, scope in enumerate(SCOPES)}
_ACTION_SET = frozenset(ACTIONS)


def is_action(name: str) -> TypeGuard[Action]:
    """A name read from a file (a spreadsheet, a CRM export) that is one of the playbook's actions."""
    return name in _ACTION_SET


def scope_rank(scope: str) -> int:
    """Scopes are ordered: none < own < team < all."""
    return SCOPE_RANK[scope]


def widest_scopes(permissions: dict[str, dict[Action, Scope]], objects: list[str]) -> dict[Action, Scope]:
    """One role's widest scope per action over several objects — what a CRM that stores them as one
    object/model/module (e.g. contact and account as one partner) ends up granting."""
    if len(objects) == 1:
        return permissions.get(objects[0], {})
    out: dict[Action, Scope] = {}
    for obj in objects:
        for action, scope in permissions.get(obj, {}).items():
            if SCOPE_RANK[scope] > SCOPE_RANK[out.get(action, "none")]:
                out[action] = scope
    return out


class CrmObject(Strict):
    id: Id
    name: Text
    description: Text | None = None
    owner: Id
    """The role accountable for this object's data quality."""
    kind: Literal["data", "analytics", "system"] = "data"
    fields: list[ProfileField] = []
    """The record's fields (the customer profile for contact, account, lead): domain/customer_profile.py."""


class Role(Strict):
    id: Id
    name: Text
    summary: Text
    duties: list[Text] = Field(min_length=1)
    access: Text | None = None
    """One line on what the role does in the CRM (the brief's 'CRM access' column)."""
    availability_from: Id | None = None
    """A number question giving the percent of working time this role (one person) gives the rollout; the
    plan levels its work to fit (domain/levelling.py). Without it the role is not a capacity limit."""
    external: bool = False
    """Outside the client (the implementation consultant, the vendor): advises, never owns the client's
    decisions (a workload check flags it Accountable for them)."""

    when: Condition | None = None
    """The clients who have this role (an IT manager only with an IT unit); when it is false the role drops
    out and `merge_into` takes its duties, RACI letters and rights (domain/role_merge.py)."""
    merge_into: Id | None = None
    """The role that takes this one's work when `when` is false: a role that never drops out itself, on the
    same side (inside the client or outside) — a small firm's CRM manager is also its analyst."""

    permissions: dict[Id, dict[Action, Scope]] = {}
    system_rights: list[SystemRight] = Field(
        default=[], description=f"Org-wide privileges the role holds by design. {VOCABULARY}"
    )
    """Org-wide privileges the role holds by design (domain/system_rights.py); none unless listed."""

    def scope(self, obj: str, action: Action) -> Scope:
        return self.permissions.get(obj, {}).get(action, "none")


class PermissionRef(Strict):
    """One right a rule names: an object permission (`object`, `action`, `min_scope`) or a system right
    (`system_right`, e.g. manage_users), so separation of duties can pair any two."""

    object: Id | None = None
    action: Action | None = None
    min_scope: Scope = "own"
    system_right: SystemRight | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> PermissionRef:
        if self.system_right is None and (self.object is None or self.action is None):
            raise ValueError("a right needs object and action, or system_right")
        if self.system_right is not None and (self.object is not None or self.action is not None):
            raise ValueError("a right is object and action, or system_right; not both")
        return self


class SeparationOfDuties(Item):
    """Two rights that one role must not hold together (e.g. manage users and approve own access)."""

    description: Text
    severity: Severity
    first: PermissionRef
    second: PermissionRef
    fix: Text | None = None


class LeastPrivilege(Item):
    """A ceiling: no role (but the named exceptions) may hold `action` on `object` beyond `max_scope`."""

    description: Text
    severity: Severity
    object: Id
    action: Action
    max_scope: Scope
    except_roles: list[Id] = []
    fix: Text | None = None


class SystemRightRule(Item):
    """Least privilege for system rights: nobody but `except_roles` may hold any of `rights` (e.g. modify
    all data and manage users stay with the administrator)."""

    description: Text
    severity: Severity
    rights: list[SystemRight] = Field(min_length=1)
    except_roles: list[Id] = []
    fix: Text | None = None


class Governance(Strict):
    separation_of_duties: list[SeparationOfDuties] = []
    least_privilege: list[LeastPrivilege] = []
    system_rights: list[SystemRightRule] = []
    recertification_months: int = Field(default=6, ge=1, le=24)
    max_administrators: int = Field(
        default=2,
        ge=1,
        le=10_000,
        description="How many people may hold an administrator role (one holding manage_users) at once; "
        "the people audit flags more enabled administrator accounts than this.",
    )
    """Two administrators cover each other's leave; every one more is one more account that can grant
    itself anything. The people audit (domain/people_audit.py) counts enabled accounts against it."""
