"""The PostgreSQL side of `crmwb store move` (see workbench/store/transfer.py for the tables and hashes).

As a source, the engagement's rows are read holding its advisory write lock (every writer takes it), so
nothing changes them between the copy and the switch. As a target, every table is written in one
transaction that first takes the same lock and checks that the database holds no row of this engagement
yet; the auto-numbered keys are the database's own, given in the source's order.
"""

from __future__ import annotations

from workbench.i18n import _
from workbench.store.busy import BusyPolicy
from workbench.store.postgres.address import SCHEMA, check_address, import_psycopg, redacted
from workbench.store.postgres.schema import migrate
from workbench.store.postgres.store import WRITE_LOCK_CLASS
from workbench.store.sqlite_store import StoreError
from workbench.store.transfer import TABLES, Table


def _connect(address: str):
    psycopg = import_psycopg()
    params = check_address(address)
    params.setdefault("connect_timeout", "10")
    params["options"] = (params.get("options", "") + f" -c search_path={SCHEMA}").strip()
    try:
        return psycopg.connect(**params)
    except psycopg.OperationalError as exc:
        raise StoreError(
            _("cannot reach the team store at {address}: {reason}").format(
                address=redacted(address), reason=str(exc).strip()
            )
        ) from None


def _lock(conn, engagement: str, busy: BusyPolicy) -> None:
    from workbench.store.base import StoreBusy

    psycopg = import_psycopg()
    conn.execute(f"SET LOCAL lock_timeout = {max(1, int(busy.timeout * 1000 * (busy.retries + 1)))}")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (WRITE_LOCK_CLASS, engagement))
    except psycopg.errors.LockNotAvailable:
        raise StoreBusy(
            _("{path}: another program is writing to this engagement; retry in a moment").format(
                path=f"{redacted(conn.info.dsn)}#{engagement}"
            )
        ) from None
    conn.execute("SET LOCAL lock_timeout = 0")


def _rows(conn, engagement: str, table: Table) -> list[tuple]:
    return conn.execute(
        f"{table.select()} WHERE engagement = %s ORDER BY {table.order}", (engagement,)
    ).fetchall()


def _counts(conn, engagement: str) -> dict[str, int]:
    if conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.tasks",)).fetchone()[0] is None:
        return {}
    found = {}
    for table in TABLES:
        n = conn.execute(
            f"SELECT COUNT(*) FROM {table.name} WHERE engagement = %s", (engagement,)
        ).fetchone()[0]
        if n:
            found[table.name] = int(n)
    return found


class PostgresSource:
    """One engagement's rows in a team database, read under its write lock (held until close)."""

    def __init__(self, address: str, engagement: str, busy: BusyPolicy | None = None):
        self.engagement = engagement
        self.where = f"{redacted(address)}#{engagement}"
        self.conn = _connect(address)
        try:
            _lock(self.conn, engagement, busy or BusyPolicy.command_line())
        except BaseException:
            self.conn.close()
            raise

    def rows(self, table: Table) -> list[tuple]:
        return _rows(self.conn, self.engagement, table)

    def close(self) -> None:
        try:
            self.conn.rollback()  # read only: the lock is given back
        finally:
            self.conn.close()


class PostgresTarget:
    """A team database receiving one engagement."""

    def __init__(self, address: str, engagement: str, busy: BusyPolicy | None = None):
        self.address = address
        self.engagement = engagement
        self.busy = busy or BusyPolicy.command_line()
        self.where = f"{redacted(address)}#{engagement}"
        self.conn = _connect(address)
        self.committed = False
        self.registered = False

    def held_rows(self) -> dict[str, int]:
        with self.conn.transaction():
            return _counts(self.conn, self.engagement)

    def prepare(self) -> None:
        self.conn.autocommit = True
        migrate(self.conn)
        self.conn.autocommit = False

    def begin_copy(self) -> dict[str, int]:
        """Open the copy transaction holding the engagement's lock; what it holds already (must be {})."""
        _lock(self.conn, self.engagement, self.busy)
        held = _counts(self.conn, self.engagement)
        if not held:
            from workbench.store.sqlite_store import _now

            self.registered = (
                self.conn.execute(
                    "INSERT INTO engagements (id, created_at) VALUES (%s, %s)"
                    " ON CONFLICT DO NOTHING RETURNING id",
                    (self.engagement, _now()),
                ).fetchone()
                is not None
            )
        return held

    def insert(self, table: Table, rows: list[tuple]) -> dict[int, int]:
        columns = table.columns[1:] if table.serial else table.columns
        names = ", ".join(("engagement", *columns))
        if table.name == "baselines":
            ids = {}
            marks = ", ".join(["%s"] * (len(columns) + 1))
            for row in rows:
                ids[int(row[0])] = self.conn.execute(
                    f"INSERT INTO baselines ({names}) VALUES ({marks}) RETURNING id",
                    (self.engagement, *row[1:]),
                ).fetchone()[0]
            return ids
        with self.conn.cursor() as cur, cur.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:  # in the source's order: the identity numbers follow it
                copy.write_row((self.engagement, *(row[1:] if table.serial else row)))
        return {}

    def commit(self) -> None:
        self.conn.commit()
        self.committed = True

    def read_back(self, table: Table) -> list[tuple]:
        conn = _connect(self.address)  # a fresh session: what any other program now sees
        try:
            return _rows(conn, self.engagement, table)
        finally:
            conn.close()

    def discard(self) -> None:
        """Roll back an open copy; delete a committed one (only this move's rows: the engagement had none)."""
        self.conn.rollback()
        if not self.committed:
            return
        with self.conn.transaction():
            _lock(self.conn, self.engagement, self.busy)
            for table in reversed(TABLES):
                self.conn.execute(f"DELETE FROM {table.name} WHERE engagement = %s", (self.engagement,))
            if self.registered:
                self.conn.execute("DELETE FROM engagements WHERE id = %s", (self.engagement,))
        self.committed = False

    def close(self) -> None:
        self.conn.close()
