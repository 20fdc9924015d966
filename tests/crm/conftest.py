"""The CRM tests' shared fixture: adapters registered for one test through entry points."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.crm.audit_fixtures import register


@pytest.fixture
def registered(request, monkeypatch, tmp_path) -> Callable[[dict[str, str]], None]:
    """`registered({name: "module:object"})` installs those adapters for the test; forgotten after it."""
    return lambda entry_points: register(request, monkeypatch, tmp_path / "site", entry_points)
