"""Which store holds an engagement's state: its own state.db (the default, needs nothing) or the team's
PostgreSQL database named by `$CRMWB_STORE` (a libpq address without a password, e.g.
`postgresql://crm-db.internal/crmwb`; credentials from PGPASSWORD, ~/.pgpass or PGSERVICE).

Until engagement.yaml can say `store:` itself, the variable applies to every engagement a process opens.
In the team database an engagement is keyed by an id derived from what engagement.yaml already holds and
never changes: the client and the moment it was created (two consultants opening copies of the same folder
reach the same rows); a hand-written engagement without `created` falls back to its folder's name.
"""

from __future__ import annotations

import hashlib
import os
import re

from workbench.store.base import StateStore
from workbench.store.busy import BusyPolicy
from workbench.store.sqlite_store import SQLiteStore, StoreError

STORE_ENV = "CRMWB_STORE"


def team_address() -> str | None:
    """The team store's address from the environment, or None for the embedded SQLite store."""
    address = os.environ.get(STORE_ENV, "").strip()
    return address if address and address.lower() != "sqlite" else None


def engagement_id(engagement) -> str:
    """The engagement's key in a team database: `<client slug>-<12 hex>`, stable across machines."""
    slug = re.sub(r"[^a-z0-9]+", "-", engagement.client.lower()).strip("-")[:40] or "engagement"
    if not engagement.created:
        return f"{slug}-{re.sub(r'[^a-z0-9]+', '-', engagement.folder.resolve().name.lower()).strip('-')}"
    digest = hashlib.sha256(f"{engagement.client}\0{engagement.created}".encode()).hexdigest()[:12]
    return f"{slug}-{digest}"


def open_store(engagement, busy: BusyPolicy | None = None) -> StateStore:
    """The engagement's store, opened: the team database if `$CRMWB_STORE` names one, else state.db."""
    address = team_address()
    if address is None:
        return SQLiteStore(engagement.store_path, busy=busy)
    from workbench.store.postgres import PostgresStore

    return PostgresStore(address, engagement_id(engagement), busy=busy)


def _located(exc: StoreError):
    from workbench.domain.problems import Problem
    from workbench.store.engagement import EngagementError

    return EngagementError([Problem(str(exc), file=f"${STORE_ENV}", code="store-open")])


def check_team_address() -> None:
    """Refuse a team store address holding a password before anything is created (EngagementError)."""
    address = team_address()
    if address is None:
        return
    from workbench.store.postgres import check_address

    try:
        check_address(address)
    except StoreError as exc:
        raise _located(exc) from None


def engagement_store(engagement, busy: BusyPolicy | None = None) -> StateStore:
    """open_store for the commands: a team store that refuses its address or cannot be reached is an
    EngagementError located at the variable that named it (exit 2), not an internal error."""
    try:
        return open_store(engagement, busy=busy)
    except StoreError as exc:
        if team_address() is None:
            raise
        raise _located(exc) from None
