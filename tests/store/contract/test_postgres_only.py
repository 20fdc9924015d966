"""What only the team store has: addresses without passwords, the editor and viewer roles enforced by
PostgreSQL itself, its schema migrated from every earlier version, a clear word when psycopg is missing."""

from __future__ import annotations

import sys
import uuid
from datetime import date

import psycopg
import pytest

from workbench.domain.tracking import Measurement
from workbench.store.migrations import LATEST, render, statements
from workbench.store.postgres import PostgresStore, StoreReadOnly, check_address, grant_roles
from workbench.store.postgres.address import SCHEMA, redacted
from workbench.store.postgres.schema import BOOTSTRAP
from workbench.store.sqlite_store import StoreError


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://ana:s3cret@db.example/crm",
        "postgresql://db.example/crm?password=s3cret",
        "host=db.example dbname=crm password=s3cret",
    ],
)
def test_an_address_with_a_password_is_refused_and_never_echoed(address):
    with pytest.raises(StoreError, match="holds a password; refused") as caught:
        PostgresStore(address, "acme")
    assert "s3cret" not in str(caught.value) and "PGPASSWORD, ~/.pgpass or a service file" in str(
        caught.value
    )


def test_an_address_without_one_is_accepted_and_redaction_keeps_the_rest():
    assert check_address("postgresql://ana@db.example:5433/crm")["host"] == "db.example"
    assert redacted("postgresql://ana:pw@db/crm") == "postgresql://ana:***@db/crm"


def test_without_psycopg_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"install crm-workbench\[team\]"):
        PostgresStore("postgresql://db.example/crm", "acme")


def test_an_unreachable_server_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot reach the team store"):
        PostgresStore(f"host={tmp_path} port=1 dbname=x connect_timeout=2", "acme")


def _fresh_database(server) -> str:
    name = f"db_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server.address(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.address(database=name)


def test_viewers_writes_are_refused_by_postgresql_itself(pg_server):
    address = _fresh_database(pg_server)
    with PostgresStore(address, "acme") as admin:
        admin.sync_tasks([("a", "pre_deployment", 1)], "admin")
    grant_roles(address, editor="team_editor", viewer="team_viewer")
    grant_roles(address, editor="team_editor", viewer="team_viewer")  # running it again changes nothing
    with psycopg.connect(pg_server.address(), autocommit=True) as conn:
        conn.execute("CREATE ROLE steering LOGIN IN ROLE team_viewer")
        conn.execute("CREATE ROLE consultant LOGIN IN ROLE team_editor")
    viewer_address = address.replace("user=postgres", "user=steering")
    with psycopg.connect(viewer_address, autocommit=True) as viewer:  # not through our code
        assert viewer.execute(f"SELECT id, status FROM {SCHEMA}.tasks").fetchall() == [("a", "not_started")]
        refused = [
            f"INSERT INTO {SCHEMA}.events (engagement, task_id, at, author, kind)"
            " VALUES ('acme', 'a', 'x', 'v', 'note')",
            f"UPDATE {SCHEMA}.tasks SET status = 'done'",
            f"DELETE FROM {SCHEMA}.events",
            f"INSERT INTO {SCHEMA}.engagements VALUES ('mine', 'x')",
            f"TRUNCATE {SCHEMA}.measurements",
            f"CREATE TABLE {SCHEMA}.sneaky (x int)",
        ]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                viewer.execute(statement)
    with PostgresStore(viewer_address, "acme") as store:
        assert store.tasks()["a"].status == "not_started" and not store.writable()
        with pytest.raises(StoreReadOnly, match="may only read"):
            store.set_status("a", "done", "steering")
    with PostgresStore(address.replace("user=postgres", "user=consultant"), "acme") as store:
        assert store.writable()
        store.set_status("a", "done", "consultant")
        store.check_item("a", 0, True, "consultant")
        assert store.tasks()["a"].checklist == [True] and store.history("a")[-2].author == "consultant"
    with psycopg.connect(address.replace("user=postgres", "user=consultant"), autocommit=True) as editor:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            editor.execute(f"UPDATE {SCHEMA}.schema_version SET version = 99")


