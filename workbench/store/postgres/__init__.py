"""The team state store on PostgreSQL: many engagements in one database, the same StateStore protocol as
the embedded SQLite store. Needs the optional extra `crm-workbench[team]` (psycopg 3 and its pool)."""

from workbench.store.postgres.address import check_address, import_psycopg
from workbench.store.postgres.store import PostgresStore

__all__ = ["PostgresStore", "check_address", "import_psycopg"]
