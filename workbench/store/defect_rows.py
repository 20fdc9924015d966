"""What both stores share about the defect log and UAT results: reading a row back (checked, as every
table is), and checking a change before it is written. The SQL stays in each store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from workbench.domain.defects import (
    DEFECT_FIELDS,
    DEFECT_STATUSES,
    SEVERITIES,
    Defect,
    DefectRefused,
    check_move,
    check_severity,
    check_title,
)
from workbench.domain.uat import RESULTS, UatResult
from workbench.i18n import _

DEFECT_COLUMNS = "number, title, severity, requirement, script, status, owner, created_at, author"
RESULT_COLUMNS = "id, script, result, defects, note, recorded_at, author"


def refused(exc: DefectRefused):
    from workbench.store.sqlite_store import StoreError

    return StoreError(str(exc))


def defect_from_row(path: Path | str, row: tuple) -> Defect:
    from workbench.store.sqlite_store import StoreDataError, _row_date

    number, title, severity, requirement, script, status, owner, created_at, author = row
    where = _("table defects, row {number}").format(number=number)
    if status not in DEFECT_STATUSES:
        raise StoreDataError(
            Path(path),
            _("{where}: status {value!r}; expected one of: {expected}").format(
                where=where, value=status, expected=", ".join(DEFECT_STATUSES)
            ),
        )
    if severity not in SEVERITIES:
        raise StoreDataError(
            Path(path),
            _("{where}: severity {value!r}; expected 1, 2, 3 or 4").format(where=where, value=severity),
        )
    return Defect(
        int(number),
        title,
        int(severity),
        requirement,
        script,
        status,
        owner,
        _row_date(
            Path(path), where, "created_at", created_at, datetime.fromisoformat, "an ISO date and time"
        ),
        author,
    )


def result_from_row(path: Path | str, row: tuple) -> UatResult:
    from workbench.store.sqlite_store import StoreDataError, _row_date

    rid, script, result, defects, note, recorded_at, author = row
    where = _("table uat_results, row {id}").format(id=rid)
    try:
        numbers = tuple(int(n) for n in json.loads(defects))
    except (TypeError, ValueError):
        raise StoreDataError(
            Path(path),
            _("{where}: defects {value!r}; expected a JSON list of defect numbers").format(
                where=where, value=str(defects)[:60]
            ),
        ) from None
    if result not in RESULTS:
        raise StoreDataError(
            Path(path),
            _("{where}: result {value!r}; expected pass or fail").format(where=where, value=result),
        )
    return UatResult(
        script,
        result,
        _row_date(
            Path(path), where, "recorded_at", recorded_at, datetime.fromisoformat, "an ISO date and time"
        ),
        author,
        numbers,
        note,
    )


def new_defect(title: str, severity: object) -> tuple[str, int]:
    """The title and severity a new defect is written with; StoreError when either is refused."""
    try:
        return check_title(title), check_severity(severity)
    except DefectRefused as exc:
        raise refused(exc) from None


def checked_change(defect: Defect, field: str, value: object) -> object:
    """The value to write for `field` of `defect` (None clears owner, requirement or script); StoreError
    for an unknown field, an impossible status move, a bad severity or an empty title."""
    try:
        if field == "status":
            check_move(defect.number, defect.status, str(value))
            return str(value)
        if field == "severity":
            return check_severity(value)
        if field == "title":
            return check_title(str(value))
        if field in DEFECT_FIELDS:
            text = " ".join(str(value or "").split())
            return text or None
    except DefectRefused as exc:
        raise refused(exc) from None
    from workbench.store.sqlite_store import StoreError

    raise StoreError(
        _("a defect has no field {field!r}; expected one of: {expected}").format(
            field=field, expected=", ".join(DEFECT_FIELDS)
        )
    )


def checked_result(result: str, defects: list[int], known: set[int]) -> str:
    """The result's defects as stored (a JSON list); StoreError for a result other than pass or fail, or a
    defect the log does not hold."""
    from workbench.store.sqlite_store import StoreError

    if result not in RESULTS:
        raise StoreError(_("unknown result {result!r}; expected pass or fail").format(result=result))
    unknown = [n for n in defects if n not in known]
    if unknown:
        raise StoreError(
            _("no defect {ids} in this engagement's log").format(ids=", ".join(f"D-{n}" for n in unknown))
        )
    return json.dumps(sorted(set(defects)))
