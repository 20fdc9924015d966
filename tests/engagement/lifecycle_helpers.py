"""Real engagements for the lifecycle tests: the bundled core playbook with the retail-chain example
answers, created once per test run and copied into each test's tmp_path (a copy is much faster than
resolving the playbook again)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RETAIL = ROOT / "playbooks" / "examples" / "retail-chain.answers.yaml"
START = date(2026, 1, 5)
RETAIL_OPEN = [
    "sponsor_named",
    "budget_approved",
    "target_go_live_months",
    "crm_budget",
    "current_systems",
    "vendor_configures",
]
"""Questions the retail answers leave open, in questionnaire order (current_systems is optional)."""


@lru_cache(maxsize=1)
def _template() -> Path:
    from workbench.app.engagement import create
    from workbench.domain.intake import ordered_answers
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook

    base = Path(tempfile.mkdtemp(prefix="crmwb-lifecycle-"))
    atexit.register(shutil.rmtree, base, True)
    pb = load_playbook("core").playbook
    loaded = load_answers(RETAIL, pb)
    create(base / "retail", "core", ordered_answers(pb, loaded.answers), loaded.client, START, "ana")
    return base / "retail"


def fresh_engagement(tmp_path: Path, name: str = "retail") -> Path:
    """A new copy of the retail engagement (no task touched yet) in tmp_path."""
    target = tmp_path / name
    shutil.copytree(_template(), target)
    return target


def answers_of(folder: Path) -> dict:
    return yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["answers"]


def states(folder: Path, include_archived: bool = True):
    from workbench.store.sqlite_store import SQLiteStore

    with SQLiteStore(folder / "state.db") as store:
        return store.tasks(include_archived=include_archived)


def history(folder: Path, task_id: str):
    from workbench.store.sqlite_store import SQLiteStore

    with SQLiteStore(folder / "state.db") as store:
        return store.history(task_id)
