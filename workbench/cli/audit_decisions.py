"""`crmwb audit DESIGN --decisions CHECKLIST.xlsx...`: the reviewers' decisions as a change plan.

Reads every checklist (all problems of all files reported together), checks the decisions against the
current design, and derives the CRM steps per target by projecting the design before and after the
decisions, so a step never claims a level the CRM cannot hold.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from workbench.cli.audit_output import plan_lines
from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import print_problems
from workbench.domain.playbook import Playbook
from workbench.domain.recertify_decisions import ChangePlan, CrmStep, apply_changes, crm_steps
from workbench.i18n import ngettext


@dataclass
class Outcome:
    code: int
    """0 every right kept, 1 changes to make or rights undecided, 2 unreadable"""
    playbook: Playbook
    """the design after the decisions"""
    plan: ChangePlan = field(default_factory=ChangePlan)
    steps: dict[str, list[CrmStep]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return plan_lines(self.plan, self.steps, len(self.sources))

    def to_dict(self) -> dict:
        p = self.plan
        return {
            "checklists": self.sources,
            "kept": p.kept,
            "changes": [
                {
                    "decision": c.decision,
                    "role": c.role,
                    "object": c.object,
                    "action": c.action,
                    "from": c.current,
                    "to": c.new,
                    "reviewer": c.reviewer,
                    "comment": c.comment,
                    "checklist": c.where,
                }
                for c in p.changes
            ],
            "undecided": [
                {
                    "role": d.role,
                    "object": d.object,
                    "action": d.action,
                    "scope": d.scope,
                    "checklist": f"{d.file}:{d.row}",
                }
                for d in p.undecided
            ],
            "crm": {
                target: [
                    {
                        "crm_role": s.crm_role,
                        "crm_object": s.crm_object,
                        "action": s.action,
                        "from": s.before,
                        "to": s.after,
                        "role": s.role,
                        "object": s.object,
                        "note": s.note,
                    }
                    for s in steps
                ]
                for target, steps in self.steps.items()
            },
            "warnings": [w.to_dict() for w in p.problems if w.severity != "error"],
        }


def decide(pb: Playbook, files: list[Path], target_choice: str | None) -> Outcome:
    from workbench.app.recertify import read_decisions
    from workbench.crm_adapters.registry import UnknownTarget, adapter, expand, mapping_for

    read = read_decisions(pb, files)
    plan, errors = read.plan, read.errors
    print_problems(read.problems)
    if errors:
        print(
            "crmwb audit: "
            + ngettext(
                "{n} error in the checklists; no change plan was made",
                "{n} errors in the checklists; no change plan was made",
                len(errors),
            ).format(n=len(errors)),
            file=sys.stderr,
        )
        return Outcome(ExitCode.BAD_INPUT, pb)
    decided = apply_changes(pb, plan.changes)
    steps: dict[str, list[CrmStep]] = {}
    if target_choice:
        try:
            targets = expand(target_choice)
            for name in targets:
                crm, mapping = adapter(name), mapping_for(pb, name)
                cells = [c.cell for c in plan.changes]
                steps[name] = crm_steps(
                    crm.project(pb, mapping),
                    crm.project(decided, mapping),
                    cells,
                    mapping.role_name,
                    mapping.object_name,
                )
        except UnknownTarget as exc:
            print(f"crmwb audit: error: {exc}", file=sys.stderr)
            return Outcome(ExitCode.BAD_INPUT, pb)
    code = ExitCode.findings_if(bool(plan.changes or plan.undecided))
    return Outcome(code, decided, plan, steps, [str(f) for f in files])
