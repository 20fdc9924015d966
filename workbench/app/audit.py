"""Audit, the use case: what a live CRM grants against the design. The design's grants are projected
through the target's mapping, the CRM's export is read, and the two are compared into an AuditReport;
`crmwb audit` parses its arguments and renders the result (table, JSON, SARIF, xlsx)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.i18n import N_, _

if TYPE_CHECKING:
    from workbench.domain.audit_report import AuditReport
    from workbench.domain.governance import Finding
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem


WORDS = {
    "error": N_("error"),
    "warning": N_("warning"),
    "wider": N_("wider"),
    "extra": N_("extra"),
    "narrower": N_("narrower"),
    "missing": N_("missing"),
    "unknown-role": N_("unknown role"),
    "unknown-object": N_("unknown object"),
    "missing-role": N_("missing role"),
    "none": N_("none"),
    "own": N_("own"),
    "team": N_("team"),
    "all": N_("all"),
}
"""severities, drift kinds and scopes as people read them (JSON and SARIF keep the codes)"""


def word(code: object) -> object:
    """A severity, drift kind or scope in words, in the interface language; anything else as it is."""
    return _(WORDS[code]) if isinstance(code, str) and code in WORDS else code


FIXES = {
    "wider": N_("narrow the right in the CRM to the design's scope, or widen the design on purpose"),
    "extra": N_("take the right away in the CRM, or add it to the design on purpose"),
    "narrower": N_("grant the design's scope in the CRM, or narrow the design"),
    "missing": N_("grant the right in the CRM, or drop it from the design"),
    "unknown-role": N_("remove the role from the CRM, or add it to the design"),
    "unknown-object": N_("remove the object's rights from the CRM, or add the object to the design"),
    "missing-role": N_("create the role in the CRM as the design has it"),
}
"""what to do about each kind of drift, for the TUI's findings list"""


@dataclass
class DriftAudit:
    report: AuditReport | None
    """None when the export could not be read (see `problems`): nothing was compared"""
    problems: list[Problem] = field(default_factory=list)
    """what reading the export found; errors when `report` is None, else warnings"""
    designed_grants: int = 0

    @property
    def readable(self) -> bool:
        return self.report is not None


def drift_audit(pb: Playbook, label: str, target: str, source: Path) -> DriftAudit:
    """Project, read, compare. Raises UnknownTarget for a CRM we have no adapter for."""
    from workbench.crm_adapters.registry import adapter, mapping_for
    from workbench.domain.audit_report import AuditReport
    from workbench.domain.drift import compare
    from workbench.domain.problems import Problem
    from workbench.loading.located_yaml import no_gc

    crm = adapter(target)
    if not source.exists():
        return DriftAudit(
            None,
            [
                Problem(
                    _("no such file or folder; expected the {target} export").format(target=target),
                    file=str(source),
                    code="missing",
                )
            ],
        )
    mapping = mapping_for(pb, target)
    with no_gc():  # hundreds of thousands of fresh cells, no cycles: the cyclic GC only slows this down
        designed = crm.project(pb, mapping)
        try:
            live, problems = crm.read(source, pb, mapping)
        except (OSError, UnicodeError) as exc:
            live, problems = (
                None,
                [
                    Problem(
                        _("cannot read the {target} export: {reason}").format(target=target, reason=exc),
                        file=str(source),
                        code="unreadable",
                    )
                ],
            )
        readable = live is not None and not any(p.severity == "error" for p in problems)
        drifts = compare(designed, live) if readable and live is not None else []
    if not readable or live is None:
        return DriftAudit(None, problems, len(designed.grants))
    report = AuditReport.build(target, label, str(source), drifts, designed.limitations, live, problems)
    return DriftAudit(report, problems, len(designed.grants))


def drift_findings(report: AuditReport) -> list[Finding]:
    """The drifts as findings (errors first, as the governance findings), so the TUI lists them and
    jumps to their matrix cell the same way; the rule is the drift's kind in words."""
    from workbench.domain.governance import Finding

    ordered = sorted(report.drifts, key=lambda d: d.severity != "error")
    return [
        Finding(
            _(WORDS.get(d.kind, d.kind)),
            d.severity,
            d.message,
            _(FIXES[d.kind]) if d.kind in FIXES else "",
            d.role,
            d.object,
            d.action,
        )
        for d in ordered
    ]


def audit_design(ref: str, target: str, source: Path) -> DriftAudit:
    """The drift audit of an engagement folder's (or playbook's) design, as `crmwb audit REF --from TARGET
    SOURCE` runs it; a design that cannot be loaded gives its problems and no report."""
    from workbench.app.design import load_design

    design, problems = load_design(ref, None)
    if design is None:
        return DriftAudit(None, problems)
    return drift_audit(design.playbook, design.label, target, source)
