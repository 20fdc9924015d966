"""Plain-text tables for `crmwb audit`: the drift table and the recertification change plan.

Plain columns (no colour, no box drawing) so the output reads the same in a terminal, a CI log and a
ticket; `--format json` is the form for scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workbench.app.audit import word
from workbench.domain.audit_report import AuditReport, clean_sentence, drift_row, drift_titles
from workbench.domain.fixed_ids import crm_target_list
from workbench.domain.recertify_decisions import ChangePlan, CrmStep
from workbench.i18n import _, ngettext

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
        lines.append(clean_sentence(report.target, compared, num(compared)))
    else:
        lines += table(drift_titles(), (drift_row(d, word) for d in report.drifts))
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
    """The change plan read from the checklists, in the output language: decisions, actions and scopes by
    their translated labels; role, object and CRM names as they are (ids the CRM and the design use)."""
    from workbench.cli.local import num
    from workbench.domain.vocabulary import action_label, decision_label, scope_label

    lines = [
        _(
            "recertification decisions from {checklists}: {changes}, {kept} kept, {undecided} undecided"
        ).format(
            checklists=ngettext("{n} checklist", "{n} checklists", sources).format(n=num(sources)),
            changes=ngettext("{n} change", "{n} changes", len(plan.changes)).format(n=num(len(plan.changes))),
            kept=num(plan.kept),
            undecided=num(len(plan.undecided)),
        )
    ]
    if plan.changes:
        lines += ["", _("In the design (roles[].permissions of the playbook the design comes from):")]
        lines += table(
            (
                _("decision"),
                _("role"),
                _("object"),
                _("action"),
                _("from"),
                _("to"),
                _("reviewer"),
                _("checklist"),
                _("comment"),
            ),
            (
                (
                    decision_label(c.decision),
                    c.role,
                    c.object,
                    action_label(c.action),
                    scope_label(c.current),
                    scope_label(c.new),
                    c.reviewer,
                    c.where,
                    c.comment,
                )
                for c in plan.changes
            ),
        )
    for target, target_steps in steps.items():
        lines += ["", _("In {target}:").format(target=target)]
        if not target_steps:
            lines.append(
                "  "
                + _("nothing to change: {target} cannot express these rights or does not map them").format(
                    target=target
                )
            )
            continue
        lines += table(
            (
                _("crm role"),
                _("crm object"),
                _("action"),
                _("from"),
                _("to"),
                _("role"),
                _("object"),
                _("note"),
            ),
            (
                (
                    s.crm_role,
                    s.crm_object,
                    action_label(s.action),
                    s.before,
                    s.after,
                    s.role,
                    s.object,
                    s.note or "",
                )
                for s in target_steps
            ),
        )
    if plan.changes and not steps:
        lines += [
            "",
            _("add --target {targets}|all for the steps in the CRM").format(targets=crm_target_list("|")),
        ]
    if plan.undecided:
        n = len(plan.undecided)
        lines += [
            "",
            ngettext(
                "undecided ({n}): the review is not finished",
                "undecided ({n}): the review is not finished",
                n,
            ).format(n=num(n)),
        ]
        lines += [
            f"  {d.file}:{d.row}: {d.role} {action_label(d.action)} {d.object} ({scope_label(d.scope)})"
            for d in plan.undecided[:20]
        ]
        if n > 20:
            lines.append("  " + _("... and {n} more").format(n=num(n - 20)))
    return lines
