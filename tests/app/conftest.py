"""Fixtures of the resolved-playbook cache tests: a cache folder of the test's own, and a record of misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.app import engagement as app_engagement
from workbench.app import playbook_cache


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CRMWB_CACHE_DIR", str(folder))
    playbook_cache.clear_memory()
    yield folder
    playbook_cache.clear_memory()


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """Every real playbook load (a cache miss) is recorded here."""
    seen: list[str] = []
    real = app_engagement.load_playbook

    def counting(ref):
        seen.append(str(ref))
        return real(ref)

    monkeypatch.setattr(app_engagement, "load_playbook", counting)
    return seen
