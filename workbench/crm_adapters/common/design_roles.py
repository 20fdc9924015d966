"""The design's roles by the name each carries in a CRM, for the readers that meet roles by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import LiveMatrix
    from workbench.domain.playbook import Playbook


class DesignRoles:
    """Role name in the CRM -> design role id, matched exactly and then case-folded (an administrator
    who retyped `crm_sales_manager` in lower case still means the designed role)."""

    def __init__(self, pb: Playbook, mapping: CrmMapping) -> None:
        self.names = {mapping.role_name(role.id): role.id for role in pb.roles}
        self._folded = {name.casefold(): role for name, role in self.names.items()}

    def get(self, name: str) -> str | None:
        return self.names.get(name) or self._folded.get(name.casefold())

    def known(self, name: str, live: LiveMatrix) -> str | None:
        """The design role `name` stands for; a name the design does not know is recorded once in
        `live.unknown_roles` (a role outside the design) and None is returned."""
        role = self.get(name)
        if role is None and name not in live.unknown_roles:
            live.unknown_roles.append(name)
        return role
