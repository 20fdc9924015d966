"""The one way engagement.yaml is written: a locked read-merge-write with a revision.

Every writer (`crmwb new`, `intake`, `diff --apply`, the TUI's intake and RFP edits) passes the values it
started from (`base`) and the values it wants (`mine`). Under the folder's lock the file is read again,
this writer's changes are merged onto what it holds now field by field (so another writer's change, or a
hand edit, made meanwhile is kept), the file is written atomically with `revision` + 1, and the store is
synced to the merged answers while the lock is still held, so the task list follows writes in order.

A field both changed to different values is refused whole (EditConflict, naming the fields): nothing is
written. A store that cannot be synced (busy, damaged) does not undo the saved file: the result says the
answers are saved and the task list is not yet updated; every open re-syncs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.i18n import _
from workbench.store.base import StoreBusy
from workbench.store.engagement import Engagement, EngagementError, is_engagement, read
from workbench.store.file_lock import folder_lock
from workbench.store.merge import MISSING, Conflict, dotted, merge, unflatten
from workbench.store.sqlite_store import StoreError
from workbench.writers.atomic import write_text_atomic

Sync = Callable[[Engagement], Any]


class EditConflict(Exception):
    """The same field was changed by this writer and, meanwhile, by another to a different value."""

    def __init__(self, file: Path, conflicts: list[Conflict]):
        self.file = file
        self.conflicts = conflicts
        self.fields = [dotted(c.field) for c in conflicts]
        parts = [
            _("{field} (yours: {mine}; now in the file: {theirs})").format(
                field=dotted(c.field), mine=_shown(c.mine), theirs=_shown(c.theirs)
            )
            for c in conflicts
        ]
        super().__init__(
            _(
                "{file}: not saved: another program or a hand edit changed the same field(s) "
                "since they were loaded: {fields}; reload and choose the value to keep"
            ).format(file=file, fields="; ".join(parts))
        )


def _shown(value: Any) -> str:
    return "(none)" if value is MISSING or value is None else str(value)


@dataclass
class SaveResult:
    engagement: Engagement
    """the engagement as written (or as found, when nothing changed)"""
    written: bool
    changed: list[str] = field(default_factory=list)
    """fields this writer changed, dotted: answers.sponsor_named"""
    taken: list[str] = field(default_factory=list)
    """fields changed meanwhile by another writer or a hand edit, kept"""
    synced: Any = None
    sync_error: str | None = None

    @property
    def revision(self) -> int:
        return self.engagement.revision

    def merged_note(self) -> str:
        if not self.taken:
            return ""
        return _("Kept what another program or a hand edit changed meanwhile: {fields}.").format(
            fields=", ".join(self.taken)
        )

    def sync_note(self) -> str:
        if self.sync_error is None:
            return ""
        return _(
            "The answers are saved in {file} (revision {revision}); the task list is not updated "
            "yet ({reason}). The next crmwb command on this folder, or opening it again, updates it."
        ).format(file=self.engagement.file, revision=self.revision, reason=self.sync_error)


def _fields(engagement: Engagement) -> dict[str, Any]:
    return {
        "client": engagement.client,
        "playbook": engagement.playbook,
        "playbook_version": engagement.playbook_version,
        "playbook_sha256": engagement.playbook_sha256,
        "start": engagement.start,
        "created": engagement.created,
        "answers": dict(engagement.answers),
        "overrides": dict(engagement.overrides),
        "calendar": dict(engagement.calendar),
        "language": engagement.language,
    }


def _from_fields(folder: Path, data: dict[str, Any], revision: int) -> Engagement:
    return Engagement(
        folder,
        data.get("client", ""),
        data.get("playbook", ""),
        data["start"],
        data.get("answers", {}),
        data.get("playbook_version", ""),
        data.get("playbook_sha256", ""),
        data.get("created", ""),
        data.get("overrides", {}),
        revision,
        data.get("calendar", {}),
        data.get("language", ""),
    )


def _run_sync(result: SaveResult, sync: Sync | None) -> SaveResult:
    if sync is None:
        return result
    try:
        result.synced = sync(result.engagement)
    except (StoreBusy, StoreError, sqlite3.Error, EngagementError, OSError) as exc:
        result.sync_error = str(exc)
    return result


def save_engagement(base: Engagement | None, mine: Engagement, sync: Sync | None = None) -> SaveResult:
    """Merge `mine` (changed from `base`) into engagement.yaml under the folder lock; `base=None` creates
    the file and refuses a folder that already holds one. Raises EditConflict, EngagementError (the file
    as it is now cannot be read), StoreBusy (the lock stayed taken)."""
    folder = Path(mine.folder)
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        if base is None:
            return _create(mine, sync)
        theirs = read(folder)
        outcome = merge(_fields(base), _fields(mine), _fields(theirs))
        if outcome.conflicts:
            raise EditConflict(theirs.file, outcome.conflicts)
        taken = [dotted(f) for f in outcome.taken]
        if not outcome.changed:
            return _run_sync(SaveResult(theirs, False, [], taken), sync)
        written = _from_fields(folder, unflatten(outcome.fields), theirs.revision + 1)
        write_text_atomic(written.file, written.to_yaml())
        return _run_sync(SaveResult(written, True, [dotted(f) for f in outcome.changed], taken), sync)


def _create(mine: Engagement, sync: Sync | None) -> SaveResult:
    """The store first, then engagement.yaml: a folder never shows an engagement without its store. A
    store that cannot be made is an EngagementError and no engagement.yaml is written."""
    folder = Path(mine.folder)
    if is_engagement(folder):
        raise EngagementError([_already(folder)])
    written = replace(mine, revision=1)
    result = _run_sync(SaveResult(written, True, sorted(_fields(mine))), sync)
    if result.sync_error is not None:
        from workbench.domain.problems import Problem

        raise EngagementError([Problem(result.sync_error, file=str(written.store_path))])
    write_text_atomic(written.file, written.to_yaml())
    return result


def _already(folder: Path):
    from workbench.domain.problems import Problem

    return Problem(
        _("{folder} already holds an engagement; open it instead").format(folder=folder),
        file=str(folder / "engagement.yaml"),
    )
