"""Copying an engagement's state between stores, and checking that every row arrived.

`crmwb store move` reads every table of one engagement from its current store and writes them into
another (SQLite <-> PostgreSQL). The auto-numbered keys (event seq, KPI value id, baseline id) cannot keep
their numbers in a team database, where one numbering is shared by every engagement, so the target numbers
them itself, in the source's order; the only row that names such a key (a `baseline` event's old and new
baseline) is rewritten to the target's numbers.

A table's content hash is computed the same way on both sides: each row as canonical JSON (an
auto-numbered key replaced by its rank in key order, a baseline reference by the referenced baseline's
rank, numbers and NULLs written one way whatever the backend returned), hashed, and the sorted row hashes
hashed again: independent of the order rows come back in and of the backend's types, sensitive to any
lost, duplicated, reordered-in-history or changed row.

The SQLite side lives here; the PostgreSQL side in `workbench/store/postgres/transfer.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from workbench.store.busy import BusyPolicy, begin_immediate, busy_as_store_busy


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    """without the engagement key; an auto-numbered key (if any) first"""
    order: str
    serial: bool = False
    """the first column is auto-numbered by the store"""

    def select(self) -> str:
        return f"SELECT {', '.join(self.columns)} FROM {self.name}"


TABLES: tuple[Table, ...] = (
    Table("tasks", ("id", "phase", "status", "assignee", "due", "archived"), "id"),
    Table("checklist", ("task_id", "item", "done"), "task_id, item"),
    Table("phase_gates", ("phase", "closed_at", "author", "override_reason", "missing"), "phase"),
    Table(
        "baselines",
        ("id", "created_at", "author", "reason", "active", "go_live", "finish", "tasks"),
        "id",
        serial=True,
    ),
    Table(
        "measurements",
        ("id", "kpi_id", "value", "measured_on", "source", "note", "recorded_at", "author"),
        "id",
        serial=True,
    ),
    Table(
        "defects",
        ("number", "title", "severity", "requirement", "script", "status", "owner", "created_at", "author"),
        "number",
    ),
    Table(
        "uat_results",
        ("id", "script", "result", "defects", "note", "recorded_at", "author"),
        "id",
        serial=True,
    ),
    Table("events", ("seq", "task_id", "at", "author", "kind", "old", "new", "note"), "seq", serial=True),
)
"""every table of an engagement's state, in copy order (baselines before the events that name them)"""

BASELINE_KIND = "baseline"
"""events of this kind hold baseline ids in old/new"""


def rewrite_baseline_refs(row: tuple, ids: Mapping[int, object]) -> tuple:
    """An events row with the baseline ids in its old/new replaced through `ids` (other rows as they are)."""
    seq, task_id, at, author, kind, old, new, note = row
    if kind != BASELINE_KIND:
        return row

    def swap(value):
        try:
            return None if value is None else str(ids.get(int(value), value))
        except (TypeError, ValueError):
            return value

    return (seq, task_id, at, author, kind, swap(old), swap(new), note)


def _canonical(value: object) -> object:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"f": value.hex()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"b": bytes(value).hex()}
    return {"s": str(value)}


@dataclass(frozen=True)
class TableSum:
    rows: int
    digest: str


class Digests:
    """Content hashes of one side's tables, computed in TABLES order (baselines before events)."""

    def __init__(self) -> None:
        self.baseline_rank: dict[int, int] = {}

    def table(self, table: Table, rows: Iterable[tuple]) -> TableSum:
        """`rows` in any order; an auto-numbered key counts by its rank among the table's keys."""
        rows = [tuple(row) for row in rows]
        ranks = (
            {key: rank for rank, key in enumerate(sorted(int(r[0]) for r in rows), start=1)}
            if table.serial
            else {}
        )
        if table.name == "baselines":
            self.baseline_rank = ranks
        hashes = []
        for row in rows:
            if table.serial:
                row = (ranks[int(row[0])], *row[1:])
            if table.name == "events":
                row = rewrite_baseline_refs(row, self.baseline_rank)
            text = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
            hashes.append(hashlib.sha256(text.encode()).digest())
        hashes.sort()
        return TableSum(len(hashes), hashlib.sha256(b"".join(hashes)).hexdigest())


class Source(Protocol):
    where: str

    def rows(self, table: Table) -> list[tuple]: ...

    def close(self) -> None: ...


