"""The UAT workbook: the scripts the key users run, the traceability from requirement to script to result
to defects, and the defect log, in the engagement's language (Persian sheets right to left, Persian digits,
Solar Hijri dates).

The Result column is where a tester writes the outcome on paper-and-screen sessions (a drop-down of the
two results); what is already recorded in the engagement is filled in, so the workbook printed on the
morning of a retest shows what is still open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.worksheet.datavalidation import DataValidation

from workbench.domain.defects import SEVERITY_LABELS, STATUS_LABELS, Defect
from workbench.domain.locale import localize_digits
from workbench.domain.rfp_pack import priority_label
from workbench.domain.uat import UatResult, UatScript, scripts_for
from workbench.i18n import N_, _, current_language
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.spreadsheet import finish_table, header, put, put_date
from workbench.writers.xlsx_style import first_sheet, right_to_left, workbook

FILE_NAME = "uat.xlsx"
RESULT_LABELS = {"pass": N_("Pass"), "fail": N_("Fail")}
SCRIPT_COLUMNS = (
    N_("Script"),
    N_("Requirement"),
    N_("Priority"),
    N_("Module"),
    N_("Title"),
    N_("Tester"),
    N_("Steps"),
    N_("Expected result"),
    N_("Test data"),
    N_("Result"),
    N_("Defects"),
    N_("Tested by"),
    N_("Date"),
)
SCRIPT_WIDTHS = (16, 12, 9, 18, 36, 18, 60, 50, 36, 10, 14, 14, 12)
TRACE_COLUMNS = (
    N_("Requirement"),
    N_("Priority"),
    N_("Script"),
    N_("Result"),
    N_("Defects"),
    N_("Open severity-1/2"),
    N_("Accepted"),
)
TRACE_WIDTHS = (14, 9, 16, 10, 30, 14, 10)
DEFECT_COLUMNS = (
    N_("Defect"),
    N_("Title"),
    N_("Severity"),
    N_("Status"),
    N_("Requirement"),
    N_("Script"),
    N_("Owner"),
    N_("Logged"),
    N_("Logged by"),
)
DEFECT_WIDTHS = (8, 50, 12, 10, 14, 16, 16, 12, 14)
YES, NO = N_("Yes"), N_("No")


@dataclass(frozen=True)
class UatBook:
    client: str
    scripts: list[UatScript]
    results: dict[str, UatResult]
    defects: list[Defect]


def write(book: UatBook, path: Path) -> Path:
    """Write the workbook at `path` (the caller makes it atomic) in the current language."""
    lang = current_language()
    wb = workbook(lang)
    scripts = first_sheet(wb)
    scripts.title = _("UAT scripts")
    _scripts(scripts, book, lang)
    _trace(wb.create_sheet(_("Traceability")), book, lang)
    _defects(wb.create_sheet(_("Defects")), book.defects, lang)
    right_to_left(wb, lang)
    wb.save(path)
    return Path(path)


@in_client_language
def write_export(ctx: ExportContext, folder: Path) -> list[Path]:
    """The export's `uat.xlsx`: from a playbook the blank scripts for the testers; from an engagement the
    results recorded so far and its defect log as well (read by the caller, put on the context)."""
    book = UatBook(ctx.client, scripts_for(ctx.playbook, ctx.lang), ctx.uat_results, ctx.defects)
    out = Path(folder) / FILE_NAME
    with atomic_path(out) as tmp:
        write(book, tmp)
    return [out]


def _numbered(steps: tuple[str, ...], lang: str) -> str:
    return "\n".join(localize_digits(f"{n}. ", lang) + step for n, step in enumerate(steps, start=1))


def _defect_ids(numbers, lang: str) -> str:
    return ", ".join(f"D-{n}" for n in numbers)


def _scripts(ws, book: UatBook, lang: str) -> None:
    header(ws, [_(t) for t in SCRIPT_COLUMNS], SCRIPT_WIDTHS)
    for r, script in enumerate(book.scripts, start=2):
        got = book.results.get(script.id)
        values = (
            script.id,
            script.requirement,
            priority_label(script.priority),
            script.module,
            script.title,
            script.tester_name or script.tester,
            _numbered(script.steps, lang),
            script.expected,
            script.data,
        )
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c > 4, style="top")
        put(
            ws,
            r,
            10,
            _(RESULT_LABELS[got.result]) if got else None,
            style=("input", "good" if got and got.result == "pass" else "bad" if got else "input"),
        )
        put(ws, r, 11, _defect_ids(got.defects, lang) if got else None, style="input")
        put(ws, r, 12, got.author if got else None, style="input")
        put_date(ws, r, 13, got.recorded_at.date() if got else None, lang, style="input")
    shown = [_(label) for label in RESULT_LABELS.values()]
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(shown) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=_("Choose a result"),
        error=_("Choose one of the listed results; log a defect for every failure."),
    )
    ws.add_data_validation(validation)
    validation.add(f"J2:J{max(len(book.scripts) + 1, 2)}")
    finish_table(ws, len(book.scripts), len(SCRIPT_COLUMNS))


def _trace(ws, book: UatBook, lang: str) -> None:
    header(ws, [_(t) for t in TRACE_COLUMNS], TRACE_WIDTHS)
    by_script: dict[str, list[Defect]] = {}
    for defect in book.defects:
        if defect.script:
            by_script.setdefault(defect.script, []).append(defect)
    by_requirement: dict[str, list[Defect]] = {}
    for defect in book.defects:
        if defect.requirement:
            by_requirement.setdefault(defect.requirement, []).append(defect)
    for r, script in enumerate(book.scripts, start=2):
        got = book.results.get(script.id)
        linked = {
            d.number: d for d in by_script.get(script.id, []) + by_requirement.get(script.requirement, [])
        }
        blocking = [d for d in linked.values() if d.blocking]
        accepted = got is not None and got.result == "pass"
        put(ws, r, 1, script.requirement)
        put(ws, r, 2, priority_label(script.priority))
        put(ws, r, 3, script.id)
        put(
            ws,
            r,
            4,
            _(RESULT_LABELS[got.result]) if got else _("Not run"),
            style="good" if accepted else "bad" if got else "muted",
        )
        put(
            ws,
            r,
            5,
            ", ".join(
                f"{d.id} ({_(STATUS_LABELS[d.status])})"
                for d in sorted(linked.values(), key=lambda d: d.number)
            )
            or None,
            wrap=True,
        )
        put(ws, r, 6, ", ".join(d.id for d in blocking) or None, style="bad" if blocking else ())
        put(ws, r, 7, _(YES) if accepted else _(NO), style="good" if accepted else "bad")
    finish_table(ws, len(book.scripts), len(TRACE_COLUMNS))


def _defects(ws, defects: list[Defect], lang: str) -> None:
    header(ws, [_(t) for t in DEFECT_COLUMNS], DEFECT_WIDTHS)
    for r, d in enumerate(defects, start=2):
        values = (
            d.id,
            d.title,
            _(SEVERITY_LABELS[d.severity]),
            _(STATUS_LABELS[d.status]),
            d.requirement,
            d.script,
            d.owner,
        )
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, wrap=c == 2, style="bad" if c == 3 and d.blocking else ())
        put_date(ws, r, 8, d.created_at.date(), lang)
        put(ws, r, 9, d.author)
    finish_table(ws, len(defects), len(DEFECT_COLUMNS))
