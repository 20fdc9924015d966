"""Where the team store is, and what may be said in that address.

Credentials never travel in an address: addresses get written into engagement.yaml, shell history and
bug reports. A password comes from the environment (PGPASSWORD), `~/.pgpass` or a service file
(PGSERVICE), all read by libpq itself; an address that holds one is refused before any connection.
"""

from __future__ import annotations

import re
from types import ModuleType

from workbench.i18n import _
from workbench.store.sqlite_store import StoreError

SCHEMA = "crmwb"
"""the PostgreSQL schema our tables live in, so a shared database can hold other applications' tables too"""


def import_psycopg() -> ModuleType:
    """psycopg, or a StoreError saying which extra to install (SQLite users never need it)."""
    try:
        import psycopg
        import psycopg_pool  # noqa: F401
    except ImportError:
        raise StoreError(
            _(
                "the PostgreSQL team store needs psycopg 3: install crm-workbench[team] "
                "(pip install 'crm-workbench[team]')"
            )
        ) from None
    return psycopg


def redacted(address: str) -> str:
    """The address with any password blotted out, safe to print."""
    address = re.sub(r"(://[^:/@?#]*):[^@/?#]*@", r"\1:***@", address)
    return re.sub(r"(?i)(password\s*=\s*)('[^']*'|[^\s&]*)", r"\1***", address)


def check_address(address: str) -> dict[str, str]:
    """The address as libpq parameters; StoreError if it is not one or if it holds a password."""
    psycopg = import_psycopg()
    try:
        params = psycopg.conninfo.conninfo_to_dict(address)
    except psycopg.ProgrammingError as exc:
        raise StoreError(
            _("{address} is not a PostgreSQL address ({reason}); expected postgresql://host/database").format(
                address=redacted(address), reason=exc
            )
        ) from None
    if params.get("password"):
        raise StoreError(
            _(
                "the store address {address} holds a password; refused: credentials never go in an "
                "address or in engagement.yaml. Remove it and give the password through PGPASSWORD, "
                "~/.pgpass or a service file (PGSERVICE)"
            ).format(address=redacted(address))
        )
    return {key: str(value) for key, value in params.items()}
