"""Which store holds an engagement's state: its own state.db (the default, needs nothing) or the team's
PostgreSQL database, named by `store:` in engagement.yaml (written by `crmwb new --store URL`), else by
`$CRMWB_STORE`. An address never holds a password (credentials from PGPASSWORD, ~/.pgpass or PGSERVICE);
`store: sqlite` keeps state.db whatever the environment says.

`crmwb new` writes the address it used into engagement.yaml, so the folder remembers where its state is.
In the team database an engagement is keyed by an id derived from what engagement.yaml already holds and
never changes: the client and the moment it was created (two consultants opening copies of the same folder
reach the same rows); a hand-written engagement without `created` falls back to its folder's name.
"""

from __future__ import annotations

import hashlib
import os
import re

from workbench.i18n import _
from workbench.store.base import StateStore
from workbench.store.busy import BusyPolicy
from workbench.store.sqlite_store import SQLiteStore, StoreError

STORE_ENV = "CRMWB_STORE"
_PASSWORD = re.compile(r"://[^/@?#]*:[^@/?#]*@|(^|[\s?&])password\s*=", re.IGNORECASE)


def _team(address: str) -> str | None:
    address = (address or "").strip()
    return None if not address or address.lower() == "sqlite" else address


def team_address(engagement=None) -> str | None:
    """The team store's address for `engagement` (its `store:`, else $CRMWB_STORE), or None for state.db."""
    declared = str(getattr(engagement, "store", "") or "").strip()
    return _team(declared) if declared else _team(os.environ.get(STORE_ENV, ""))


def store_address_problems(store: object) -> list[str]:
    """What is wrong with a `store:` value as read from engagement.yaml (checked without psycopg)."""
    if not isinstance(store, str) or _team(store) is None:
        return []
    if _PASSWORD.search(store):
        from workbench.store.postgres.address import redacted

        return [
            _(
                "the store address {address} holds a password; refused: credentials never go in an "
                "address or in engagement.yaml. Remove it and give the password through PGPASSWORD, "
                "~/.pgpass or a service file (PGSERVICE)"
            ).format(address=redacted(store))
        ]
    return []


def engagement_id(engagement) -> str:
    """The engagement's key in a team database: `<client slug>-<12 hex>`, stable across machines."""
    slug = re.sub(r"[^a-z0-9]+", "-", engagement.client.lower()).strip("-")[:40] or "engagement"
    if not engagement.created:
        return f"{slug}-{re.sub(r'[^a-z0-9]+', '-', engagement.folder.resolve().name.lower()).strip('-')}"
    digest = hashlib.sha256(f"{engagement.client}\0{engagement.created}".encode()).hexdigest()[:12]
    return f"{slug}-{digest}"


def open_store(engagement, busy: BusyPolicy | None = None) -> StateStore:
    """The engagement's store, opened: the team database if one is named for it, else state.db."""
    address = team_address(engagement)
    if address is None:
        return SQLiteStore(engagement.store_path, busy=busy)
    from workbench.store.postgres import PostgresStore

    return PostgresStore(address, engagement_id(engagement), busy=busy)


def _located(exc: StoreError, where: str):
    from workbench.domain.problems import Problem
    from workbench.store.engagement import EngagementError

    return EngagementError([Problem(str(exc), file=where, code="store-open")])


def check_team_address(store: str = "") -> str:
    """The `store:` a new engagement gets (`--store`, else $CRMWB_STORE; "" for state.db), refused with an
    EngagementError before anything is created if it holds a password or is no address."""
    given = (store or "").strip()
    if given.lower() == "sqlite":
        return "sqlite"  # said on purpose: written down, so a $CRMWB_STORE set later does not move it
    where = "--store" if given else f"${STORE_ENV}"
    address = _team(given or os.environ.get(STORE_ENV, ""))
    if address is None:
        return ""
    from workbench.store.postgres import check_address

    try:
        check_address(address)
    except StoreError as exc:
        raise _located(exc, where) from None
    return address


def engagement_store(engagement, busy: BusyPolicy | None = None) -> StateStore:
    """open_store for the commands: a team store that refuses its address or cannot be reached is an
    EngagementError located where the address came from (engagement.yaml or the variable), exit 2."""
    try:
        return open_store(engagement, busy=busy)
    except StoreError as exc:
        if team_address(engagement) is None:
            raise
        where = (
            str(engagement.file) if str(getattr(engagement, "store", "") or "").strip() else f"${STORE_ENV}"
        )
        raise _located(exc, where) from None
