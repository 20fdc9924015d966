"""Import a CRM activity export: the file (completed as typed) and the day of the export, a preview of
every adoption KPI value the import will record (per value: KPI, value, target, on track, day; and what
each role group entered), then Record. The preview comes from app.activity_import, the code
`crmwb import-activity` runs, in a worker; the dialog returns the preview and whoever pushed it records
exactly that. A file the import refuses is shown with its located problems, as the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Label

from workbench.app.activity_import import ActivityPreview
from workbench.domain.locale import format_number, format_short_date
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement


@dataclass(frozen=True)
class _Previewed:
    inputs: tuple[str, str]
    preview: ActivityPreview | None
    error: str | None


class ActivityImportDialog(FormDialog[ActivityPreview | None]):
    HELP = N_(
        "Import a CRM export of users and their activity: the adoption KPIs it gives are previewed, "
        "then recorded for the day of the export."
    )
    box_classes = "dialog-box wide activity-box"
    DEFAULT_CSS = """
    ActivityImportDialog #activity-table { height: auto; max-height: 12; margin: 1 0 0 0; }
    ActivityImportDialog #activity-summary { margin: 1 0 0 0; }
    """

    def __init__(self, opened: OpenEngagement, today: date) -> None:
        super().__init__(_("Import activity"))
        self.opened, self.today = opened, today
        self.initial_date = format_short_date(today, current_language())
        self.previewed: _Previewed | None = None

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Activity export (CSV)")))
        yield Input(
            placeholder=visual(_("the CRM's export of users and their activity")),
            id="activity-file",
            suggester=PathSuggester(files=True),
            compact=True,
        )
        yield Label(visual(_("Day of the export")))
        yield Input(self.initial_date, id="activity-date", compact=True)
        yield BidiText(id="activity-summary", classes="dialog-text")
        yield DataTable(id="activity-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in (_("KPI"), _("Value"), _("Target"), _("Status"), _("Day")):
            table.add_column(visual(label))
        table.display = False
        self.query_one("#activity-file", Input).focus()

    def ok_label(self) -> str:
        return _("Record")

    def _inputs(self) -> tuple[str, str]:
        return (
            self.query_one("#activity-file", Input).value.strip(),
            self.query_one("#activity-date", Input).value.strip(),
        )

    def is_dirty(self) -> bool:
        file, day = self._inputs()
        return bool(file) or day != self.initial_date

    @property
    def preview(self) -> ActivityPreview | None:
        current = self.previewed
        return current.preview if current and current.inputs == self._inputs() else None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.show_preview()

    def submit(self) -> None:
        preview = self.preview
        if preview is not None and preview.done:
            self.dismiss(preview)
        elif preview is not None:
            self.show_error(_("no adoption KPI could be computed; nothing was recorded"))
        else:
            self.show_preview(then_say=_("Check the preview, then press Record again."))

    def show_preview(self, then_say: str = "") -> None:
        from workbench.domain.date_input import DateInputError, parse_day

        file, day = self._inputs()
        if not file:
            self.show_error(_("Type the path of the activity export."))
            return
        try:
            as_of = parse_day(day, current_language()) if day else self.today
        except DateInputError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.query_one("#activity-summary", BidiText).update(_("Reading {file}…").format(file=file))
        self._build((file, day), Path(file).expanduser(), as_of, then_say)

    @work(
        thread=True,
        exclusive=True,
        group="activity-preview",
        exit_on_error=False,
        description="activity preview",
    )
    def _build(self, inputs: tuple[str, str], file: Path, as_of: date, then_say: str) -> None:
        from workbench.app.activity_import import ActivityImportError, ActivityRequest, preview_activity

        try:
            preview = preview_activity(self.opened, ActivityRequest(file, as_of), self.today)
        except ActivityImportError as exc:
            lines = [str(p) for p in exc.problems] + [str(exc)]
            self.app.call_from_thread(self._built, _Previewed(inputs, None, "\n".join(lines)), "")
            return
        self.app.call_from_thread(self._built, _Previewed(inputs, preview, None), then_say)

    def _built(self, previewed: _Previewed, then_say: str) -> None:
        self.previewed = previewed
        table = self.query_one(DataTable)
        table.clear()
        preview = previewed.preview
        table.display = bool(preview and preview.done)
        if preview is None:
            self.query_one("#activity-summary", BidiText).update("")
            self.show_error(previewed.error or "")
            return
        for row in preview_rows(preview):
            table.add_row(*(visual(cell) for cell in row))
        self.query_one("#activity-summary", BidiText).update("\n".join(summary_lines(preview)))
        if not preview.done:
            self.show_error(_("no adoption KPI could be computed; nothing was recorded"))
        else:
            self.show_error(then_say)


def preview_rows(preview: ActivityPreview) -> list[tuple[str, str, str, str, str]]:
    """One row per value the import records: KPI, value, target, on track, day."""
    from workbench.app.activity_import import on_track
    from workbench.domain.adoption import format_value, target_label
    from workbench.domain.text import tr

    lang = current_language()
    return [
        (
            tr(r.kpi.name, lang),
            format_value(r.value, r.kpi.unit, lang),
            target_label(r.kpi, lang),
            _("on track") if on_track(r) else _("off track"),
            format_short_date(preview.as_of, lang),
        )
        for r in preview.done
    ]


def summary_lines(preview: ActivityPreview) -> list[str]:
    """The users read, what each role group entered, the roles in no group and what was not computed."""
    from workbench.app.activity_import import records_entered
    from workbench.domain.text import tr

    lang = current_language()
    activity, measures = preview.activity, preview.measures
    lines = [
        ngettext("{file}: {n} user ({encoding})", "{file}: {n} users ({encoding})", activity.users).format(
            file=activity.path.name, n=format_number(activity.users, lang), encoding=activity.encoding
        )
    ]
    for group, counts in sorted(measures.by_group.items()):
        entered = records_entered(counts, lambda n: format_number(n, lang))
        lines.append(
            _("entered by {group}: {records}").format(
                group=preview.group_names.get(group, group), records=entered
            )
        )
    if measures.unmatched:
        lines.append(
            _("roles in no group (counted as users only): {roles}").format(
                roles=", ".join(measures.unmatched)
            )
        )
    lines += [_("not computed: {kpi}").format(kpi=tr(r.kpi.name, lang)) for r in preview.not_computed]
    return lines
