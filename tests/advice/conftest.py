"""Fixtures for the readiness and staffing advice: the bundled core playbook and the example answers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

EXAMPLES = ROOT / "playbooks" / "examples"


@lru_cache(maxsize=1)
def core():
    from workbench.loading.playbooks import load_playbook

    loaded = load_playbook("core")
    assert loaded.ok, loaded.problems
    return loaded.playbook


def example(name: str) -> dict[str, Any]:
    return dict(yaml.safe_load((EXAMPLES / f"{name}.answers.yaml").read_text(encoding="utf-8"))["answers"])


@pytest.fixture
def playbook():
    return core()


@pytest.fixture
def write_answers(tmp_path):
    def write(answers: dict[str, Any], name: str = "answers.yaml") -> Path:
        path = tmp_path / name
        path.write_text(
            yaml.safe_dump({"client": "Acme", "answers": answers}, allow_unicode=True), encoding="utf-8"
        )
        return path

    return write
