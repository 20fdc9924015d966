"""What a CRM adapter is: the typed contract every package under workbench/crm_adapters (and any third
party's) satisfies, so the commands and the contract tests talk to one shape.

An adapter projects the neutral design (playbook roles x objects x actions x scopes, plus system rights)
onto the CRM's permission model (`project`, whose Limitations are what the CRM cannot express), writes
those permissions in the CRM's own files (`write`) and reads such files back for the drift audit
(`read`). `read_users` reads the CRM's user export for the people audit; None when it has no reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix
    from workbench.domain.people import UserAccount
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem

Capability = Literal["widened_right", "system_right", "extra_role"]
"""Kinds of drift an adapter's files can carry, so the contract tests know what the audit must find and
where a Limitation is expected instead: a right widened beyond the design (`widened_right`), a system
privilege the design does not give (`system_right`), a role (permission set, security role, group) the
design does not have (`extra_role`)."""
CAPABILITIES: tuple[Capability, ...] = ("widened_right", "system_right", "extra_role")

UserReader = Callable[[list[Path]], "tuple[list[UserAccount], list[Problem]]"]
"""user export files (any order) -> the accounts and the problems met reading them"""


@runtime_checkable
class CrmAdapter(Protocol):
    """One CRM. Data members are read-only properties so a frozen dataclass satisfies them."""

    @property
    def name(self) -> str:
        """The id: the entry-point name, `--to`/`--from`/`--crm` value and `crm_mappings:` key."""
        ...

    @property
    def label(self) -> str:
        """The CRM's name for people, translated through the catalogue."""
        ...

    @property
    def reads(self) -> tuple[str, ...]:
        """File kinds `read` accepts, e.g. ("xml", "zip")."""
        ...

    @property
    def writes(self) -> tuple[str, ...]:
        """File kinds `write` produces, e.g. ("csv",)."""
        ...

    @property
    def expresses(self) -> frozenset[Capability]:
        """The drift kinds its files can carry (see Capability)."""
        ...

    @property
    def read_users(self) -> UserReader | None:
        """The user-export reader for the people audit, or None."""
        ...

    def default_mapping(self) -> CrmMapping:
        """The mapping used when the playbook has no `crm_mappings` entry for this CRM."""
        ...

    def project(self, pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
        """The design as this CRM can hold it: grants plus Limitations (what it cannot express)."""
        ...

    def write(self, pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
        """The CRM's permission files for the design, in `folder` (an empty folder the caller owns)."""
        ...

    def read(self, path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
        """What the CRM's files at `path` grant, in playbook terms; bad input is a located Problem."""
        ...

    def limitations(self, pb: Playbook, mapping: CrmMapping) -> list[Limitation]:
        """What the CRM cannot express of the design, and what the export does instead."""
        ...

    def role_names(self, pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
        """role id -> the names the CRM shows the role by, the one `write` gives it first (the people
        audit matches user exports by them; the change plan names the first)."""
        ...
