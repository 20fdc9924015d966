"""`BundledAdapter`: a CrmAdapter made of a CRM's functions, so an adapter package's `__init__` is a
declaration (its name, label, file kinds, capabilities and functions) rather than a class each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.crm_adapters.protocol import CAPABILITIES, Capability, UserReader
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem

RoleNames = Callable[["Playbook", "CrmMapping"], dict[str, list[str]]]


def mapped_role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """role id -> [its mapped name]: the roles' names in a CRM that writes them as the mapping says."""
    return {role.id: [mapping.role_name(role.id)] for role in pb.roles}


@dataclass(frozen=True)
class BundledAdapter:
    name: str
    label_id: str
    """the label's msgid (marked with N_ where it is declared), translated by `label`"""
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    project_fn: Callable[[Playbook, CrmMapping], TargetMatrix]
    write_fn: Callable[[Playbook, CrmMapping, Path], list[Path]]
    read_fn: Callable[[Path, Playbook, CrmMapping], tuple[LiveMatrix, list[Problem]]]
    read_users: UserReader | None = None
    role_names_fn: RoleNames = mapped_role_names
    expresses: frozenset[Capability] = field(default=frozenset(CAPABILITIES))
    mapping: Callable[[], CrmMapping] | None = None
    """the default mapping's factory; None: an empty mapping (every object unmapped, reported)"""

    @property
    def label(self) -> str:
        return _(self.label_id)

    def default_mapping(self) -> CrmMapping:
        from workbench.domain.crm_targets import CrmMapping

        return self.mapping() if self.mapping is not None else CrmMapping()

    def project(self, pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
        return self.project_fn(pb, mapping)

    def write(self, pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
        return self.write_fn(pb, mapping, folder)

    def read(self, path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
        return self.read_fn(path, pb, mapping)

    def limitations(self, pb: Playbook, mapping: CrmMapping) -> list[Limitation]:
        return list(self.project_fn(pb, mapping).limitations)

    def role_names(self, pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
        return self.role_names_fn(pb, mapping)
