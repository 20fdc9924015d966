"""A cached playbook's CRM names are not looked up among the installed adapters again (they were when the
playbook was first loaded), so re-opening an engagement reads no package metadata; a playbook read from
its YAML still is checked, and pydantic looks for no plugins."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from workbench.app import playbook_cache
from workbench.app.engagement import create, resolve_engagement
from workbench.app.playbook_json import read_playbook, write_playbook
from workbench.domain import fixed_ids
from workbench.domain.playbook import Playbook
from workbench.store.engagement import read

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parents[2]
MAPPED = "crm_mappings:\n  salesforce:\n    objects: {lead: Lead}\n"


@pytest.fixture
def mapped_engagement(tmp_path):
    playbook = tmp_path / "mapped.yaml"
    playbook.write_text((DATA / "mini.yaml").read_text(encoding="utf-8") + MAPPED, encoding="utf-8")
    folder = tmp_path / "client"
    create(folder, str(playbook), {"business_model": "b2b"}, "Client", date(2026, 1, 5), "test")
    return folder


def _no_lookup(monkeypatch) -> list[str]:
    asked: list[str] = []

    def counting() -> tuple[str, ...]:
        asked.append("asked")
        return ("salesforce",)

    monkeypatch.setattr(fixed_ids, "crm_targets", counting)
    return asked


def test_a_cache_entry_is_read_without_looking_the_adapters_up(cache, mapped_engagement, monkeypatch):
    first = resolve_engagement(read(mapped_engagement))
    assert "salesforce" in first.loaded.playbook.crm_mappings
    asked = _no_lookup(monkeypatch)
    playbook_cache.clear_memory()  # the next open reads the entry from the disk
    again = resolve_engagement(read(mapped_engagement))
    assert again.loaded.playbook == first.loaded.playbook and asked == []


def test_outside_the_cache_every_crm_name_is_checked(monkeypatch):
    asked = _no_lookup(monkeypatch)
    with pytest.raises(ValidationError, match="unknown CRM 'zoho'"):
        Playbook.model_validate({"id": "p", "name": "P", "version": "1.0", "crm_mappings": {"zoho": {}}})
    assert asked


def test_the_shortcut_ends_with_the_cache_read(cache, mapped_engagement, monkeypatch):
    body = write_playbook(resolve_engagement(read(mapped_engagement)).loaded.playbook)
    read_playbook(body)
    asked = _no_lookup(monkeypatch)
    with pytest.raises(ValidationError, match="unknown CRM"):
        Playbook.model_validate({"id": "p", "name": "P", "version": "1.0", "crm_mappings": {"zoho": {}}})
    assert asked


def test_reopening_from_the_cache_reads_no_package_metadata(cache, mapped_engagement):
    """A fresh process, as `crmwb open` is: neither pydantic (its plugins) nor the CRM names import
    importlib.metadata, and pydantic's plugin lookup is the workbench's empty one."""
    resolve_engagement(read(mapped_engagement))  # writes the entry
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbench.app.engagements import open_session\n"
        f"session = open_session(Path({str(mapped_engagement)!r}), 'test')\n"
        "assert 'salesforce' in session.opened.loaded.playbook.crm_mappings\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print('importlib.metadata' in sys.modules, list(loader.get_plugins()))\n"
    )
    env = {**os.environ, "CRMWB_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "[]"]
