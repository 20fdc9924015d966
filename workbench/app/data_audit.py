"""Data audit, the use case: a legacy export read (CSV or xlsx), its columns matched to fields (by header
synonyms or the mapping workbook), every row checked and folded, duplicates found, and with an engagement
the duplicate rate and completeness recorded as KPI values, through the same use case as `crmwb kpi
record`. Also the reconciliation of a legacy export with the CRM's export after a load.

The CLI renders the results; the input files are only ever read."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.data_quality.audit import DataAudit
    from workbench.domain.data_quality.reconcile import Reconciliation
    from workbench.domain.data_quality.records import Inspection
    from workbench.domain.text import LocalText

MAX_WORKERS = 2
"""the cores a data audit uses at most: the benchmark's 2, and a laptop stays usable"""
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


@dataclass(frozen=True)
class Requirements:
    fields: tuple[str, ...]
    """the audit fields a complete record holds"""
    unchecked: dict[str, LocalText] = field(default_factory=dict)
    """required playbook fields no audit field holds: field id -> name"""


def playbook_requirements(opened: OpenEngagement, obj: str) -> Requirements:
    """What the engagement's playbook requires of this object for this client's answers (a field whose
    `when:` does not hold for the client is not asked), as audit fields; the built-in profile when the
    playbook describes no required field of the object."""
    from workbench.domain.customer_profile import object_fields
    from workbench.domain.data_quality.profiles import profile_requirements, required_fields

    fields = [f for f in object_fields(opened.resolved, obj, opened.engagement.answers) if f.required]
    if not fields:
        return Requirements(required_fields(obj))
    checked, unchecked = profile_requirements([f.id for f in fields], obj)
    names = {f.id: f.field.name for f in fields}
    return Requirements(checked, {field_id: names[field_id] for field_id in unchecked})


def audit_file(
    source: Path,
    obj: str,
    region: str,
    mapping: Path | None = None,
    encoding: str | None = None,
    required: Requirements | None = None,
    progress: Progress | None = None,
) -> DataAudit:
    """Read, check and match; LegacyReadError when the export or the mapping cannot be read or no column
    is recognised. `required` comes from the engagement's playbook (playbook_requirements); without one,
    the built-in profile of the object. `progress` hears the rows checked so far and when the duplicate
    search starts (the TUI shows both; it is called from the thread that runs the audit)."""
    from workbench.domain.data_quality.audit import audit
    from workbench.domain.data_quality.headers import match_headers
    from workbench.domain.data_quality.profiles import required_fields
    from workbench.loading.legacy_table import LegacyReadError, open_table, read_mapping
    from workbench.loading.located_yaml import no_gc

    pairs = read_mapping(mapping) if mapping else None
    needed = required.fields if required is not None else required_fields(obj)
    with open_table(source, encoding) as table, no_gc():  # millions of small objects, no cycles
        columns = match_headers(table.headers, pairs)
        if not columns:
            raise LegacyReadError(
                _(
                    "no column is recognised; expected headers such as name, phone, e-mail "
                    "(in English, Persian or Russian) or {option}"
                ).format(option="--mapping MAPPING.xlsx"),
                str(source),
            )
        report = progress or _silent
        inspection = _inspect(table.rows, columns, obj, region, needed, report)
        report(MATCHING, inspection.total)
        result = audit(str(source), obj, region, table.headers, columns, needed, inspection)
    result.unchecked = dict(required.unchecked) if required is not None else {}
    return result


CHUNK_ROWS = 50_000
"""rows checked per task; a file of at most one chunk is checked in this process"""
PROGRESS_ROWS = 5_000
"""a file checked in this process tells its progress every this many rows"""
CHECKING, MATCHING = "checking", "matching"
"""the stages `progress` hears: rows being checked (with the rows done), duplicates being searched"""
Progress = Callable[[str, int], None]


def _silent(stage: str, rows: int) -> None:
    """No one listens (the CLI)."""


def _inspect(
    rows: Iterator[list[Any]],
    columns: dict[str, int],
    obj: str,
    region: str,
    needed: tuple[str, ...],
    progress: Progress,
) -> Inspection:
    """Check every row; a big file's chunks are checked by one worker process per core (parsing phone
    numbers is most of the work), at most two chunks in flight per worker, and merged in file order."""
    from concurrent.futures import Future, ProcessPoolExecutor

    from workbench.domain.data_quality.records import Inspector, inspect_chunk, merge

    first = list(islice(rows, CHUNK_ROWS))
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(first) < CHUNK_ROWS or workers < 2:
        inspector = Inspector(columns, obj, region, needed)
        rest, start = chain(first, rows), 2
        while part := list(islice(rest, PROGRESS_ROWS)):
            inspector.add_rows(part, start)
            start += len(part)
            progress(CHECKING, start - 2)
        return inspector.result
    done: list[Inspection] = []
    with ProcessPoolExecutor(workers) as pool:
        pending: deque[Future[Inspection]] = deque()
        chunk, start = first, 2
        while chunk:
            pending.append(pool.submit(inspect_chunk, columns, obj, region, needed, chunk, start))
            start += len(chunk)
            if len(pending) >= 2 * workers:
                done.append(pending.popleft().result())
                progress(CHECKING, sum(p.total for p in done))
            chunk = list(islice(rows, CHUNK_ROWS))
        for future in pending:
            done.append(future.result())
            progress(CHECKING, sum(p.total for p in done))
    return merge(done)


@dataclass(frozen=True)
class KpiOutcome:
    kpi: str
    value: float
    recorded: bool
    why_not: str = ""


def record_audit_kpis(
    opened: OpenEngagement, result: DataAudit, when: date, author: str | None
) -> list[KpiOutcome]:
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
            outcomes.append(
                KpiOutcome(kpi_id, value, False, _("the engagement's playbook does not track it"))
            )
            continue
        record_value(opened, kpi, value, when, source, None, author)
        outcomes.append(KpiOutcome(kpi_id, value, True))
    return outcomes


def reconcile_files(
    source: Path, target: Path, keys: Sequence[str], region: str, encoding: str | None = None
) -> Reconciliation:
    """Both exports read whole (a trial load is compared at once); LegacyReadError for an unreadable file
    or a key column one file lacks."""
    from workbench.domain.data_quality.reconcile import KeyColumnMissing, reconcile
    from workbench.loading.legacy_table import LegacyReadError, open_table

    with open_table(source, encoding) as src, open_table(target, encoding) as tgt:
        src_rows, tgt_rows = list(src.rows), list(tgt.rows)
        try:
            return reconcile(src.headers, src_rows, tgt.headers, tgt_rows, keys, region)
        except KeyColumnMissing as exc:
            raise LegacyReadError(
                _("no key column {names} in both files; expected a column of that name in each").format(
                    names=str(exc)
                ),
                str(source),
            ) from None
