"""Resolve a playbook against intake answers: items whose `when` is false drop out.

The result is a Playbook again, so every deliverable works the same on a raw or a resolved one.
"""

from __future__ import annotations

from typing import Any

from workbench.domain.answers import complete_answers
from workbench.domain.conditions import applies
from workbench.domain.customer_profile import is_required
from workbench.domain.playbook import Playbook
from workbench.domain.processes import resolve_process
from workbench.domain.role_merge import tailor_roles

_PROFILE_LISTS = (
    "duties",
    "education",
    "experience",
    "skills",
    "competencies",
    "qualities",
    "tools",
    "working_conditions",
)


def _keep(items: list, answers: dict[str, Any]) -> list:
    return [item for item in items if applies(item.when, answers)]


def resolve(pb: Playbook, answers: dict[str, Any]) -> Playbook:
    """The playbook as it applies to one client. Dependencies on dropped tasks are bridged: a task
    that depended on a dropped task now depends on what the dropped task depended on. Roles the client
    does not have merge into the roles that take their work (domain/role_merge.py)."""
    answers = complete_answers(pb, answers)
    all_tasks = pb.task_map()
    kept = {t.id for _, t in pb.tasks() if applies(t.when, answers)}

    def bridged(deps: list[str], seen: frozenset[str] = frozenset()) -> list[str]:
        out: list[str] = []
        for dep in deps:
            if dep in kept:
                out.append(dep)
            elif dep in all_tasks and dep not in seen:
                out.extend(bridged(all_tasks[dep].depends_on, seen | {dep}))
        return list(dict.fromkeys(out))

    phases = [
        phase.model_copy(
            update={
                "tasks": [
                    t.model_copy(update={"depends_on": bridged(t.depends_on), "when": None})
                    for t in phase.tasks
                    if t.id in kept
                ]
            }
        )
        for phase in pb.phases
    ]
    gov = pb.governance.model_copy(
        update={
            "separation_of_duties": _keep(pb.governance.separation_of_duties, answers),
            "least_privilege": _keep(pb.governance.least_privilege, answers),
            "system_rights": _keep(pb.governance.system_rights, answers),
        }
    )
    profiles = []
    for profile in pb.job_profiles:
        update = {name: _keep(getattr(profile, name), answers) for name in _PROFILE_LISTS}
        update["reports_to"] = _keep(profile.reports_to, answers) or profile.reports_to[-1:]
        profiles.append(profile.model_copy(update=update))
    objects = [
        obj.model_copy(
            update={
                "fields": [
                    f.model_copy(update={"required": is_required(f, answers), "when": None})
                    for f in _keep(obj.fields, answers)
                ]
            }
        )
        for obj in pb.objects
    ]
    kept_pb = pb.model_copy(
        update={
            "questions": _keep(pb.questions, answers),
            "objects": objects,
            "legacy_sources": _keep(pb.legacy_sources, answers),
            "phases": phases,
            "governance": gov,
            "requirements": _keep(pb.requirements, answers),
            "processes": [resolve_process(p, answers) for p in _keep(pb.processes, answers)],
            "kpis": _keep(pb.kpis, answers),
            "job_profiles": profiles,
            "rfp_document": _keep(pb.rfp_document, answers),
        }
    )
    return tailor_roles(kept_pb, answers)
