"""`pip install .` must carry the bundled playbooks, templates and schema inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    import hatchling  # noqa: F401  builds the wheel; in the test extra, so always there (no skip)

    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("crm_workbench-*.whl")
    return built


def test_wheel_carries_playbooks_templates_and_schema(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {p.name for p in (ROOT / "playbooks").glob("*.yaml")}
    assert {f"workbench/_bundled/playbooks/{name}" for name in bundled} <= names
    assert "workbench/_bundled/schema/playbook.schema.json" in names
    assert any(n.startswith("workbench/_bundled/playbooks/examples/") for n in names)
    assert not any("_parts" in n for n in names)
    assert "workbench/cli/main.py" in names


def test_wheel_declares_console_script(wheel):
    with zipfile.ZipFile(wheel) as zf:
        entry = next(n for n in zf.namelist() if n.endswith("entry_points.txt"))
        assert "crmwb = workbench.cli.main:main" in zf.read(entry).decode()


def test_wheel_registers_every_crm_adapter_it_carries(wheel):
    """An installed wheel finds its CRMs through these entry points: each adapter package ships, with its
    line in the `crmwb.crm_adapters` group."""
    import configparser

    with zipfile.ZipFile(wheel) as zf:
        entry = next(n for n in zf.namelist() if n.endswith("entry_points.txt"))
        points = configparser.ConfigParser(delimiters=("=",))
        points.read_string(zf.read(entry).decode())
        packages = {n.split("/")[2] for n in zf.namelist() if n.startswith("workbench/crm_adapters/")}
    group = dict(points["crmwb.crm_adapters"])
    assert {"dynamics", "espocrm", "odoo", "salesforce", "suitecrm"} <= set(group)
    assert {name: f"workbench.crm_adapters.{name}:ADAPTER" for name in group} == group
    assert set(group) <= packages
