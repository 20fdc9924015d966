"""The roster use cases the TUI's People screen needs beside `import_roster` (app/people_audit.py, shared
with `crmwb roster DIR import`): what an import would change before it is confirmed, and adding, editing
or removing one person. Every write goes through store/roster.py, under the folder lock onto the roster
as it is then, so an import made by another program meanwhile is kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.people import Person
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem
    from workbench.store.roster import RosterSave


@dataclass
class ImportPreview:
    change: RosterSave | None
    """who would be added, updated (and, with replace, removed); None when the file cannot be imported"""
    problems: list[Problem] = field(default_factory=list)


def preview_import(folder: Path, file: Path, replace: bool = False) -> ImportPreview:
    """Read the HR list and the roster and say what importing it would change; nothing is written."""
    from workbench.loading.roster import read_roster, read_roster_import
    from workbench.store.roster import merged

    imported, problems = read_roster_import(file)
    current, found = read_roster(folder)
    problems += found
    if any(p.severity == "error" for p in problems):
        return ImportPreview(None, problems)
    return ImportPreview(merged(current, imported, replace), problems)


def roster(folder: Path) -> tuple[list[Person], list[Problem]]:
    """The people of roster.yaml as it is now (none before the first import)."""
    from workbench.loading.roster import read_roster

    return read_roster(folder)


def import_people(pb: Playbook | None, folder: Path, file: Path, replace: bool = False) -> RosterSave:
    """`crmwb roster DIR import`'s use case (import_roster), its problems kept on the result when nothing
    could be imported, for an interface that shows one outcome."""
    from workbench.app.people_audit import import_roster
    from workbench.store.roster import RosterSave

    saved, problems = import_roster(pb, folder, file, replace)
    return saved if saved is not None else RosterSave([], problems=problems)


def person_error(person: Person, people: list[Person], adding: bool) -> str | None:
    """Why the form's person cannot be saved onto `people` (the roster as shown), or None."""
    if not person.id or not person.name:
        return _("A person needs an id and a name.")
    if adding and any(p.id == person.id for p in people):
        return _("{id} is already on the roster; expected a new person id.").format(id=person.id)
    if person.manager == person.id:
        return _("A person cannot be their own manager.")
    if person.manager and not any(p.id == person.manager for p in people):
        return _("Manager {id} is not on the roster.").format(id=person.manager)
    return None


def save_person(folder: Path, person: Person) -> RosterSave:
    """Add the person or replace the one with their id, merged into roster.yaml under the folder lock."""
    from workbench.store.roster import save_roster

    return save_roster(folder, [person])


def remove_person(folder: Path, person_id: str) -> RosterSave:
    """Take one person off roster.yaml, under the folder lock."""
    from workbench.store.roster import remove_people

    return remove_people(folder, [person_id])
