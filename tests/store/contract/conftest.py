"""Fixtures of the store contract suite: every test here runs on SQLite and on a real PostgreSQL server.

The server (`pg_server`, in tests/conftest.py for every folder) is started once per test session (per
xdist worker) by `local_server.start()`: initdb into a temporary folder, listening on a unix socket there.
Without server binaries the PostgreSQL half is skipped on a developer's machine, with the reason; on CI
(`CI` or `CRMWB_REQUIRE_POSTGRES=1`) it fails instead. Each test gets an engagement of its own in the one
database, which is also how a team database is used.
"""

from __future__ import annotations

import uuid

import pytest

from tests.store.contract.backends import Spec


@pytest.fixture(params=["sqlite", "postgresql"])
def spec(request, tmp_path) -> Spec:
    """Where a fresh, empty store of this test lives, on each backend in turn."""
    if request.param == "sqlite":
        return Spec("sqlite", str(tmp_path / "state.db"))
    server = request.getfixturevalue("pg_server")
    return Spec("postgresql", server.address(), f"test-{uuid.uuid4().hex[:12]}")
