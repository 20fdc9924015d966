"""Fixtures of the store contract suite: every test here runs on SQLite and on a real PostgreSQL server.

The server is started once per test session (per xdist worker) by `local_server.start()`: initdb into a
temporary folder, listening on a unix socket there. Without server binaries the PostgreSQL half is skipped
on a developer's machine, with the reason; on CI (`CI` or `CRMWB_REQUIRE_POSTGRES=1`) it fails instead.
Each test gets an engagement of its own in the one database, which is also how a team database is used.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.store.contract.backends import Spec

REQUIRE_POSTGRES = os.environ.get("CRMWB_REQUIRE_POSTGRES", "") == "1" or bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def pg_server():
    """A running PostgreSQL server for the session, or a skip (a failure on CI) saying why not."""
    from workbench.store.postgres.local_server import ServerUnavailable, start

    try:
        server = start()
    except ServerUnavailable as exc:
        from tests.conftest import missing_tool

        missing_tool(
            f"no PostgreSQL server for the contract suite: {exc}", REQUIRE_POSTGRES, "CRMWB_REQUIRE_POSTGRES"
        )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def spec(request, tmp_path) -> Spec:
    """Where a fresh, empty store of this test lives, on each backend in turn."""
    if request.param == "sqlite":
        return Spec("sqlite", str(tmp_path / "state.db"))
    server = request.getfixturevalue("pg_server")
    return Spec("postgresql", server.address(), f"test-{uuid.uuid4().hex[:12]}")
