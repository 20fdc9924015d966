"""The fixed id sets of the model, said once: MoSCoW priorities, task and defect statuses, phase ids and CRM
targets.

The ids are what files, the state store and commands keep (always English); people see them through the
translated labels in `domain/vocabulary.py`, `domain/rfp_pack.py` or the playbook's own phase names.
This module imports nothing, so argparse `choices` and help text can use it without loading pydantic
(`crmwb --help` stays fast); the pydantic models keep `Literal` types that a test holds equal to these.
"""

from __future__ import annotations

from enum import StrEnum


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
CRM_TARGETS: tuple[str, ...] = ("salesforce", "dynamics", "odoo", "espocrm", "suitecrm")
"""the CRMs with an adapter (workbench/writers/crm/registry.py); `crm_mappings:` keys in a playbook"""


def crm_target_list(separator: str = ", ") -> str:
    """The target names for help and error text, e.g. `salesforce, dynamics, ...`."""
    return separator.join(CRM_TARGETS)
