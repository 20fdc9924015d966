"""The playbook: a reusable, versioned CRM rollout method, as one typed model."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from workbench.domain.access import CrmObject, Governance, Role
from workbench.domain.base import Id, Strict
from workbench.domain.crm_targets import CrmMapping, CrmTarget
from workbench.domain.evaluation_weights import EvaluationWeights
from workbench.domain.job_profiles import JobProfile
from workbench.domain.kpis import Kpi, Measure
from workbench.domain.phases import Phase, Task
from workbench.domain.processes import Process
from workbench.domain.profile_fields import LegacySource
from workbench.domain.questions import Question
from workbench.domain.requirements import Module, Requirement
from workbench.domain.rfp_passages import RfpPassage
from workbench.domain.role_groups import RoleGroup
from workbench.domain.text import Text

SECTIONS = (
    "questions",
    "phases",
    "roles",
    "objects",
    "governance",
    "modules",
    "requirements",
    "processes",
    "measures",
    "kpis",
    "role_groups",
    "job_profiles",
    "crm_mappings",
    "legacy_sources",
)


class Playbook(Strict):
    """A playbook after overlays are applied; `extends` records the chain it was built from."""

    id: Id
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    name: Text
    description: Text | None = None
    extends: str | None = None
    """The base playbook: a bundled id or a path relative to this file."""
    questions: list[Question] = []
    phases: list[Phase] = []
    roles: list[Role] = []
    objects: list[CrmObject] = []
    governance: Governance = Governance()
    modules: list[Module] = []
    requirements: list[Requirement] = []
    processes: list[Process] = []
    measures: list[Measure] = []
    kpis: list[Kpi] = []
    role_groups: list[RoleGroup] = []
    """groups of CRM users for the adoption measures, with their role terms per language"""
    job_profiles: list[JobProfile] = []
    crm_mappings: dict[CrmTarget, CrmMapping] = {}
    rfp_document: list[RfpPassage] = []
    """the RFP document's narrative passages, per section (see domain.rfp_passages)"""
    evaluation_weights: EvaluationWeights = EvaluationWeights()
    """the vendor evaluation's weights: functional fit, price, demo, references (`crmwb rfp evaluate`)"""
    legacy_sources: list[LegacySource] = []
    """where a client's existing customer data comes from; the field-mapping workbook has a sheet for each"""

    @model_validator(mode="after")
    def _say_cadences_once(self) -> Playbook:
        """Fill the plan texts' `{recertification_every}` from governance (see domain.cadence)."""
        from workbench.domain.cadence import fill_cadences

        fill_cadences(self)
        return self

    def tasks(self) -> Iterator[tuple[Phase, Task]]:
        for phase in self.phases:
            for task in phase.tasks:
                yield phase, task

    def task_map(self) -> dict[str, Task]:
        return {task.id: task for _, task in self.tasks()}

    def role_map(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    def question_map(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}
