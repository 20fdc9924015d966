"""The one way roster.yaml is written: under the engagement folder's lock, read again, merged, atomic.

The roster sits beside engagement.yaml as plain YAML (a consultant can read and hand-edit it, and it
travels with the folder like the answers do). An import is an upsert by person id onto the roster *as it
is under the lock*, so a hand edit or another import made meanwhile is kept: people the file does not
name stay, unless `replace` says the file is the whole roster now. The file is written atomically with a
`revision` counting its writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench.domain.people import Person
from workbench.domain.problems import Problem
from workbench.loading.roster import ROSTER_FILE, read_roster
from workbench.store.file_lock import folder_lock
from workbench.writers.atomic import write_text_atomic


@dataclass
class RosterSave:
    people: list[Person]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """problems of the roster.yaml found under the lock: nothing was written"""

    @property
    def written(self) -> bool:
        return not self.problems and bool(self.added or self.updated or self.removed)


def _revision(path: Path) -> int:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    except (OSError, yaml.YAMLError, UnicodeError):
        return 0
    value = doc.get("revision") if isinstance(doc, dict) else None
    return value if isinstance(value, int) else 0


def dump(people: list[Person], revision: int) -> str:
    doc = {"revision": revision, "people": [p.to_dict() for p in people]}
    header = "# The engagement's people: written by `crmwb roster DIR import`; hand edits are kept.\n"
    return header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110)


def merged(current: list[Person], imported: list[Person], replace: bool = False) -> RosterSave:
    """The roster `current` becomes with `imported` upserted by person id (and, with `replace`, the
    people it does not name removed): what an import would change, without writing it (the TUI's
    preview and `save_roster` both use it, so the preview is what the import does)."""
    by_id = {p.id: p for p in current}
    result = RosterSave([])
    for person in imported:
        old = by_id.get(person.id)
        if old is None:
            result.added.append(person.id)
        elif old.to_dict() != person.to_dict():
            result.updated.append(person.id)
        by_id[person.id] = person
    if replace:
        names = {p.id for p in imported}
        result.removed = [pid for pid in by_id if pid not in names]
        for pid in result.removed:
            del by_id[pid]
    result.people = list(by_id.values())
    return result


def save_roster(folder: Path, imported: list[Person], replace: bool = False) -> RosterSave:
    """Merge `imported` into the roster under the folder lock and write it atomically."""
    path = folder / ROSTER_FILE
    with folder_lock(folder):
        current, problems = read_roster(folder)
        if any(p.severity == "error" for p in problems):
            return RosterSave(current, problems=problems)
        result = merged(current, imported, replace)
        if result.written:
            write_text_atomic(path, dump(result.people, _revision(path) + 1))
        return result


def remove_people(folder: Path, ids: list[str]) -> RosterSave:
    """Take the people `ids` off the roster as it is under the folder lock (an import or a hand edit made
    meanwhile is kept); nothing is written when none of them is on it."""
    path = folder / ROSTER_FILE
    with folder_lock(folder):
        current, problems = read_roster(folder)
        if any(p.severity == "error" for p in problems):
            return RosterSave(current, problems=problems)
        gone = set(ids)
        result = RosterSave([p for p in current if p.id not in gone])
        result.removed = [p.id for p in current if p.id in gone]
        if result.written:
            write_text_atomic(path, dump(result.people, _revision(path) + 1))
        return result
