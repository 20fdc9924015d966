"""Read a returned recertification checklist back as decisions, with every problem located (file, row,
column).

Reviewers sort, filter, add sheets or retype values in another case, so columns are found by their header
text and values are compared case-insensitively; the reviewer comes from the About sheet. A file that is
not a workbook, or has no checklist table, is one located error, never a traceback. openpyxl is imported
only here, when a checklist is read.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain.access import ACTIONS, SCOPES
from workbench.domain.problems import Problem
from workbench.domain.recertify import DECISIONS
from workbench.domain.recertify_decisions import COLUMNS, Decision
from workbench.domain.vocabulary import action_label, decision_label, reading_back, scope_label
from workbench.i18n import _, gettext_in
from workbench.languages import LANGUAGES
from workbench.loading.archive import ArchiveError, open_workbook

HEADER_SCAN_ROWS = 10
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
"""what openpyxl raises on a sheet it cannot read (XML parse errors of ElementTree and lxml are
SyntaxErrors)"""
REQUIRED = ("role", "object", "action", "scope", "decision")


@dataclass
class Checklist:
    path: Path
    reviewer: str
    about: dict[str, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheet: str = field(default="", repr=False)
    """the sheet being read, to name it when it turns out to be damaged"""


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


ABOUT_SHEETS = tuple(dict.fromkeys(gettext_in(lang, "About") for lang in LANGUAGES))
REVIEWER_KEYS = tuple(dict.fromkeys(gettext_in(lang, "Reviewer") for lang in LANGUAGES))


def _columns(row: tuple) -> dict[str, int]:
    """Column titles in any of our languages: a checklist written in Persian reads back anywhere."""
    titles = {gettext_in(lang, title).casefold(): key for key, title in COLUMNS for lang in LANGUAGES}
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        key = titles.get(_text(value).casefold())
        if key and key not in found:
            found[key] = index
    return found


def read_checklist(path: Path) -> Checklist:
    """Decisions of one checklist; problems located at the cell (line = row, column = column)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    out = Checklist(path, "")
    try:
        with open_workbook(path, _("not an xlsx workbook")) as handle:
            try:
                wb = load_workbook(handle, read_only=True, data_only=True)
            except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not an xlsx workbook"
                out.problems.append(
                    Problem(f"cannot read the checklist: {reason}", file=str(path), code="unreadable")
                )
                return out
            try:
                _read_about(wb, out)
                _read_rows(wb, out)
            except DAMAGED as exc:  # a damaged sheet inside an intact zip (cut XML, bad cell values)
                out.problems.append(
                    Problem(
                        _(
                            "cannot read the checklist: sheet {sheet!r} is damaged ({kind}: "
                            "{reason}); expected a workbook saved by Excel or LibreOffice"
                        ).format(sheet=out.sheet, kind=type(exc).__name__, reason=exc),
                        file=str(path),
                        code="unreadable",
                    )
                )
            finally:
                wb.close()
    except ArchiveError as exc:
        out.problems.append(
            Problem(
                _("cannot read the checklist: {reason}").format(reason=exc.message),
                file=exc.file,
                code=exc.code,
            )
        )
    return out


def _read_about(wb, out: Checklist) -> None:
    sheet = next((name for name in ABOUT_SHEETS if name in wb.sheetnames), None)
    if sheet is not None:
        out.sheet = sheet
        for row in wb[sheet].iter_rows(min_row=1, max_row=30, max_col=2, values_only=True):
            if row and row[0] is not None:
                out.about[_text(row[0])] = _text(row[1] if len(row) > 1 else None)
    out.reviewer = next((out.about[key] for key in REVIEWER_KEYS if out.about.get(key)), "")


def _read_rows(wb, out: Checklist) -> None:
    for ws in wb.worksheets:
        out.sheet = ws.title
        rows = ws.iter_rows(values_only=True)
        for number, row in enumerate(rows, start=1):
            if number > HEADER_SCAN_ROWS:
                break
            columns = _columns(row or ())
            if all(key in columns for key in REQUIRED):
                _decisions(out, enumerate(rows, start=number + 1), columns)
                return
    out.problems.append(
        Problem(
            "no checklist table: expected a sheet with the columns "
            + ", ".join(title for key, title in COLUMNS if key in REQUIRED),
            file=str(out.path),
            code="no-table",
        )
    )


def _decisions(out: Checklist, rows, columns: dict[str, int]) -> None:
    file = str(out.path)

    def get(row: tuple, key: str) -> str:
        index = columns.get(key)
        return _text(row[index]) if index is not None and index < len(row) else ""

    actions, scopes = reading_back(action_label, ACTIONS), reading_back(scope_label, SCOPES)
    decisions = reading_back(decision_label, DECISIONS)
    for number, row in rows:
        role, obj, action = get(row, "role"), get(row, "object"), get(row, "action").casefold()
        action = actions.get(action, action)
        if not (role or obj or action):
            continue
        decision_col = columns["decision"] + 1
        if action not in ACTIONS:
            out.problems.append(
                Problem(
                    f"action {action!r}; expected one of: {', '.join(ACTIONS)}",
                    (),
                    file,
                    number,
                    columns["action"] + 1,
                    code="checklist",
                )
            )
            continue
        scope = get(row, "scope").casefold()
        scope = scopes.get(scope, scope)
        decision = get(row, "decision").casefold() or None
        decision = decisions.get(decision, decision) if decision else None
        new_scope = get(row, "new_scope").casefold() or None
        new_scope = scopes.get(new_scope, new_scope) if new_scope else None
        if new_scope is not None and new_scope not in SCOPES:
            out.problems.append(
                Problem(
                    f"new scope {new_scope!r}; expected one of: {', '.join(SCOPES)}",
                    (),
                    file,
                    number,
                    columns.get("new_scope", 0) + 1,
                    code="checklist",
                )
            )
            continue
        if decision == "change" and new_scope == "none":
            decision, new_scope = "revoke", None
        out.decisions.append(
            Decision(
                role,
                obj,
                action,
                scope,
                decision,
                new_scope,
                get(row, "comment"),
                out.reviewer or "?",
                file,
                number,
                decision_col,
            )
        )
