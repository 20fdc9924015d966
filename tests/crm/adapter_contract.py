"""The contract a CRM adapter keeps, as checks any test can run on any registered adapter (ours, the
other helpers', a third party's): test_adapter_contract.py runs them on every name the registry has, and
on a fake adapter registered through an entry point.

The seeded drifts are made from the design, not from the CRM's files: the design changed one way is
exported and audited against the design as it was. Whether the CRM can carry the change is the adapter's
own declaration (`expresses`): where it can, the audit must find exactly that change; where it cannot,
projecting the changed design must say so with a Limitation (never a silent drop).
"""

from __future__ import annotations

from pathlib import Path

from workbench.crm_adapters.protocol import CAPABILITIES, CrmAdapter
from workbench.crm_adapters.registry import adapter, mapping_for
from workbench.domain.access import ACTIONS, scope_rank
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import compare
from workbench.domain.playbook import Playbook
from workbench.domain.system_rights import SYSTEM, SYSTEM_RIGHTS

Cell = tuple[str, str, str]


def check_protocol(name: str) -> CrmAdapter:
    crm = adapter(name)
    assert isinstance(crm, CrmAdapter) and crm.name == name
    assert isinstance(crm.label, str) and crm.label.strip()
    for kinds in (crm.reads, crm.writes):
        assert kinds and all(isinstance(k, str) and k.isalnum() for k in kinds), kinds
    assert set(crm.expresses) <= set(CAPABILITIES)
    assert isinstance(crm.default_mapping(), CrmMapping)
    assert crm.read_users is None or callable(crm.read_users)
    return crm


def check_round_trip(name: str, pb: Playbook, folder: Path) -> None:
    """Export, then read back: no problem, no drift, exactly the projected grants."""
    crm, mapping = adapter(name), mapping_for(pb, name)
    written = crm.write(pb, mapping, folder)
    assert all(path.is_file() and path.is_relative_to(folder) for path in written)
    live, problems = crm.read(folder, pb, mapping)
    designed = crm.project(pb, mapping)
    assert [p for p in problems if p.severity == "error"] == []
    assert compare(designed, live) == []
    assert live.grants == designed.grants
    assert crm.limitations(pb, mapping) == designed.limitations
    check_unmapped_objects_are_limitations(name, pb)


def check_unmapped_objects_are_limitations(name: str, pb: Playbook) -> None:
    """Every designed right on an object the mapping gives no CRM object is a Limitation, never dropped."""
    crm, mapping = adapter(name), mapping_for(pb, name)
    limited = {(x.role, x.object, x.action) for x in crm.limitations(pb, mapping)}
    unmapped = {
        (role.id, obj, action)
        for role in pb.roles
        for obj, actions in role.permissions.items()
        if not mapping.object_name(obj)
        for action, scope in actions.items()
        if scope != "none"
    }
    assert unmapped - limited == set()


def _with_role(pb: Playbook, role_id: str, **update) -> Playbook:
    roles = [r.model_copy(update=update) if r.id == role_id else r for r in pb.roles]
    return pb.model_copy(update={"roles": roles})


def widened_right(pb: Playbook, name: str) -> tuple[Playbook, Cell] | None:
    """The design with the first right the CRM grants below `all` widened to `all`, where the projection
    changes with it; None when no projected right can be widened."""
    crm, mapping = adapter(name), mapping_for(pb, name)
    granted = crm.project(pb, mapping).grants
    for (role_id, obj, action), scope in sorted(granted.items()):
        if obj == SYSTEM or scope == "all" or action not in ACTIONS:
            continue
        role = next(r for r in pb.roles if r.id == role_id)
        if role.scope(obj, action) in ("none", "all"):
            continue
        actions = {**role.permissions.get(obj, {}), action: "all"}
        seeded = _with_role(pb, role_id, permissions={**role.permissions, obj: actions})
        if scope_rank(crm.project(seeded, mapping).grants.get((role_id, obj, action), "none")) > scope_rank(
            scope
        ):
            return seeded, (role_id, obj, action)
    return None


def added_system_right(pb: Playbook, name: str) -> tuple[Playbook, Cell]:
    """The design with a system right the mapping names privileges for (else the first) given to the
    first role that lacks it."""
    mapping = mapping_for(pb, name)
    named = [r for r in SYSTEM_RIGHTS if mapping.system_names(r)] or list(SYSTEM_RIGHTS)
    for right in named:
        for role in pb.roles:
            if right not in role.system_rights:
                seeded = _with_role(pb, role.id, system_rights=[*role.system_rights, right])
                return seeded, (role.id, SYSTEM, right)
    raise AssertionError("every role holds every system right: no design left to seed")


def added_role(pb: Playbook) -> tuple[Playbook, str]:
    """The design with one more role (the first role's rights, under a name the design does not have)."""
    intruder = pb.roles[0].model_copy(update={"id": "contract_intruder"})
    return pb.model_copy(update={"roles": [*pb.roles, intruder]}), "contract_intruder"


def audit_of(name: str, pb: Playbook, seeded: Playbook, folder: Path):
    """The seeded design exported, audited against the design: (drifts, the seeded projection)."""
    crm, mapping = adapter(name), mapping_for(pb, name)
    crm.write(seeded, mapping, folder)
    live, problems = crm.read(folder, pb, mapping)
    assert [p for p in problems if p.severity == "error"] == []
    return compare(crm.project(pb, mapping), live), crm.project(seeded, mapping)


def check_widened_right(name: str, pb: Playbook, folder: Path) -> None:
    found = widened_right(pb, name)
    if "widened_right" not in adapter(name).expresses:
        assert found is None, f"{name} widens {found and found[1]} but does not declare widened_right"
        return
    assert found is not None, f"{name} declares widened_right, but no right of the design can be widened"
    seeded, cell = found
    drifts, _ = audit_of(name, pb, seeded, folder)
    wider = [(d.role, d.object, d.action) for d in drifts if d.kind == "wider" and d.severity == "error"]
    assert cell in wider, (cell, drifts)


def check_system_right(name: str, pb: Playbook, folder: Path) -> None:
    seeded, cell = added_system_right(pb, name)
    drifts, projected = audit_of(name, pb, seeded, folder)
    if "system_right" in adapter(name).expresses:
        assert cell in [(d.role, d.object, d.action) for d in drifts if d.kind == "extra"], (cell, drifts)
    else:
        assert [(x.role, x.object, x.action) for x in projected.limitations].count(cell) == 1, cell
        assert cell not in projected.grants


def check_extra_role(name: str, pb: Playbook, folder: Path) -> None:
    seeded, role = added_role(pb)
    drifts, _ = audit_of(name, pb, seeded, folder)
    unknown = [d.role for d in drifts if d.kind == "unknown-role"]
    if "extra_role" in adapter(name).expresses:
        assert len(unknown) == 1 and role in str(unknown[0]).casefold(), drifts
    else:
        assert unknown == []
