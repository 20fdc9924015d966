"""Audit, the use case: what a live CRM grants against the design. The design's grants are projected
through the target's mapping, the CRM's export is read, and the two are compared into an AuditReport;
`crmwb audit` parses its arguments and renders the result (table, JSON, SARIF, xlsx)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.audit_report import AuditReport
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem


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
