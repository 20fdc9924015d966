"""The team state store on PostgreSQL: many engagements in one database, the same StateStore protocol as
the embedded SQLite store. Needs the optional extra `crm-workbench[team]` (psycopg 3 and its pool)."""

from workbench.store.postgres.address import check_address, import_psycopg
from workbench.store.postgres.roles import EDITOR, VIEWER, add_members, grant_roles
from workbench.store.postgres.store import PostgresStore, StoreReadOnly

__all__ = [
    "EDITOR",
    "VIEWER",
    "PostgresStore",
    "StoreReadOnly",
    "check_address",
    "add_members",
    "grant_roles",
    "import_psycopg",
]
