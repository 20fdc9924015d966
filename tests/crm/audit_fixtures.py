"""Fixtures for the audit, recertify and crm-export command tests: the fake target registered in the
CRM registry, and a small design with a known matrix. Import `exported_fixture` / `fake_target_fixture`
into a test module to use the fixtures `exported` / `fake_target` there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA

MINI = DATA / "mini.yaml"
MINI_GRANTS = {
    ("consultant", "settings", "read"): "all",
    ("consultant", "settings", "update"): "all",
    ("specialist", "lead", "create"): "own",
    ("specialist", "lead", "read"): "team",
    ("specialist", "lead", "update"): "own",
    ("specialist", "settings", "read"): "all",
}


@pytest.fixture(name="fake_target")
def fake_target_fixture(monkeypatch):
    """Register tests.crm.fake_target as the CRM target `fake`."""
    from workbench.writers.crm import registry

    module = "tests.crm.fake_target"
    monkeypatch.setitem(registry.TARGETS, "fake", (module, module, module))
    return "fake"


@pytest.fixture(name="exported")
def exported_fixture(run_cli, fake_target, tmp_path) -> Path:
    """mini exported to the fake target; returns the target folder."""
    code, _, err = run_cli("crm-export", MINI, "--to", "fake", "--out", tmp_path / "out")
    assert code == 0, err
    return tmp_path / "out" / "fake"


def drift_rows(stdout: str) -> list[tuple]:
    """(severity, kind, role, object, action, design, live) of a `--format json` audit."""
    doc = json.loads(stdout)
    return [
        (d["severity"], d["kind"], d["role"], d["object"], d["action"], d["design"], d["live"])
        for d in doc["drifts"]
    ]


def edit_lines(path: Path, replace: dict[str, str | None] | None = None, add: list[str] = ()) -> None:
    """Seed drift into a fake export: replace (or drop, with None) whole lines, append lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if replace and line in replace:
            if replace[line] is not None:
                out.append(replace[line])
        else:
            out.append(line)
    path.write_text("\n".join(out + list(add)) + "\n", encoding="utf-8")
