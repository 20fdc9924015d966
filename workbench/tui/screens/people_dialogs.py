"""The dialogs of the People section: the HR list to import and what importing it would change, one
person's form, removing a person, and the CRM and user export a people audit reads.

They only collect (all are FormDialogs: a footer with their keys, and Escape asks before throwing away
what was typed); the People screen does the work through the app layer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Select

from workbench.domain.locale import localize_digits
from workbench.domain.people import Person
from workbench.i18n import _, current_language
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.path_suggester import PathSuggester

ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".csv")


def missing_files(paths: list[Path]) -> list[Path]:
    return [p for p in paths if not p.exists()]


class RosterFileDialog(FormDialog[tuple[Path, bool]]):
    """Which HR list to import, and whether it is the whole roster (people it does not list go)."""

    def __init__(self) -> None:
        super().__init__(_("Import a roster"))

    def compose_form(self) -> ComposeResult:
        yield BidiText(_("The client's HR list: an .xlsx or .csv file with a header row."))
        yield Input(id="roster-file", suggester=PathSuggester(files=True), compact=True)
        yield Checkbox(
            visual(_("The file is the whole roster: remove people it does not list")), id="replace"
        )

    def ok_label(self) -> str:
        return _("Preview")

    def is_dirty(self) -> bool:
        return bool(self.query_one("#roster-file", Input).value.strip())

    def submit(self) -> None:
        path = Path(self.query_one("#roster-file", Input).value.strip()).expanduser()
        if not path.is_file():
            self.show_error(_("{file}: no such file; expected the HR list (.xlsx or .csv)").format(file=path))
        elif path.suffix.lower() not in ROSTER_SUFFIXES:
            self.show_error(_("{file} is not an .xlsx or .csv file").format(file=path))
        else:
            self.dismiss((path, self.query_one("#replace", Checkbox).value))


class ImportPreviewDialog(FormDialog[bool]):
    """What the import will change, person by person, before anything is written."""

    def __init__(self, file: Path, lines: list[str]) -> None:
        super().__init__(_("Import {file}?").format(file=file.name))
        self.lines = lines

    def compose_form(self) -> ComposeResult:
        yield BidiText("\n".join(self.lines), id="preview-text")

    def ok_label(self) -> str:
        return _("Import")

    def submit(self) -> None:
        self.dismiss(True)


class RemovePersonDialog(FormDialog[bool]):
    """Asks before a person leaves the roster."""

    def __init__(self, person: Person) -> None:
        super().__init__(_("Remove {name}?").format(name=person.name))
        self.person = person

    def compose_form(self) -> ComposeResult:
        yield BidiText(
            _(
                "{name} ({id}) is taken off the roster; the people audit then treats their accounts as "
                "accounts with no person."
            ).format(name=self.person.name, id=self.person.id)
        )

    def ok_label(self) -> str:
        return _("Remove")

    def submit(self) -> None:
        self.dismiss(True)


FIELDS = ("id", "name", "department", "email", "login")


class PersonDialog(FormDialog[Person]):
    """Add a person (`person` None) or edit one: the id is fixed once on the roster; the designed role is
    one of the playbook's roles and the manager someone on the roster."""

    def __init__(self, person: Person | None, roles: list[tuple[str, str]], people: list[Person]) -> None:
        title = _("Edit {name}").format(name=person.name) if person else _("Add a person")
        super().__init__(title)
        self.person, self.roles, self.people = person, roles, people
        self.initial: tuple = ()

    def compose_form(self) -> ComposeResult:
        person = self.person or Person("", "")
        labels = {
            "id": _("Person id"),
            "name": _("Full name"),
            "department": _("Department"),
            "email": _("E-mail"),
            "login": _("Login"),
        }
        for name in FIELDS[:3]:
            yield Label(visual(labels[name]))
            yield Input(
                getattr(person, name),
                id=f"person-{name}",
                compact=True,
                disabled=name == "id" and self.person is not None,
            )
        yield Label(visual(_("Designed role")))
        role = person.roles[0] if person.roles else Select.NULL
        yield Select(
            [(visual(label), rid) for rid, label in self.roles],
            value=role,
            prompt=_("none"),
            id="person-role",
        )
        yield Label(visual(_("Manager")))
        managers = [(visual(f"{p.name} ({p.id})"), p.id) for p in self.people if p.id != person.id]
        yield Select(managers, value=person.manager or Select.NULL, prompt=_("none"), id="person-manager")
        for name in FIELDS[3:]:
            yield Label(visual(labels[name]))
            yield Input(getattr(person, name), id=f"person-{name}", compact=True)
        yield Checkbox(visual(_("Active (still works for the client)")), person.active, id="person-active")

    def on_mount(self) -> None:
        self.initial = self._values()

    def _values(self) -> tuple:
        inputs = tuple(self.query_one(f"#person-{name}", Input).value.strip() for name in FIELDS)
        role = self.query_one("#person-role", Select).value
        manager = self.query_one("#person-manager", Select).value
        return (*inputs, role, manager, self.query_one("#person-active", Checkbox).value)

    def is_dirty(self) -> bool:
        return self._values() != self.initial

    def drafted(self) -> Person:
        pid, name, department, email, login, role, manager, active = self._values()
        roles = (str(role),) if role != Select.NULL else ()
        manager_id = str(manager) if manager != Select.NULL else ""
        kept = self.person.roles[1:] if self.person else ()
        return Person(pid, name, department, roles + kept, manager_id, active, email, login)

    def submit(self) -> None:
        from workbench.app.roster import person_error

        person = self.drafted()
        error = person_error(person, self.people, adding=self.person is None)
        if error:
            self.show_error(error)
        else:
            self.dismiss(person)


