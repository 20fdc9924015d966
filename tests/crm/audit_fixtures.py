"""Fixtures for the audit, recertify and crm-export command tests: the fake target registered as a third
party would register it (an entry point in a distribution's metadata on sys.path), and a small design with
a known matrix. Import `exported_fixture` / `fake_target_fixture`
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


def install_adapter(root: Path, entry_points: dict[str, str]) -> Path:
    """A distribution's metadata in `root` (put it on sys.path) registering `entry_points` (name ->
    `module:object`) in the CRM adapter group, exactly as `pip install` of a third-party package leaves it."""
    from workbench.domain.fixed_ids import CRM_ADAPTER_GROUP

    info = root / "crmwb_third_party-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: crmwb-third-party\nVersion: 1.0\n")
    lines = [f"[{CRM_ADAPTER_GROUP}]", *(f"{name} = {value}" for name, value in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return root


def register(request, monkeypatch, root: Path, entry_points: dict[str, str]) -> None:
    """Install `entry_points` (see install_adapter) under `root` for the running test only."""
    from workbench.crm_adapters import registry

    monkeypatch.syspath_prepend(str(install_adapter(root, entry_points)))
    registry.refresh()
    request.addfinalizer(
        registry.refresh
    )  # before monkeypatch takes `root` off sys.path: nothing reads between


@pytest.fixture(name="fake_target")
def fake_target_fixture(request, monkeypatch, tmp_path):
    """Register tests.crm.fake_target's ADAPTER as the CRM target `fake`, through an entry point."""
    register(request, monkeypatch, tmp_path / "fake-site", {"fake": "tests.crm.fake_target:ADAPTER"})
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
