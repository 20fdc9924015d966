"""People: the engagement's roster (person, department, designed role, manager) with the selected person's
details, and the people audit of a CRM's user accounts against it.

Keys: i imports an HR list (a preview of who is added or changed, then confirm; the same use case as
`crmwb roster DIR import`), a adds a person, e edits one, d removes one (asks first), u audits a CRM's
user export (`crmwb people-audit`'s use case, in a worker). Enter on a finding shows its person in the
roster. Every write merges into roster.yaml under the folder lock, so what another program imported
meanwhile is kept; the table is read again after each one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Label

from workbench.app.session import Session
from workbench.domain.locale import localize_digits
from workbench.domain.people import Person
from workbench.domain.text import tr
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.people_findings import PeopleFindings

if TYPE_CHECKING:
    from workbench.app.people_audit import PeopleAuditResult
    from workbench.app.roster import ImportPreview
    from workbench.store.roster import RosterSave
    from workbench.tui.screens.people_dialogs import AuditRequest


class PeopleScreen(WorkbenchScreen):
    SECTION = "people"
    HELP = N_(
        "Keep the client's roster (who they are, their department, designed role and manager) and audit a "
        "CRM's user accounts against it: rights beyond the designed role, toxic combinations, accounts "
        "with no person, leavers still enabled, too many administrators."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i",
            "import_roster",
            N_("Import"),
            id="people.import",
            tooltip=N_("Import an HR list (.xlsx or .csv)"),
        ),
        Binding("a", "add_person", N_("Add"), id="people.add", tooltip=N_("Add a person to the roster")),
        Binding("e", "edit_person", N_("Edit"), id="people.edit", tooltip=N_("Edit the selected person")),
        Binding(
            "d", "remove_person", N_("Remove"), id="people.remove", tooltip=N_("Remove the selected person")
        ),
        Binding(
            "u",
            "audit",
            N_("Audit users"),
            id="people.audit",
            tooltip=N_("Audit a CRM's user export against the roster"),
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.people: list[Person] = []
        self.findings: list = []
        self.last_audit: AuditRequest | None = None

    @property
    def folder(self) -> Path:
        return self.session.folder

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="people-top"):
            yield DataTable(id="people-roster", cursor_type="row", zebra_stripes=True)
            yield BidiText(id="people-detail")
        yield Label(visual(_("People audit")), id="people-findings-title")
        yield PeopleFindings(id="people-findings")

    def on_mount(self) -> None:
        table = self.query_one("#people-roster", DataTable)
        table.add_columns(
            *[visual(_(t)) for t in (N_("Person"), N_("Department"), N_("Designed role"), N_("Manager"))]
        )
        table.styles.width = "1fr"
        self.query_one("#people-top", Horizontal).styles.height = "1fr"
        detail = self.query_one("#people-detail", BidiText)
        detail.styles.width = 34
        detail.styles.padding = (0, 1)
        self.query_one(PeopleFindings).set_findings([], _("No audit yet: press U to audit a CRM's users."))
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        if self.is_mounted:
            self.reload()

    def refresh_data(self) -> None:
        self.reload()

    # ---- the roster
    def role_names(self) -> dict[str, str]:
        lang = current_language()
        return {role.id: tr(role.name, lang) for role in self.session.opened.resolved.roles}

    def reload(self) -> None:
        from workbench.app.roster import roster

        people, problems = roster(self.folder)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            self.show_error(_("The roster cannot be read"), errors[0].message, [str(p) for p in errors])
        self.show_people(people)

    def show_people(self, people: list[Person], select: str | None = None) -> None:
        self.people = people
        names, roles = {p.id: p.name for p in people}, self.role_names()
        table = self.query_one("#people-roster", DataTable)
        keep = select or self.selected_id
        table.clear()
        for p in people:
            table.add_row(
                visual(f"{p.name} ({p.id})"),
                visual(p.department),
                visual(", ".join(roles.get(r, r) for r in p.roles)),
                visual(names.get(p.manager, p.manager)),
                key=p.id,
            )
        if keep in names:
            table.move_cursor(row=table.get_row_index(keep))
        self.show_detail()
        self.refresh_bindings()

    @property
    def selected_id(self) -> str | None:
        table = self.query_one("#people-roster", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @property
    def selected(self) -> Person | None:
        wanted = self.selected_id
        return next((p for p in self.people if p.id == wanted), None)

    @on(DataTable.RowHighlighted, "#people-roster")
    def show_detail(self) -> None:
        person, widget = self.selected, self.query_one("#people-detail", BidiText)
        if person is None:
            widget.update(_("The roster is empty: press I to import an HR list or A to add a person."))
            return
        names, roles = {p.id: p.name for p in self.people}, self.role_names()
        rows = (
            (_("Person id"), person.id),
            (_("Full name"), person.name),
            (_("Department"), person.department),
            (_("Designed role"), ", ".join(roles.get(r, r) for r in person.roles)),
            (_("Manager"), names.get(person.manager, person.manager)),
            (_("Active"), _("yes") if person.active else _("no")),
            (_("E-mail"), person.email),
            (_("Login"), person.login),
        )
        widget.update("\n".join(f"{label}: {value or '—'}" for label, value in rows))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_person", "remove_person") and self.selected is None:
            return None
        return True

    # ---- writes (in a worker: the folder lock may be held by another program for a moment)
    @work(thread=True, group="roster-write", exit_on_error=False, description="roster write")
    def write(self, change: Callable[[], RosterSave], done: str, select: str | None = None) -> None:
        saved = change()
        self.app.call_from_thread(self.written, saved, done, select)

    def written(self, saved: RosterSave, done: str, select: str | None) -> None:
        if saved.problems:
            self.show_error(
                _("Not saved: the roster cannot be read"),
                saved.problems[0].message,
                [str(p) for p in saved.problems],
            )
            return
        self.show_people(saved.people, select)
        self.notify(visual(done), timeout=3)

    def action_import_roster(self) -> None:
        from workbench.tui.screens.people_dialogs import RosterFileDialog

        def chosen(got: tuple[Path, bool] | None) -> None:
            if got is not None:
                self.preview(*got)

        self.app.push_screen(RosterFileDialog(), chosen)

    @work(thread=True, group="roster-preview", exit_on_error=False, description="roster preview")
    def preview(self, file: Path, replace: bool) -> None:
        """Read the HR list away from the screen (a list of thousands takes a moment), then show it."""
        from workbench.app.roster import preview_import

        seen = preview_import(self.folder, file, replace)
        self.app.call_from_thread(self.show_preview, file, replace, seen)

    def show_preview(self, file: Path, replace: bool, seen: ImportPreview) -> None:
        from workbench.tui.screens.people_dialogs import ImportPreviewDialog, preview_lines

        if seen.change is None:
            self.show_error(
                _("{file} cannot be imported").format(file=file.name),
                _("Nothing was imported; correct the file and import it again."),
                [str(p) for p in seen.problems],
            )
            return
        names = {p.id: p.name for p in seen.change.people}
        lines = preview_lines(seen.change, names, [str(p) for p in seen.problems])

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.import_file(file, replace)

        self.app.push_screen(ImportPreviewDialog(file, lines), confirmed)

    def import_file(self, file: Path, replace: bool) -> None:
        from workbench.app.roster import import_people

        pb = self.session.opened.resolved
        self.write(
            lambda: import_people(pb, self.folder, file, replace),
            _("Roster imported from {file}").format(file=file.name),
        )

    def edit(self, person: Person | None) -> None:
        from workbench.app.roster import save_person
        from workbench.tui.screens.people_dialogs import PersonDialog

        def saved(got: Person | None) -> None:
            if got is not None:
                self.write(
                    lambda: save_person(self.folder, got), _("Saved: {name}").format(name=got.name), got.id
                )

        roles = list(self.role_names().items())
        self.app.push_screen(PersonDialog(person, roles, self.people), saved)

    def action_add_person(self) -> None:
        self.edit(None)

    def action_edit_person(self) -> None:
        if self.selected is not None:
            self.edit(self.selected)

    def action_remove_person(self) -> None:
        from workbench.app.roster import remove_person
        from workbench.tui.screens.people_dialogs import RemovePersonDialog

        person = self.selected
        if person is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: remove_person(self.folder, person.id),
                    _("Removed: {name}").format(name=person.name),
                )

        self.app.push_screen(RemovePersonDialog(person), answered)

    # ---- the people audit
    def action_audit(self) -> None:
        from workbench.crm_adapters.registry import user_targets
        from workbench.tui.screens.people_dialogs import PeopleAuditDialog

        def chosen(request: AuditRequest | None) -> None:
            if request is not None:
                self.last_audit = request
                self.query_one(PeopleFindings).set_findings([], _("Auditing…"))
                self.run_audit(request)

        self.app.push_screen(PeopleAuditDialog(list(user_targets()), self.last_audit), chosen)

    @work(thread=True, exclusive=True, group="people-audit", exit_on_error=False, description="people audit")
    def run_audit(self, request: AuditRequest) -> None:
        from workbench.app.design import load_design
        from workbench.app.people_audit import PeopleAuditResult, people_audit

        design, problems = load_design(str(self.folder), None)
        if design is None:
            result = PeopleAuditResult(None, problems)
        else:
            result = people_audit(design.playbook, design.label, self.folder, request.target, request.files)
        self.app.call_from_thread(self.audited, result)

    def audited(self, result: PeopleAuditResult) -> None:
        box = self.query_one(PeopleFindings)
        report = result.report
        if report is None:
            box.set_findings([], _("The audit could not run."))
            self.show_error(
                _("The audit could not run"),
                _("The roster or the user export could not be read."),
                [str(p) for p in result.problems],
            )
            return
        self.findings = list(report.findings)
        box.set_findings(self.findings, _("Clean: every enabled account matches the roster and the design."))
        count = localize_digits(str(len(report.findings)), current_language())
        self.notify(
            visual(ngettext("{n} finding", "{n} findings", len(report.findings)).format(n=count)),
            severity="warning" if report.findings else "information",
            timeout=4,
        )
        if report.findings:
            box.focus()

    @on(PeopleFindings.Chosen)
    def show_person(self, message: PeopleFindings.Chosen) -> None:
        message.stop()
        pid = message.finding.person
        table = self.query_one("#people-roster", DataTable)
        if pid and any(p.id == pid for p in self.people):
            table.move_cursor(row=table.get_row_index(pid))
            table.focus()
        else:
            self.notify(visual(_("This finding names no person of the roster.")), timeout=4)