@dataclass(frozen=True)
class AuditRequest:
    target: str
    files: list[Path]


class PeopleAuditDialog(FormDialog[AuditRequest]):
    """Which CRM the user export comes from (the adapters that read users) and its file(s) or folder."""

    def __init__(self, targets: list[str], last: AuditRequest | None = None) -> None:
        super().__init__(_("Audit a CRM's user accounts"))
        self.targets, self.last = targets, last
        self.typed = ""

    def compose_form(self) -> ComposeResult:
        from workbench.crm_adapters.registry import adapter

        yield Label(visual(_("CRM")))
        chosen = self.last.target if self.last else self.targets[0]
        labels = [(visual(adapter(t).label), t) for t in self.targets]
        yield Select(labels, value=chosen, allow_blank=False, id="audit-crm")
        yield BidiText(
            _("The CRM's user export: files separated by {sep}, or a folder of them.").format(sep=" ; ")
        )
        typed = " ; ".join(map(str, self.last.files)) if self.last else ""
        yield Input(typed, id="audit-files", suggester=PathSuggester(files=True), compact=True)

    def ok_label(self) -> str:
        return _("Audit")

    def on_mount(self) -> None:
        self.typed = self.query_one("#audit-files", Input).value

    def is_dirty(self) -> bool:
        return self.query_one("#audit-files", Input).value != self.typed

    def submit(self) -> None:
        text = self.query_one("#audit-files", Input).value
        files = [Path(part.strip()).expanduser() for part in text.split(";") if part.strip()]
        if not files:
            self.show_error(_("Type the user export's file or folder."))
            return
        missing = missing_files(files)
        if missing:
            self.show_error(_("{files}: no such file or folder").format(files=", ".join(map(str, missing))))
            return
        self.dismiss(AuditRequest(str(self.query_one("#audit-crm", Select).value), files))


def preview_lines(change, names: dict[str, str], warnings: list[str]) -> list[str]:
    """The preview dialog's text: the counts, then who is added, updated or removed (by name)."""
    lang = current_language()

    def count(n: int) -> str:
        return localize_digits(str(n), lang)

    out = [
        _("{added} added, {updated} updated, {removed} removed").format(
            added=count(len(change.added)),
            updated=count(len(change.updated)),
            removed=count(len(change.removed)),
        )
    ]
    for heading, ids in (
        (_("Added"), change.added),
        (_("Updated"), change.updated),
        (_("Removed"), change.removed),
    ):
        if ids:
            shown = ", ".join(names.get(pid, pid) for pid in ids[:12])
            more = _(" and {n} more").format(n=count(len(ids) - 12)) if len(ids) > 12 else ""
            out.append(f"{heading}: {shown}{more}")
    if not (change.added or change.updated or change.removed):
        out.append(_("The roster already says what the file says: nothing will change."))
    return out + warnings[:10]
