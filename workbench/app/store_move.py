"""Move an engagement's state between its own state.db and a team PostgreSQL database, both ways.

The order is what makes a failure harmless: the source is read under its write lock (no other program
commits to it meanwhile) and never written; every table is copied into the target in one transaction;
the target is read back and every table's row count and content hash compared with the source's; only
then is `store:` in engagement.yaml switched, through the same locked save every writer uses. A failure
at any step (connect, create schema, copy a table, verify, switch) removes what this move wrote to the
target and leaves engagement.yaml as it was: the engagement goes on using its source as if nothing
happened.

The source is never deleted: rows in a team database stay there (unused); a state.db is kept beside
engagement.yaml as `state.db.moved-<time>` (renamed, not changed), so that a later move back finds no
state.db in the way. A target that already holds rows of this engagement is refused: two histories are
never mixed.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from workbench.i18n import _
from workbench.store.busy import BusyPolicy
from workbench.store.choose import engagement_id, team_address
from workbench.store.engagement import Engagement, EngagementError, check_store_present, read
from workbench.store.engagement_save import EditConflict, save_engagement
from workbench.store.sqlite_store import StoreError
from workbench.store.transfer import TABLES, Digests, TableSum, rewrite_baseline_refs

SQLITE = "sqlite"
STEPS: tuple[str, ...] = ("connect", "create schema", *(f"copy {t.name}" for t in TABLES), "verify", "switch")
"""the steps of a move, in order; `on_step` hears each one as it starts"""


class MoveRefused(Exception):
    """The move was not started (same store, a target holding this engagement, a bad address);
    nothing was changed."""


class MoveFailed(Exception):
    """A step failed; what the move wrote to the target was removed and engagement.yaml is unchanged."""

    def __init__(self, step: str, reason: str, source: str):
        self.step = step
        self.reason = reason
        super().__init__(
            _(
                "the move stopped at step '{step}': {reason}. Nothing was switched: the "
                "engagement still uses {source}, unchanged"
            ).format(step=step, reason=reason, source=source)
        )


@dataclass
class MoveResult:
    target: str
    """where the state is now (an address without password, or the state.db path)"""
    source: str
    """where the previous state stays (not deleted)"""
    tables: dict[str, TableSum] = field(default_factory=dict)
    set_aside: list[Path] = field(default_factory=list)
    """the previous state.db (and its -wal/-shm), renamed"""


def _expected_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (
        StoreError,
        OSError,
        sqlite3.Error,
        EditConflict,
        EngagementError,
        RuntimeError,
    )
    psycopg = sys.modules.get("psycopg")
    return errors + ((psycopg.Error,) if psycopg is not None else ())


def _shown(address: str | None, engagement: Engagement) -> str:
    if address is None:
        return str(engagement.store_path)
    from workbench.store.postgres.address import redacted

    return redacted(address)


def _wanted(to: str) -> str | None:
    """The target address (None for state.db), checked before anything is opened."""
    to = (to or "").strip()
    if not to:
        raise MoveRefused(_("--to needs a PostgreSQL address (postgresql://host/database) or 'sqlite'"))
    if to.lower() == SQLITE:
        return None
    from workbench.store.postgres.address import check_address

    try:
        check_address(to)
    except StoreError as exc:
        raise MoveRefused(str(exc)) from None
    return to


def _held_message(where: str, held: dict[str, int]) -> str:
    counts = ", ".join(f"{name} {n}" for name, n in held.items())
    return _(
        "{target} already holds rows of this engagement ({counts}); refused: moving there would mix "
        "two histories. Nothing was changed"
    ).format(target=where, counts=counts)


def move_store(
    folder: Path, to: str, busy: BusyPolicy | None = None, on_step: Callable[[str], None] | None = None
) -> MoveResult:
    """Move the state of the engagement in `folder` to `to` (an address, or "sqlite"). Raises MoveRefused
    (nothing started), MoveFailed (a step failed, nothing switched), StoreBusy (the source or target
    stayed locked by another writer), EngagementError (the folder is no usable engagement)."""
    busy = busy or BusyPolicy.command_line()
    engagement = read(Path(folder))
    check_store_present(engagement)
    current, wanted = team_address(engagement), _wanted(to)
    if current == wanted:
        raise MoveRefused(
            _("{folder} keeps its state in {store} already; nothing to move").format(
                folder=engagement.folder, store=_shown(current, engagement)
            )
        )
    eid = engagement_id(engagement)
    source_shown = _shown(current, engagement)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    source = _open_source(engagement, current, eid, busy)
    try:
        result = _copy_verify_switch(
            engagement, source, source_shown, wanted, eid, stamp, busy, on_step or (lambda step: None)
        )
    finally:
        source.close()
    if current is None:
        result.set_aside = _set_aside(engagement.store_path, stamp)
    return result


def _open_source(engagement: Engagement, current: str | None, eid: str, busy: BusyPolicy):
    if current is None:
        from workbench.store.transfer import SQLiteSource

        return SQLiteSource(engagement.store_path, busy)
    from workbench.store.postgres.transfer import PostgresSource

    return PostgresSource(current, eid, busy)


def _open_target(engagement: Engagement, wanted: str | None, eid: str, stamp: str, busy: BusyPolicy):
    if wanted is None:
        from workbench.store.transfer import SQLiteTarget

        return SQLiteTarget(engagement.store_path, stamp)
    from workbench.store.postgres.transfer import PostgresTarget

    return PostgresTarget(wanted, eid, busy)


def _copy_verify_switch(engagement, source, source_shown, wanted, eid, stamp, busy, on_step) -> MoveResult:
    step, target = STEPS[0], None
    try:
        on_step(step)
        target = _open_target(engagement, wanted, eid, stamp, busy)
        step = "create schema"
        on_step(step)
        target.prepare()
        held = target.begin_copy()
        if held:
            raise MoveRefused(_held_message(target.where, held))
        sums: dict[str, TableSum] = {}
        digests, ids = Digests(), dict[int, int]()
        for table in TABLES:
            step = f"copy {table.name}"
            on_step(step)
            rows = source.rows(table)
            sums[table.name] = digests.table(table, rows)
            if table.name == "events":
                rows = [rewrite_baseline_refs(row, ids) for row in rows]
            written = target.insert(table, rows)
            ids = written or ids
        target.commit()
        step = "verify"
        on_step(step)
        _verify(target, sums)
        step = "switch"
        on_step(step)
        if wanted is None:
            target.install()
        save_engagement(engagement, replace(engagement, store=wanted or SQLITE))
    except MoveRefused:
        _discard(target)
        raise
    except _expected_errors() as exc:
        _discard(target)
        raise MoveFailed(step, str(exc) or type(exc).__name__, source_shown) from exc
    except BaseException:
        _discard(target)
        raise
    finally:
        if target is not None:
            target.close()
    shown = _shown(wanted, engagement)
    return MoveResult(shown, source_shown, sums)


def _verify(target, sums: dict[str, TableSum]) -> None:
    back = Digests()
    for table in TABLES:
        found = back.table(table, target.read_back(table))
        expected = sums[table.name]
        if found.rows != expected.rows:
            raise StoreError(
                _("table {table}: rows sent: {expected}, rows arrived: {found}").format(
                    table=table.name, found=found.rows, expected=expected.rows
                )
            )
        if found.digest != expected.digest:
            raise StoreError(
                _(
                    "table {table}: the content that arrived differs from what was sent "
                    "(content hash {found}, expected {expected})"
                ).format(table=table.name, found=found.digest[:12], expected=expected.digest[:12])
            )


def _discard(target) -> None:
    """Remove what the move wrote; a failure here must not hide the one that stopped the move."""
    if target is None:
        return
    try:
        target.discard()
    except Exception:  # noqa: BLE001 - the original failure is the one to report
        pass


def _set_aside(store: Path, stamp: str) -> list[Path]:
    """state.db (with -wal/-shm) renamed to state.db.moved-<time>: kept, unchanged, out of the way."""
    kept = []
    for path in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        if path.exists():
            target = path.with_name(f"{path.name}.moved-{stamp}")
            try:
                path.rename(target)
            except OSError:
                continue  # still there under its own name: reported as such
            kept.append(target)
    return kept
