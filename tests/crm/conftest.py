"""The CRM tests' shared fixture: adapters registered for one test through entry points."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest

from tests.crm.audit_fixtures import install_adapter


@pytest.fixture
def registered(monkeypatch, tmp_path) -> Iterator[Callable[[dict[str, str]], None]]:
    """`registered({name: "module:object"})` installs those adapters for the test; forgotten after it."""
    from workbench.crm_adapters import registry

    def register(entry_points: dict[str, str]) -> None:
        monkeypatch.syspath_prepend(str(install_adapter(tmp_path / "site", entry_points)))
        registry.refresh()

    yield register
    monkeypatch.setattr(sys, "path", [p for p in sys.path if not p.startswith(str(tmp_path))])
    registry.refresh()
