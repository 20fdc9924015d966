"""Drift between the designed permission matrix and what a live CRM grants.

Both sides are expressed in the playbook's own terms — (role, object, action) -> scope — after each CRM's
adapter has translated names and levels. The design side is first *projected* onto the target (what the
CRM can express, with a Limitation for everything it cannot), so a round trip of export and audit finds
nothing, and a real widening is never hidden by a translation. System rights (org-wide privileges) are
cells too: (role, SYSTEM, right) -> all, so a live grant beyond the design is the same error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain.access import scope_rank
from workbench.domain.system_rights import SYSTEM, label
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import _

Cell = tuple[str, str, str]
"""(role id, object id, action)"""


@dataclass(frozen=True)
class Limitation:
    """A designed right the target cannot express exactly, and what the export did instead."""

    role: str
    object: str
    action: str
    wanted: str
    expressed: str
    message: str


@dataclass
class TargetMatrix:
    """The design as one CRM can hold it: the grants it will carry and what it could not express."""

    target: str
    grants: dict[Cell, str] = field(default_factory=dict)
    limitations: list[Limitation] = field(default_factory=list)


@dataclass
class LiveMatrix:
    """What a live CRM grants, read from its export and translated into playbook terms."""

    target: str
    grants: dict[Cell, str] = field(default_factory=dict)
    unknown_roles: list[str] = field(default_factory=list)
    """CRM roles/permission sets that map to no playbook role"""
    unknown_objects: list[tuple[str, str]] = field(default_factory=list)
    """(CRM role name, CRM object name) pairs whose object maps to no playbook object"""
    missing_roles: list[str] = field(default_factory=list)
    """playbook roles that the export does not contain at all"""
    locations: dict[tuple[str, str | None, str | None], tuple[str, int | None]] = field(default_factory=dict)
    """where the reader found a right: (role, object or None, action or None) -> (file, line or None), so
    audit results (table, SARIF) point at the exact place in the live export"""


@dataclass(frozen=True)
class Drift:
    kind: str  # wider | extra | narrower | missing | unknown-role | unknown-object | missing-role
    severity: str  # error | warning
    message: str
    role: str | None = None
    object: str | None = None
    action: str | None = None
    design: str | None = None
    live: str | None = None


def compare(design: TargetMatrix, live: LiveMatrix) -> list[Drift]:
    """Rights beyond the design are errors; rights missing are warnings; unknown roles/objects are errors
    (someone created them outside the design); a designed role absent from the CRM is a warning."""
    drifts: list[Drift] = []
    differing = [cell for cell, want in design.grants.items() if live.grants.get(cell, "none") != want]
    differing += [cell for cell, have in live.grants.items() if cell not in design.grants and have != "none"]
    for cell in sorted(differing):  # only the differences are sorted: a clean 700k-cell audit stays fast
        want = design.grants.get(cell, "none")
        have = live.grants.get(cell, "none")
        if want == have:
            continue
        role, obj, action = cell
        if scope_rank(have) > scope_rank(want):
            kind = "extra" if want == "none" else "wider"
            message = (
                _("{role} holds the system right {right} ({label}); the design does not grant it").format(
                    role=role, right=action, label=label(action)
                )
                if obj == SYSTEM
                else _("{role} may {action} {object} with scope {have}; the design says {want}").format(
                    role=role,
                    action=action_label(action),
                    object=obj,
                    have=scope_label(have),
                    want=scope_label(want),
                )
            )
            drifts.append(Drift(kind, "error", message, role, obj, action, want, have))
        else:
            kind = "missing" if have == "none" else "narrower"
            message = (
                _("{role} lacks the designed system right {right} ({label})").format(
                    role=role, right=action, label=label(action)
                )
                if obj == SYSTEM
                else _("{role} may {action} {object} only with scope {have}; the design says {want}").format(
                    role=role,
                    action=action_label(action),
                    object=obj,
                    have=scope_label(have),
                    want=scope_label(want),
                )
            )
            drifts.append(Drift(kind, "warning", message, role, obj, action, want, have))
    for name in live.unknown_roles:
        drifts.append(
            Drift(
                "unknown-role",
                "error",
                _("the CRM has a role {name!r} that is not in the design").format(name=name),
                role=name,
            )
        )
    for role_name, obj in live.unknown_objects:
        drifts.append(
            Drift(
                "unknown-object",
                "error",
                _("{role} has rights on {object!r}, an object the design does not map").format(
                    role=role_name, object=obj
                ),
                role=role_name,
                object=obj,
            )
        )
    for role in live.missing_roles:
        drifts.append(
            Drift(
                "missing-role",
                "warning",
                _("the designed role {role} does not exist in the CRM").format(role=role),
                role=role,
            )
        )
    return drifts
