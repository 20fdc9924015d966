"""People-recertification checklists read back: each manager's decisions, located at their cell.

Column titles and decision words are recognised in English, Persian and Russian, so a checklist written
in one language reads back wherever it is run. The workbook's budget is checked before openpyxl opens it
(loading/archive.py); a damaged file is one located problem, never an exception.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from workbench.domain.people_recertify import DECISIONS, PersonDecision
from workbench.domain.problems import Problem
from workbench.domain.vocabulary import decision_label, reading_back
from workbench.i18n import _, gettext_in
from workbench.languages import LANGUAGES
from workbench.loading.archive import ArchiveError, open_workbook

TITLES = {
    "person": "Person",
    "account": "Account",
    "role": "Role",
    "decision": "Decision",
    "new_role": "New role",
    "comment": "Comment",
}
REQUIRED = ("account", "role", "decision")
MANAGER_KEYS = tuple(dict.fromkeys(gettext_in(lang, "Manager") for lang in LANGUAGES))
DAMAGED = (
    SyntaxError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    EOFError,
    OSError,
    zipfile.BadZipFile,
    zlib.error,
)


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _columns(row: tuple) -> dict[str, int]:
    titles = {gettext_in(lang, title).casefold(): key for key, title in TITLES.items() for lang in LANGUAGES}
    found: dict[str, int] = {}
    for i, value in enumerate(row):
        key = titles.get(_text(value).casefold())
        if key and key not in found:
            found[key] = i
    return found


def _manager(wb) -> str:
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
            if row and _text(row[0]) in MANAGER_KEYS:
                return _text(row[1] if len(row) > 1 else None)
    return ""


def _rows(wb, file: str, roles: set[str], problems: list[Problem]) -> list[PersonDecision]:
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    columns = _columns(next(rows, ()) or ())
    if any(key not in columns for key in REQUIRED):
        problems.append(
            Problem(
                _("no review table: expected a first sheet with the columns {columns}").format(
                    columns=", ".join(TITLES[k] for k in REQUIRED)
                ),
                file=file,
                line=1,
                column=1,
                code="no-table",
            )
        )
        return []
    manager = _manager(wb)
    words = reading_back(decision_label, DECISIONS)
    out = []

    def get(row: tuple, key: str) -> str:
        i = columns.get(key)
        return _text(row[i]) if i is not None and i < len(row) else ""

    for number, row in enumerate(rows, start=2):
        account, role = get(row, "account"), get(row, "role")
        if not (account or role):
            continue
        raw = get(row, "decision").casefold()
        decision = words.get(raw, raw)
        new_role = get(row, "new_role")
        if raw and decision not in DECISIONS:
            problems.append(
                Problem(
                    _("decision {value!r}; expected one of: {values}").format(
                        value=raw, values=", ".join(decision_label(d) for d in DECISIONS)
                    ),
                    file=file,
                    line=number,
                    column=columns["decision"] + 1,
                    code="checklist",
                )
            )
            continue
        if new_role and new_role not in roles:
            problems.append(
                Problem(
                    _("new role {value!r} is not a role of the design; expected one of: {roles}").format(
                        value=new_role, roles=", ".join(sorted(roles))
                    ),
                    file=file,
                    line=number,
                    column=columns.get("new_role", 0) + 1,
                    code="checklist",
                )
            )
            continue
        out.append(
            PersonDecision(
                manager,
                get(row, "person"),
                account,
                role,
                decision,
                new_role,
                get(row, "comment"),
                file,
                number,
            )
        )
    return out


def read_people_checklist(path: Path, roles: set[str]) -> tuple[list[PersonDecision], list[Problem]]:
    """The decisions of one manager's checklist; `roles` are the design's role ids (for New role)."""
    from openpyxl import load_workbook

    problems: list[Problem] = []
    try:
        with open_workbook(path, _("not an xlsx workbook")) as handle:
            wb = load_workbook(handle, read_only=True, data_only=True)
            try:
                return _rows(wb, str(path), roles, problems), problems
            finally:
                wb.close()
    except ArchiveError as exc:
        problems.append(
            Problem(
                _("cannot read the checklist: {reason}").format(reason=exc.message),
                file=exc.file,
                code=exc.code,
            )
        )
    except DAMAGED as exc:
        problems.append(
            Problem(
                _("cannot read the checklist: {reason}").format(reason=exc), file=str(path), code="unreadable"
            )
        )
    return [], problems
