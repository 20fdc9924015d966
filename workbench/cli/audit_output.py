"""Plain-text tables for `crmwb audit`: the drift table and the recertification change plan.

Plain columns (no colour, no box drawing) so the output reads the same in a terminal, a CI log and a
ticket; `--format json` is the form for scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workbench.app.audit import WORDS
from workbench.domain.audit_report import AuditReport
from workbench.domain.fixed_ids import crm_target_list
from workbench.domain.recertify_decisions import ChangePlan, CrmStep
from workbench.i18n import _, ngettext


def word(code: object) -> object:
    return _(WORDS[code]) if isinstance(code, str) and code in WORDS else code


DASH = "-"


def table(titles: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Left-aligned columns, two spaces apart; None shows as '-'."""
    cells = [[DASH if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(t)] + [len(r[i]) for r in cells]) for i, t in enumerate(titles)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    return [line(titles), line(["-" * w for w in widths])] + [line(r) for r in cells]


def drift_lines(report: AuditReport, compared: int) -> list[str]:
    from workbench.cli.local import num

    head = _("audit of {source} ({target}) against the {design}").format(
        source=report.source, target=report.target, design=report.design
    )
    lines = [head]
    if report.clean:
        lines.append(
            ngettext(
                "clean: the {target} export grants exactly what the design can express there "
                "({n} right compared)",
                "clean: the {target} export grants exactly what the design can express there "
                "({n} rights compared)",
                compared,
            ).format(target=report.target, n=num(compared))
        )
    else:
        lines += table(
            (_("severity"), _("kind"), _("role"), _("object"), _("action"), _("design"), _("live")),
            (
                (word(d.severity), word(d.kind), d.role, d.object, d.action, word(d.design), word(d.live))
                for d in report.drifts
            ),
        )
        counts = report.counts()
        kinds = ", ".join(f"{num(n)} {word(k)}" for k, n in report.by_kind().items())
        lines.append(
            ngettext(
                "{n} drift: {errors} error(s), {warnings} warning(s) ({kinds})",
                "{n} drifts: {errors} error(s), {warnings} warning(s) ({kinds})",
                len(report.drifts),
            ).format(
                n=num(len(report.drifts)),
                errors=num(counts["errors"]),
                warnings=num(counts["warnings"]),
                kinds=kinds,
            )
        )
    if report.limitations:
        n = len(report.limitations)
        lines.append(
            ngettext(
                "note: {n} designed right cannot be expressed in {target}; {json} or the "
                "limitations.md of {command} lists it",
                "note: {n} designed rights cannot be expressed in {target}; {json} or the "
                "limitations.md of {command} lists them",
                n,
            ).format(n=num(n), target=report.target, json="`--format json`", command="`crmwb crm-export`")
        )
    return lines


def plan_lines(plan: ChangePlan, steps: dict[str, list[CrmStep]], sources: int) -> list[str]:
    lines = [
        (
            f"recertification decisions from {sources} checklist(s): {len(plan.changes)} change(s), "
            f"{plan.kept} kept, {len(plan.undecided)} undecided"
        )
    ]
    if plan.changes:
        lines += ["", "In the design (roles[].permissions of the playbook the design comes from):"]
        titles = ("decision", "role", "object", "action", "from", "to", "reviewer", "checklist", "comment")
        lines += table(
            titles,
            (
                (c.decision, c.role, c.object, c.action, c.current, c.new, c.reviewer, c.where, c.comment)
                for c in plan.changes
            ),
        )
    for target, target_steps in steps.items():
        lines += ["", f"In {target}:"]
        if not target_steps:
            lines.append(f"  nothing to change: {target} cannot express these rights or does not map them")
            continue
        lines += table(
            ("crm role", "crm object", "action", "from", "to", "role", "object", "note"),
            (
                (s.crm_role, s.crm_object, s.action, s.before, s.after, s.role, s.object, s.note or "")
                for s in target_steps
            ),
        )
    if plan.changes and not steps:
        lines += ["", f"add --target {crm_target_list('|')}|all for the steps in the CRM"]
    if plan.undecided:
        lines += ["", f"undecided ({len(plan.undecided)}): the review is not finished"]
        lines += [
            f"  {d.file}:{d.row}: {d.role} {d.action} {d.object} ({d.scope})" for d in plan.undecided[:20]
        ]
        if len(plan.undecided) > 20:
            lines.append(f"  ... and {len(plan.undecided) - 20} more")
    return lines