@pytest.mark.parametrize("start", range(0, LATEST))
def test_the_team_schema_migrates_forward_from_every_earlier_version(pg_server, start):
    address = _fresh_database(pg_server)
    if start:
        with psycopg.connect(address, autocommit=True) as conn:
            for statement in statements(BOOTSTRAP):
                conn.execute(statement)
            conn.execute(f"SET search_path = {SCHEMA}")
            for sql in render("postgresql")[:start]:
                for statement in statements(sql):
                    conn.execute(statement)
            conn.execute("UPDATE schema_version SET version = %s", (start,))
            conn.execute("INSERT INTO engagements VALUES ('old', '2025-01-01T00:00:00+00:00')")
            conn.execute(
                "INSERT INTO tasks (engagement, id, phase, status, assignee) VALUES "
                "('old', 'x', 'deployment', 'blocked', 'Olga')"
            )
            conn.execute(
                "INSERT INTO events (engagement, task_id, at, author, kind, old, new) VALUES "
                "('old', 'x', '2025-01-01T00:00:00+00:00', 'olga', 'status', 'not_started', 'blocked')"
            )
    with PostgresStore(address, "old") as store:
        with psycopg.connect(address) as conn:
            assert conn.execute(f"SELECT version FROM {SCHEMA}.schema_version").fetchone()[0] == LATEST
        if start:
            assert store.tasks()["x"].status == "blocked" and store.history("x")[0].author == "olga"
        store.close_phase("deployment", "ana", "test", ["x"])
        store.save_baseline({}, None, date(2026, 1, 1), "first", "ana")


def test_a_newer_team_schema_is_refused(pg_server):
    address = _fresh_database(pg_server)
    PostgresStore(address, "acme").close()
    with psycopg.connect(address, autocommit=True) as conn:
        conn.execute(f"UPDATE {SCHEMA}.schema_version SET version = {LATEST + 1}")
    with pytest.raises(RuntimeError, match="upgrade crmwb"):
        PostgresStore(address, "acme")


def test_opening_without_create_refuses_an_unknown_engagement(pg_server):
    with pytest.raises(StoreError, match="holds no engagement 'nobody-here'"):
        PostgresStore(pg_server.address(), "nobody-here", create=False)


@pytest.mark.parametrize("sqlstate", ["40001", "40P01"])
def test_a_serialisation_failure_or_deadlock_reruns_the_whole_command_a_bounded_number_of_times(
    pg_server, sqlstate, monkeypatch
):
    """The server itself raises the error (RAISE ... USING ERRCODE) after the attempt wrote a row: each
    failed attempt is rolled back whole, the command is re-run, and it gives up after CONFLICT_RETRIES."""
    from workbench.store.postgres import store as store_module

    monkeypatch.setattr(store_module, "CONFLICT_PAUSE", 0.001)
    raise_it = f"DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '{sqlstate}'; END $$"
    with PostgresStore(pg_server.address(), f"retry-{uuid.uuid4().hex[:8]}") as store:
        store.sync_tasks([("a", "pre_deployment", 0)], "ana")
        attempts = []

        def flaky(conn, fail_times):
            attempts.append(1)
            store._event(conn, "a", "ana", "note", None, None, f"attempt {len(attempts)}")
            if len(attempts) <= fail_times:
                conn.execute(raise_it)

        store._write(lambda conn: flaky(conn, 2))
        assert len(attempts) == 3
        assert [e.note for e in store.history("a") if e.kind == "note"] == ["attempt 3"]
        attempts.clear()
        with pytest.raises(psycopg.errors.lookup(sqlstate)):
            store._write(lambda conn: flaky(conn, 10_000))
        assert len(attempts) == store_module.CONFLICT_RETRIES + 1
        assert len([e for e in store.history("a") if e.kind == "note"]) == 1


