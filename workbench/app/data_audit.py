"""Data audit, the use case: a legacy export read (CSV or xlsx), its columns matched to fields (by header
synonyms or the mapping workbook), every row checked and folded, duplicates found, and with an engagement
the duplicate rate and completeness recorded as KPI values, through the same use case as `crmwb kpi
record`. Also the reconciliation of a legacy export with the CRM's export after a load.

The CLI renders the results; the input files are only ever read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.data_quality.audit import DataAudit
    from workbench.domain.data_quality.reconcile import Reconciliation

NO_REGION = "ZZ"
"""phonenumbers' 'unknown region': only numbers written with their country code are valid then"""


def default_region(lang: str) -> str:
    """IR for Persian, RU for Russian (the clients a consultant in that language serves), else none."""
    from workbench.domain.client_calendar import suggested_country

    return suggested_country(lang) or NO_REGION


def engagement_region(opened: OpenEngagement, lang: str) -> str:
    """The country the client answered in the intake, else the default of the engagement's language."""
    from workbench.domain.client_calendar import answered_country

    return answered_country(opened.engagement.answers) or default_region(opened.engagement.language or lang)


def audit_file(source: Path, obj: str, region: str, mapping: Path | None = None,
               encoding: str | None = None, required: Sequence[str] | None = None) -> DataAudit:
    """Read, check and match; LegacyReadError when the export or the mapping cannot be read or no column
    is recognised."""
    from workbench.domain.data_quality.audit import audit
    from workbench.domain.data_quality.headers import match_headers
    from workbench.domain.data_quality.profiles import required_fields
    from workbench.domain.data_quality.records import Inspector
    from workbench.loading.legacy_table import LegacyReadError, open_table, read_mapping
    from workbench.loading.located_yaml import no_gc

    pairs = read_mapping(mapping) if mapping else None
    needed = tuple(required) if required is not None else required_fields(obj)
    with open_table(source, encoding) as table, no_gc():  # millions of small objects, no cycles
        columns = match_headers(table.headers, pairs)
        if not columns:
            raise LegacyReadError(_("no column is recognised; expected headers such as name, phone, e-mail "
                                    "(in English, Persian or Russian) or {option}").format(
                option="--mapping MAPPING.xlsx"), str(source))
        inspector = Inspector(columns, obj, region, needed)
        inspector.add_rows(table.rows)
        return audit(str(source), obj, region, table.headers, columns, needed, inspector.result)


@dataclass(frozen=True)
class KpiOutcome:
    kpi: str
    value: float
    recorded: bool
    why_not: str = ""


def record_audit_kpis(opened: OpenEngagement, result: DataAudit, when: date, author: str | None) -> list[KpiOutcome]:
    """The duplicate rate and the completeness as the playbook's KPI values; a KPI the client's playbook
    does not track is reported, not recorded."""
    from workbench.app.kpi_record import record_value
    from workbench.domain.data_quality.audit import COMPLETENESS_KPI, DUPLICATE_KPI

    kpis = {k.id: k for k in opened.resolved.kpis}
    source = _("data audit of {file}").format(file=Path(result.source).name)
    outcomes = []
    for kpi_id, value in ((DUPLICATE_KPI, result.duplicate_rate), (COMPLETENESS_KPI, result.completeness)):
        kpi = kpis.get(kpi_id)
        if kpi is None:
            outcomes.append(KpiOutcome(kpi_id, value, False, _("the engagement's playbook does not track it")))
            continue
        record_value(opened, kpi, value, when, source, None, author)
        outcomes.append(KpiOutcome(kpi_id, value, True))
    return outcomes


def reconcile_files(source: Path, target: Path, keys: Sequence[str], region: str,
                    encoding: str | None = None) -> Reconciliation:
    """Both exports read whole (a trial load is compared at once); LegacyReadError for an unreadable file
    or a key column one file lacks."""
    from workbench.domain.data_quality.reconcile import KeyColumnMissing, reconcile
    from workbench.loading.legacy_table import LegacyReadError, open_table

    with open_table(source, encoding) as src, open_table(target, encoding) as tgt:
        src_rows, tgt_rows = list(src.rows), list(tgt.rows)
        try:
            return reconcile(src.headers, src_rows, tgt.headers, tgt_rows, keys, region)
        except KeyColumnMissing as exc:
            raise LegacyReadError(_("no key column {names} in both files; expected a column of that name in "
                                    "each").format(names=str(exc)), str(source)) from None
