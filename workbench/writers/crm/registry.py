"""CRM targets as a registry: name -> the three modules of its adapter, imported only when used.

Each target has a pure domain module (`project(pb, mapping) -> TargetMatrix`), a writer
(`write(pb, mapping, folder) -> list[Path]`) and a reader (`read(path, pb, mapping) -> (LiveMatrix,
[Problem])`). The commands (`crm-export`, `audit`) only talk to this registry, so a new CRM is one line
here; an unknown name is an error that lists the valid ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from workbench.domain.fixed_ids import CRM_TARGETS

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.drift import LiveMatrix, TargetMatrix
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem

TARGETS: dict[str, tuple[str, str, str]] = {
    name: (f"workbench.domain.crm.{name}", f"workbench.writers.crm.{name}", f"workbench.loading.crm.{name}")
    for name in CRM_TARGETS
}
"""target -> (domain module, writer module, reader module)"""


class UnknownTarget(ValueError):
    """A target name nobody registered, or one whose adapter is not installed."""


@dataclass(frozen=True)
class Adapter:
    name: str
    project: Callable[[Playbook, CrmMapping], TargetMatrix]
    write: Callable[[Playbook, CrmMapping, Path], list[Path]]
    read: Callable[[Path, Playbook, CrmMapping], tuple[LiveMatrix, list[Problem]]]


def names() -> list[str]:
    return list(TARGETS)


def expand(choice: str) -> list[str]:
    """`all` -> every target; a comma list -> its names; unknown names raise UnknownTarget."""
    wanted = names() if choice.strip() == "all" else [c.strip() for c in choice.split(",") if c.strip()]
    for name in wanted:
        if name not in TARGETS:
            raise UnknownTarget(f"unknown CRM target {name!r}; expected one of: {', '.join(names())}, all")
    if not wanted:
        raise UnknownTarget(f"no CRM target given; expected one of: {', '.join(names())}, all")
    return wanted


def _module(path: str, target: str) -> ModuleType:
    try:
        return importlib.import_module(path)
    except ModuleNotFoundError as exc:
        if exc.name and path.startswith(exc.name):
            raise UnknownTarget(f"the {target} adapter is not available ({path} is missing)") from None
        raise


def adapter(name: str) -> Adapter:
    """The target's three functions; raises UnknownTarget for an unknown or missing adapter."""
    if name not in TARGETS:
        raise UnknownTarget(f"unknown CRM target {name!r}; expected one of: {', '.join(names())}")
    domain, writer, reader = (_module(path, name) for path in TARGETS[name])
    return Adapter(name, domain.project, writer.write, reader.read)


def mapping_for(pb: Playbook, name: str) -> CrmMapping:
    """The playbook's mapping for the target, or an empty one (every object then unmapped, which the
    projection reports as limitations rather than a crash)."""
    from workbench.domain.crm_targets import CrmMapping

    return pb.crm_mappings.get(name) or CrmMapping()  # type: ignore[call-overload]
