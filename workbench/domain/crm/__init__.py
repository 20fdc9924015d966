"""Per-CRM permission models as pure logic: how a playbook right becomes the CRM's own flags or levels
(`project`), and back (`to_scope`): the helpers every CRM adapter shares. Each CRM's own model, writer
and readers sit in its package under workbench/crm_adapters."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.i18n import N_, _

if TYPE_CHECKING:
    from workbench.domain.access import Role
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix
    from workbench.domain.playbook import Playbook


def unmapped_limitations(
    pb: Playbook, role: Role, mapping: CrmMapping, target: str, kind: str
) -> list[Limitation]:
    """The role's rights on objects the target's mapping leaves out: never silently dropped, always said."""
    from workbench.domain.drift import Limitation

    why = _("{object} has no {kind} in {key}; not written")
    return [
        Limitation(
            role.id,
            obj.id,
            action,
            wanted,
            "none",
            why.format(object=obj.id, kind=_(kind), key=f"crm_mappings.{target}.objects"),
        )
        for obj in pb.objects
        if not mapping.object_name(obj.id)
        for action, wanted in role.permissions.get(obj.id, {}).items()
        if wanted != "none"
    ]


def api_name(name: str) -> str:
    """A valid Salesforce-style API name (letters, digits, single underscores, starting with a letter, 80
    at most)."""
    clean = re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_]", "_", name)).strip("_")
    if not clean or not clean[0].isalpha():
        clean = f"X{clean}"
    return clean[:80].rstrip("_")


UNMAPPED_KINDS = (N_("EspoCRM entity"), N_("SuiteCRM module"), N_("Odoo model"))
"""what each target calls the thing an object maps to (translated where a limitation names it)"""


def written_names(role: Role, mapping: CrmMapping) -> list[str]:
    """The CRM privileges an export writes for a role's designed system rights (sorted, each once)."""
    return sorted({name for right in role.system_rights for name in mapping.system_names(right)})


def rights_of(names: Iterable[str], mapping: CrmMapping) -> set[str]:
    """The system rights a set of CRM privilege names carries: a right is held when any of its names is
    (names compare ignoring case, as every one of these CRMs compares them)."""
    held = {name.casefold() for name in names}
    return {
        right
        for right, mapped in mapping.system_rights.items()
        if any(name.casefold() in held for name in mapped or ())
    }


def system_index(mapping: CrmMapping) -> dict[str, list[str]]:
    """CRM privilege name (case-folded) -> the system rights it carries, for the readers."""
    index: dict[str, list[str]] = {}
    for right, names in mapping.system_rights.items():
        for name in names or ():
            index.setdefault(name.casefold(), []).append(right)
    return index


def project_system(
    role: Role, mapping: CrmMapping, matrix: TargetMatrix, target: str, written: Iterable[str] | None = None
) -> None:
    """Add a role's system rights to the projection: a grant for every right the written privileges carry
    (what the audit of a faithful export reads back), a Limitation for each designed right the target has
    no privilege for, and one for each right a shared privilege widens to. `written` defaults to the
    privileges of the designed rights (an adapter passes more when another setting writes one too)."""
    from workbench.domain.drift import Limitation
    from workbench.domain.system_rights import HELD, SYSTEM
    from workbench.i18n import _

    names = set(written_names(role, mapping) if written is None else written)
    held = rights_of(names, mapping)
    for right in role.system_rights:
        if right not in held:
            why = (
                _(
                    "crm_mappings.{target}.system_rights.{right} is null: {target} has no privilege of its "
                    "own for it (the object permissions may carry it); not written"
                )
                if right in mapping.system_rights
                else _(
                    "{right} has no entry under crm_mappings.{target}.system_rights; add the {target} "
                    "privilege names to export it; not written"
                )
            ).format(target=target, right=right)
            matrix.limitations.append(Limitation(role.id, SYSTEM, right, HELD, "none", why))
    for right in sorted(held):
        matrix.grants[(role.id, SYSTEM, right)] = HELD
        if right not in role.system_rights:
            shared = sorted(n for n in mapping.system_names(right) if n in names) or sorted(names)
            matrix.limitations.append(
                Limitation(
                    role.id,
                    SYSTEM,
                    right,
                    "none",
                    HELD,
                    _(
                        "{names} carries {right} in {target} and is written for this role (for another "
                        "designed "
                        "right, or as a prerequisite {target} enforces), so the role holds {right} too"
                    ).format(names=", ".join(shared), right=right, target=target),
                )
            )


def read_system(
    live: LiveMatrix,
    role: str,
    name: str,
    index: dict[str, list[str]],
    where: tuple[str, int | None] | None = None,
) -> bool:
    """Record a live privilege as the system rights it carries; False when it carries none."""
    from workbench.domain.system_rights import HELD, SYSTEM

    rights = index.get(name.casefold())
    for right in rights or ():
        live.grants[(role, SYSTEM, right)] = HELD
        if where is not None:
            live.locations.setdefault((role, SYSTEM, right), where)
    return bool(rights)