def _settled(store: PostgresStore, wanted: int) -> int | None:
    """The store's change counter once it reaches `wanted`, or its last value after 10 s (a NOTIFY
    reaches the listening socket a moment after the commit)."""
    import time

    value = store.change_counter()
    deadline = time.monotonic() + 10
    while value != wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        value = store.change_counter()
    return value


def test_other_writers_commits_move_the_change_counter_and_ones_own_do_not(pg_server):
    """LISTEN/NOTIFY, what the TUI's watcher reads for a team engagement (SQLite: PRAGMA data_version)."""
    address = _fresh_database(pg_server)
    rows = [("a", "pre_deployment", 1)]
    with (
        PostgresStore(address, "acme") as mine,
        PostgresStore(address, "acme") as theirs,
        PostgresStore(address, "other") as elsewhere,
    ):
        mine.sync_tasks(rows, "ana")
        elsewhere.sync_tasks(rows, "olga")
        assert mine.change_counter() == 0  # listening starts here
        theirs.set_status("a", "in_progress", "boris")
        assert _settled(mine, 1) == 1
        mine.set_status("a", "blocked", "ana", note="waiting")  # its own write: not a change from elsewhere
        elsewhere.set_status("a", "done", "olga")  # another engagement in the same database
        theirs.record_measurements([Measurement("nps", 3, date(2026, 1, 1))], "boris")
        assert _settled(mine, 2) == 2
        with pytest.raises(StoreError):
            theirs.set_status("a", "no-such-status", "boris")  # refused: nothing committed, nothing said
        theirs.set_status("a", "in_progress", "boris")
        assert _settled(mine, 3) == 3
        assert mine.tasks()["a"].status == "in_progress"


def test_reads_inside_a_snapshot_share_one_transaction_and_see_one_moment(pg_server):
    """`status` reads tasks, baselines, gates and KPIs inside `snapshot()`: on the team store they are one
    repeatable-read transaction, so a teammate's commit in between is not half seen (and the round trips
    of a BEGIN and COMMIT per read are saved)."""
    address, engagement = pg_server.address(), f"snap-{uuid.uuid4().hex[:8]}"
    with PostgresStore(address, engagement) as store, PostgresStore(address, engagement) as teammate:
        store.sync_tasks([("t1", "pre", 0)], "ana")
        with store.snapshot():
            before = store.tasks()["t1"].status
            teammate.set_status("t1", "in_progress", "boris")
            assert store.tasks()["t1"].status == before == "not_started"  # the same moment throughout
            assert "boris" not in {e.author for e in store.history("t1")}
        assert store.tasks()["t1"].status == "in_progress"  # a read after it sees the commit
        assert "boris" in {e.author for e in store.history("t1")}


def test_one_connection_serves_a_command_and_a_busy_one_overflows_to_a_pool(pg_server):
    """A command's calls share the connection opened first (one connect per command); a write made while
    that connection holds a snapshot takes one from a pool made only then, and a broken connection is
    replaced before its next use."""
    address, engagement = pg_server.address(), f"conn-{uuid.uuid4().hex[:8]}"
    with PostgresStore(address, engagement) as store:
        store.sync_tasks([("t1", "pre", 0)], "ana")
        store.set_status("t1", "in_progress", "ana")
        assert store.pool._pool is None  # one after another: the first connection did it all
        with store.snapshot():
            assert store.tasks()["t1"].status == "in_progress"  # the snapshot's moment is its first read
            store.set_status("t1", "done", "ana")  # the first connection is lent to the snapshot
            assert store.tasks()["t1"].status == "in_progress"
        assert store.pool._pool is not None and store.tasks()["t1"].status == "done"
        store.pool._first.close()  # as if the server had dropped it
        store.add_note("t1", "still here", "ana")
        assert store.tasks()["t1"].notes == 1