class Target(Protocol):
    where: str

    def prepare(self) -> None:
        """Create the schema (the same migrations as every store of that kind)."""

    def begin_copy(self) -> dict[str, int]:
        """Start the copy; the rows of this engagement the target holds already (then nothing is copied)."""

    def insert(self, table: Table, rows: list[tuple]) -> dict[int, int]:
        """Write `rows` (source keys in the first column of a serial table); returns source key ->
        target key for baselines."""

    def commit(self) -> None: ...

    def read_back(self, table: Table) -> list[tuple]: ...

    def discard(self) -> None:
        """Remove what this move wrote (only that), after a failure."""

    def close(self) -> None: ...


# ---- SQLite
def sqlite_rows(conn: sqlite3.Connection, table: Table) -> list[tuple]:
    return conn.execute(f"{table.select()} ORDER BY {table.order}").fetchall()


def sqlite_counts(path: Path) -> dict[str, int]:
    """Rows per table in the state.db at `path` (tables it does not have yet count 0)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {
            t.name: conn.execute(f"SELECT COUNT(*) FROM {t.name}").fetchone()[0]
            for t in TABLES
            if t.name in names
        }
    finally:
        conn.close()


class SQLiteSource:
    """The engagement's state.db, read under its write lock (held until close), so no other program
    commits a change between the copy and the switch."""

    def __init__(self, path: Path, busy: BusyPolicy | None = None):
        self.path = Path(path)
        self.where = str(self.path)
        with busy_as_store_busy(self.path):
            self.conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=(busy or BusyPolicy()).timeout
            )
        try:
            begin_immediate(self.conn, busy or BusyPolicy.command_line(), self.path)
        except BaseException:
            self.conn.close()
            raise

    def rows(self, table: Table) -> list[tuple]:
        return sqlite_rows(self.conn, table)

    def close(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # nothing was written: the lock is given back
        finally:
            self.conn.close()


class SQLiteTarget:
    """A new state.db, built beside engagement.yaml under a temporary name and put in place as state.db
    only at the switch (`install`): a move that stops half-way leaves no state.db that was never whole."""

    def __init__(self, path: Path, stamp: str):
        self.path = Path(path)
        self.where = str(self.path)
        self.building = self.path.with_name(f"{self.path.name}.moving-{stamp}")
        self.conn: sqlite3.Connection | None = None
        self.installed = False

    def held_rows(self) -> dict[str, int]:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return {}
        return {name: n for name, n in sqlite_counts(self.path).items() if n}

    def prepare(self) -> None:
        from workbench.store.sqlite_store import SQLiteStore

        SQLiteStore(self.building).close()  # the schema, through the same migrations as every state.db

    def begin_copy(self) -> dict[str, int]:
        held = self.held_rows()
        if not held:
            self.conn = sqlite3.connect(self.building, isolation_level=None)
            self.conn.execute("BEGIN IMMEDIATE")
        return held

    def insert(self, table: Table, rows: list[tuple]) -> dict[int, int]:
        assert self.conn is not None
        ids: dict[int, int] = {}
        if table.serial:  # numbered 1..n in the source's order, as a state.db of its own would be
            ids = {int(row[0]): rank for rank, row in enumerate(rows, start=1)}
            rows = [(ids[int(row[0])], *row[1:]) for row in rows]
        marks = ", ".join("?" * len(table.columns))
        self.conn.executemany(f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})", rows)
        return ids if table.name == "baselines" else {}

    def commit(self) -> None:
        assert self.conn is not None
        self.conn.execute("COMMIT")
        self.conn.close()
        self.conn = None
        with open(self.building, "rb+") as handle:
            os.fsync(handle.fileno())

    def read_back(self, table: Table) -> list[tuple]:
        conn = sqlite3.connect(self.building)
        try:
            return sqlite_rows(conn, table)
        finally:
            conn.close()

    def install(self) -> None:
        """Put the built file in place as state.db (refused if one appeared meanwhile)."""
        if self.path.exists():
            raise FileExistsError(self.path)
        os.replace(self.building, self.path)
        self.installed = True
        _sync_folder(self.path.parent)

    def discard(self) -> None:
        self.close()
        paths = [self.building] + ([self.path] if self.installed else [])
        for base in paths:
            for path in (base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")):
                path.unlink(missing_ok=True)
        self.installed = False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _sync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # pragma: no cover - Windows
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
