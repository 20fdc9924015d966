"""The fixed id sets of the model, said once: MoSCoW priorities, task and defect statuses, phase ids and CRM
targets.

The ids are what files, the state store and commands keep (always English); people see them through the
translated labels in `domain/vocabulary.py`, `domain/rfp_pack.py` or the playbook's own phase names.
This module imports nothing, so argparse `choices` and help text can use it without loading pydantic
(`crmwb --help` stays fast); the pydantic models keep `Literal` types that a test holds equal to these.
The CRM targets are the one set not fixed here: they are whatever adapters are installed (`crm_targets`).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache


class Priority(StrEnum):
    """MoSCoW priority of a requirement; `wont` is listed for information and weighs 0."""

    MUST = "must"
    SHOULD = "should"
    COULD = "could"
    WONT = "wont"


class TaskStatus(StrEnum):
    """Where a task of the engagement stands; `done` and `skipped` close it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    SKIPPED = "skipped"


class DefectStatus(StrEnum):
    """Where a defect found in acceptance testing stands; `closed` and `rejected` resolve it."""

    OPEN = "open"
    FIXED = "fixed"
    RETEST = "retest"
    CLOSED = "closed"
    REJECTED = "rejected"


PRIORITIES: tuple[str, ...] = tuple(p.value for p in Priority)
DEFECT_STATUSES: tuple[str, ...] = tuple(s.value for s in DefectStatus)
TASK_STATUSES: tuple[str, ...] = tuple(s.value for s in TaskStatus)
PHASE_IDS: tuple[str, ...] = ("pre_deployment", "deployment", "post_deployment")
"""the three phases in order; their names come from the playbook (`phases[].name`), never from code"""
CRM_ADAPTER_GROUP = "crmwb.crm_adapters"
"""the entry-point group a CRM adapter registers under (pyproject.toml `[project.entry-points]`)"""


@cache
def crm_targets() -> tuple[str, ...]:
    """The CRMs with an adapter, sorted: the names registered in the entry-point group, read from the
    installed packages' metadata without importing any adapter (so the CLI's help and the playbook's
    `crm_mappings:` keys stay cheap). The one list: workbench/crm_adapters/registry.py loads from it.
    Cached for the process; `crm_targets.cache_clear()` after installing one in-process (tests)."""
    from importlib.metadata import entry_points

    return tuple(sorted({point.name for point in entry_points(group=CRM_ADAPTER_GROUP)}))


def crm_target_list(separator: str = ", ") -> str:
    """The target names for help and error text, e.g. `dynamics, espocrm, ...`."""
    return separator.join(crm_targets())
