"""The CRM adapters installed: discovered through the `crmwb.crm_adapters` entry-point group, sorted by
name, each imported only when asked for. A CRM is one package plus one entry-point line, ours or a third
party's; the commands (`crm-export`, `audit`, `people-audit`) only talk to this registry.

An unknown name, or an entry point that fails to load or does not give a CrmAdapter, raises UnknownTarget
with a message that says which and why (the commands print it and exit 2), never a traceback.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.crm_adapters.protocol import CrmAdapter
from workbench.domain.fixed_ids import CRM_ADAPTER_GROUP, crm_targets
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping
    from workbench.domain.people import UserAccount
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem


class UnknownTarget(ValueError):
    """A target name nobody registered, or one whose adapter does not load."""


def names() -> list[str]:
    """Every registered CRM, sorted (no adapter is imported)."""
    return list(crm_targets())


def refresh() -> None:
    """Forget what was discovered (after installing or registering an adapter in this process)."""
    crm_targets.cache_clear()
    _load.cache_clear()


def _expected() -> str:
    return ", ".join(names())


def expand(choice: str) -> list[str]:
    """`all` -> every target; a comma list -> its names; unknown names raise UnknownTarget."""
    wanted = names() if choice.strip() == "all" else [c.strip() for c in choice.split(",") if c.strip()]
    for name in wanted:
        if name not in names():
            raise UnknownTarget(
                _("unknown CRM target {name!r}; expected one of: {targets}").format(
                    name=name, targets=f"{_expected()}, all"
                )
            )
    if not wanted:
        raise UnknownTarget(
            _("no CRM target given; expected one of: {targets}").format(targets=f"{_expected()}, all")
        )
    return wanted


def _entry_point(name: str) -> EntryPoint:
    for point in sorted(entry_points(group=CRM_ADAPTER_GROUP), key=lambda p: p.value):
        if point.name == name:
            return point  # two distributions registering one name: the first by value, always the same
    raise UnknownTarget(
        _("unknown CRM target {name!r}; expected one of: {targets}").format(name=name, targets=_expected())
    )


@cache
def _load(name: str) -> CrmAdapter:
    point = _entry_point(name)
    try:
        loaded = point.load()
    except Exception as exc:  # a third party's broken package must not crash the workbench
        raise UnknownTarget(
            _("the {name} CRM adapter ({value}) failed to load: {error}").format(
                name=name, value=point.value, error=f"{type(exc).__name__}: {exc}"
            )
        ) from exc
    if not isinstance(loaded, CrmAdapter) or loaded.name != name:
        raise UnknownTarget(
            _(
                "the {name} CRM adapter ({value}) is not a CRM adapter named {name!r}; expected an object "
                "with the members of workbench.crm_adapters.protocol.CrmAdapter"
            ).format(name=name, value=point.value)
        )
    return loaded


def adapter(name: str) -> CrmAdapter:
    """The adapter registered as `name`; raises UnknownTarget for an unknown or broken one."""
    if name not in names():
        raise UnknownTarget(
            _("unknown CRM target {name!r}; expected one of: {targets}").format(
                name=name, targets=_expected()
            )
        )
    return _load(name)


def adapters() -> list[CrmAdapter]:
    """Every adapter that loads, sorted by name (a broken one is left out; `broken()` says why)."""
    loaded = []
    for name in names():
        try:
            loaded.append(_load(name))
        except UnknownTarget:
            continue
    return loaded


def broken() -> dict[str, str]:
    """name -> why its adapter does not load, for every registered adapter that does not."""
    why = {}
    for name in names():
        try:
            _load(name)
        except UnknownTarget as exc:
            why[name] = str(exc)
    return why


def mapping_for(pb: Playbook, name: str) -> CrmMapping:
    """The playbook's mapping for the target, else the adapter's default (for the bundled five an empty
    one: every object unmapped, which the projection reports as limitations rather than a crash)."""
    found = pb.crm_mappings.get(name)
    return found if found is not None else adapter(name).default_mapping()


def user_targets() -> list[str]:
    """The CRMs whose user exports can be read (adapters with a `read_users`), sorted."""
    return [crm.name for crm in adapters() if crm.read_users is not None]


def read_users(target: str, paths: list[Path]) -> tuple[list[UserAccount], list[Problem]]:
    """`target`'s user export files read by its adapter; raises UnknownUserTarget when it has no reader."""
    from workbench.loading.crm.users import UnknownUserTarget, read_users

    reader = adapter(target).read_users
    if reader is None:
        raise UnknownUserTarget(
            _("no user export reader for {target}; expected one of: {targets}").format(
                target=target, targets=", ".join(user_targets())
            )
        )
    return read_users(target, reader, paths)


def role_names(pb: Playbook, target: str) -> tuple[CrmMapping, dict[str, list[str]]]:
    """The target's mapping and role id -> the names the CRM shows each role by (the people audit's)."""
    mapping = mapping_for(pb, target)
    return mapping, adapter(target).role_names(pb, mapping)
