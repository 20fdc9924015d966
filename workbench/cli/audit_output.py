"""Plain-text tables for `crmwb audit`: the drift table and the recertification change plan.

Plain columns (no colour, no box drawing) so the output reads the same in a terminal, a CI log and a
ticket; `--format json` is the form for scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workbench.domain.audit_report import AuditReport
from workbench.domain.recertify_decisions import ChangePlan, CrmStep

DASH = "-"


def table(titles: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Left-aligned columns, two spaces apart; None shows as '-'."""
    cells = [[DASH if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(t)] + [len(r[i]) for r in cells]) for i, t in enumerate(titles)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    return [line(titles), line(["-" * w for w in widths])] + [line(r) for r in cells]


def drift_lines(report: AuditReport, compared: int) -> list[str]:
    head = f"audit of {report.source} ({report.target}) against the {report.design}"
    lines = [head]
    if report.clean:
        lines.append(f"clean: the {report.target} export grants exactly what the design can express there "
                     f"({compared} right(s) compared)")
    else:
        lines += table(("severity", "kind", "role", "object", "action", "design", "live"),
                       ((d.severity, d.kind, d.role, d.object, d.action, d.design, d.live)
                        for d in report.drifts))
        counts = report.counts()
        kinds = ", ".join(f"{n} {k}" for k, n in report.by_kind().items())
        lines.append(f"{len(report.drifts)} drift(s): {counts['errors']} error(s), {counts['warnings']} "
                     f"warning(s) ({kinds})")
    if report.limitations:
        lines.append(f"note: {len(report.limitations)} designed right(s) cannot be expressed in "
                     f"{report.target}; `--format json` or `crmwb crm-export`'s limitations.md lists them")
    return lines


def plan_lines(plan: ChangePlan, steps: dict[str, list[CrmStep]], sources: int) -> list[str]:
    lines = [(f"recertification decisions from {sources} checklist(s): {len(plan.changes)} change(s), "
             f"{plan.kept} kept, {len(plan.undecided)} undecided")]
    if plan.changes:
        lines += ["", "In the design (roles[].permissions of the playbook the design comes from):"]
        titles = ("decision", "role", "object", "action", "from", "to", "reviewer", "checklist", "comment")
        lines += table(titles, ((c.decision, c.role, c.object, c.action, c.current, c.new, c.reviewer,
                                 c.where, c.comment) for c in plan.changes))
    for target, target_steps in steps.items():
        lines += ["", f"In {target}:"]
        if not target_steps:
            lines.append(f"  nothing to change: {target} cannot express these rights or does not map them")
            continue
        lines += table(("crm role", "crm object", "action", "from", "to", "role", "object", "note"),
                       ((s.crm_role, s.crm_object, s.action, s.before, s.after, s.role, s.object,
                         s.note or "") for s in target_steps))
    if plan.changes and not steps:
        lines += ["", "add --target salesforce|dynamics|odoo|espocrm|suitecrm|all for the steps in the CRM"]
    if plan.undecided:
        lines += ["", f"undecided ({len(plan.undecided)}): the review is not finished"]
        lines += [f"  {d.file}:{d.row}: {d.role} {d.action} {d.object} ({d.scope})"
                  for d in plan.undecided[:20]]
        if len(plan.undecided) > 20:
            lines.append(f"  ... and {len(plan.undecided) - 20} more")
    return lines
