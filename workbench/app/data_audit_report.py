"""A data audit's report as a file, the same for `crmwb data-audit` and the TUI: the JSON the CLI prints
with `--format json` (the audit and the KPI values recorded from it), the Markdown summary, or the
workbook. Written atomically: a failed write leaves nothing half-written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.data_audit import KpiOutcome
    from workbench.domain.data_quality.audit import DataAudit

REPORT_SUFFIXES = (".xlsx", ".md", ".json")
"""what a saved report can be, chosen by the file name's suffix"""


class ReportSuffixError(ValueError):
    """The file name ends in none of REPORT_SUFFIXES."""


def audit_data(result: DataAudit, outcomes: Sequence[KpiOutcome]) -> dict[str, Any]:
    """The audit as JSON data, with the KPI values recorded from it (none when nothing was recorded)."""
    kpis = [{"kpi": o.kpi, "value": o.value, "recorded": o.recorded} for o in outcomes]
    return result.to_dict() | {"kpis": kpis}


def audit_json(result: DataAudit, outcomes: Sequence[KpiOutcome]) -> str:
    """JSON as every command prints it: Persian and Russian readable, indented."""
    return json.dumps(audit_data(result, outcomes), ensure_ascii=False, indent=2) + "\n"


def audit_summary(result: DataAudit, outcomes: Sequence[KpiOutcome], md: bool = False) -> str:
    """The summary of `--format text` (or `md`), and the KPI values recorded from it."""
    from workbench.writers.data_audit_text import audit_text

    text = audit_text(result, md=md)
    for outcome in outcomes:
        if outcome.recorded:
            text += _("recorded {kpi} = {value}").format(kpi=outcome.kpi, value=outcome.value) + "\n"
    return text


def save_audit_report(result: DataAudit, outcomes: Sequence[KpiOutcome], path: Path) -> None:
    """The report in the format its suffix names; ReportSuffixError for another suffix, OSError when the
    file cannot be written."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from workbench.writers.data_audit_xlsx import write_audit

        write_audit(result, path)
        return
    if suffix not in REPORT_SUFFIXES:
        raise ReportSuffixError(
            _("{name}: a report ends in {suffixes}; expected one of them").format(
                name=path.name, suffixes=", ".join(REPORT_SUFFIXES)
            )
        )
    from workbench.writers.atomic import write_text_atomic

    text = audit_json(result, outcomes) if suffix == ".json" else audit_summary(result, outcomes, md=True)
    write_text_atomic(path, text)
