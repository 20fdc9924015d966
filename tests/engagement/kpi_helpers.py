"""Real engagements for the KPI, report and import-activity tests: the bundled core playbook with the
retail-chain example answers (optionally changed), started 2025-01-06 so that dates in the tests are
fixed. Each answer set is resolved once per run and copied into the test's tmp_path."""

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
ACTIVITY = ROOT / "tests" / "data" / "activity"
START = date(2025, 1, 6)


@lru_cache(maxsize=8)
def _template(changes: tuple[tuple[str, object], ...]) -> Path:
    from workbench.app.engagement import create

    data = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    answers = dict(data["answers"])
    for key, value in changes:
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = list(value) if isinstance(value, tuple) else value
    base = Path(tempfile.mkdtemp(prefix="crmwb-kpi-"))
    atexit.register(shutil.rmtree, base, True)
    create(base / "retail", "core", answers, data["client"], START, "ana")
    return base / "retail"


def engagement(tmp_path: Path, **changes: object) -> Path:
    """A fresh copy of the retail engagement; keyword arguments change answers (None removes one)."""
    target = tmp_path / "retail"
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in changes.items()))
    shutil.copytree(_template(key), target)
    return target


def measurements(folder: Path):
    from workbench.store.sqlite_store import SQLiteStore

    with SQLiteStore(folder / "state.db") as store:
        return store.measurements()
