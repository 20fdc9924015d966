"""Per-CRM permission models as pure logic: how a playbook right becomes the CRM's own flags or levels
(`project`), and back (`to_scope`). Writers and readers for each CRM's files sit in writers/crm and
loading/crm."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.access import Role
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import Limitation
    from workbench.domain.playbook import Playbook


def unmapped_limitations(pb: Playbook, role: Role, mapping: CrmMapping, target: str, kind: str) -> list[Limitation]:
    """The role's rights on objects the target's mapping leaves out: never silently dropped, always said."""
    from workbench.domain.drift import Limitation

    return [Limitation(role.id, obj.id, action, wanted, "none",
                       f"{obj.id} has no {kind} in crm_mappings.{target}.objects; not written")
            for obj in pb.objects if not mapping.object_name(obj.id)
            for action, wanted in role.permissions.get(obj.id, {}).items() if wanted != "none"]
