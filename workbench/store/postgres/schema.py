"""The team database's schema: the same numbered migrations as SQLite, rendered for PostgreSQL.

A team database holds many engagements, so before the numbered history there is a small bootstrap: our
own schema (`crmwb`), the version table (PostgreSQL has no `user_version`) and the engagements every row
is keyed by. Migrating takes a database-wide advisory lock, so two crmwb starting at once on a fresh
database do not both create the tables; a database already at the latest version is only read (a viewer,
who may not create anything, opens it without a write).
"""

from __future__ import annotations

from workbench.i18n import _
from workbench.store.migrations import LATEST, render, statements
from workbench.store.postgres.address import SCHEMA

MIGRATION_LOCK = (0x63726D77, 1)
"""advisory lock key held while migrating ('crmw', 1)"""

BOOTSTRAP = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_version (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    version INTEGER NOT NULL
);
INSERT INTO {SCHEMA}.schema_version (version) VALUES (0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS {SCHEMA}.engagements (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
"""


def version(conn) -> int:
    """The schema version of the database `conn` is on; 0 before the bootstrap."""
    row = conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.schema_version",)).fetchone()
    if row[0] is None:
        return 0
    return int(conn.execute(f"SELECT version FROM {SCHEMA}.schema_version").fetchone()[0])


def newer_schema(found: int) -> RuntimeError:
    return RuntimeError(
        _(
            "the team store has schema version {found}, newer than this crmwb knows ({known}); upgrade crmwb"
        ).format(found=found, known=LATEST)
    )


def migrate(conn, target: int = LATEST) -> int:
    """Bring the database to `target`, each migration in its own transaction; returns the new version.
    `conn` is a psycopg connection outside a transaction."""
    with conn.transaction():
        current = version(conn)
    if current > LATEST:
        raise newer_schema(current)
    if current >= target:
        return current
    migrations = render("postgresql")
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
        for statement in statements(BOOTSTRAP):
            conn.execute(statement)
    for number in range(1, target + 1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
            if version(conn) >= number:  # done earlier, or by another process while we waited
                continue
            conn.execute(f"SET LOCAL search_path = {SCHEMA}")
            for statement in statements(migrations[number - 1]):
                conn.execute(statement)
            conn.execute(f"UPDATE {SCHEMA}.schema_version SET version = %s", (number,))
    with conn.transaction():
        return version(conn)
