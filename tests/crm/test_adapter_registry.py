"""The registry of CRM adapters: what the entry points register is what the commands offer, the schema
validates and the README lists; a third party's adapter, registered the way `pip install` registers it,
joins everything and is held to the same contract; a broken one is named with its error, never a
traceback."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.crm import adapter_contract as contract
from tests.crm.audit_fixtures import MINI
from workbench.crm_adapters import registry
from workbench.crm_adapters.table import END, START, markdown_table
from workbench.loading.catalog import bundled_dir


def help_text(capsys, *command: str) -> str:
    from workbench.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines


def test_the_bundled_adapters_are_registered_sorted_and_load():
    assert registry.names() == sorted(registry.names())
    assert {"dynamics", "espocrm", "odoo", "salesforce", "suitecrm"} <= set(registry.names())
    assert registry.broken() == {}
    assert [crm.name for crm in registry.adapters()] == registry.names()


def test_the_readme_table_is_the_registry(request):
    """The README lists exactly the registered adapters; `pytest --update-golden` rewrites the table (as it
    does the golden files), so a new adapter needs no hand edit of the README."""
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    found = re.search(re.escape(START) + ".*?" + re.escape(END), readme, re.S)
    assert found is not None, f"README.md has no adapter table; add:\n{markdown_table()}"
    if request.config.getoption("--update-golden") and found.group() != markdown_table():
        readme_path.write_text(readme.replace(found.group(), markdown_table()), encoding="utf-8")
        return
    stale = f"README.md's adapter table is stale (pytest --update-golden rewrites it):\n{markdown_table()}"
    assert found.group() == markdown_table(), stale


def test_help_and_schema_name_every_adapter(capsys, run_cli):
    import json

    from workbench.cli.schema_cmd import schema_text

    for command in (("crm-export",), ("audit",), ("people-audit",)):
        text = help_text(capsys, *command)
        assert all(name in text for name in registry.names()), (command, text)
    schema = json.loads(schema_text())
    assert schema["properties"]["crm_mappings"]["propertyNames"]["enum"] == registry.names()


def test_a_mapping_for_an_unknown_crm_is_a_located_error(run_cli, tmp_path):
    design = tmp_path / "design.yaml"
    design.write_text(
        MINI.read_text(encoding="utf-8") + "crm_mappings:\n  zoho:\n    objects: {lead: Leads}\n"
    )
    code, _, err = run_cli("validate", design)
    assert code == 2
    assert re.search(rf"{re.escape(str(design))}:\d+:\d+: error: crm_mappings.zoho: unknown CRM 'zoho'", err)
    assert ", ".join(registry.names()) in err


def test_a_third_party_adapter_joins_names_help_and_schema(registered, capsys, run_cli, tmp_path):
    registered({"fake": "tests.crm.fake_target:ADAPTER"})
    assert "fake" in registry.names() and registry.adapter("fake").label == "Fake CRM"
    assert "fake" in help_text(capsys, "crm-export") and "fake" in help_text(capsys, "audit")
    design = tmp_path / "design.yaml"
    design.write_text(MINI.read_text(encoding="utf-8") + "crm_mappings:\n  fake:\n    role_prefix: X_\n")
    assert run_cli("validate", design)[0] == 0
    code, _, err = run_cli("crm-export", design, "--to", "all", "--out", tmp_path / "out", "--quiet")
    assert code == 0, err
    assert (tmp_path / "out" / "fake" / "permissions.csv").read_text().splitlines()[1].startswith("X_")
    assert "fake" not in registry.user_targets()  # it has no user reader: the people audit says so
    assert run_cli("new", tmp_path / "eng", "--playbook", design, "--client", "Acme")[0] == 0
    code, _, err = run_cli("people-audit", tmp_path / "eng", "--crm", "fake", "--users", design)
    assert code == 2 and "no user export reader for fake" in err


@pytest.mark.parametrize("ref", ["mini", *sorted(p.stem for p in bundled_dir().glob("*.yaml"))])
def test_a_third_party_adapter_passes_the_contract(registered, tmp_path, ref):
    from workbench.loading.playbooks import load_playbook

    registered({"fake": "tests.crm.fake_target:ADAPTER"})
    pb = load_playbook(str(MINI) if ref == "mini" else ref).playbook
    contract.check_protocol("fake")
    checks = (
        contract.check_round_trip,
        contract.check_widened_right,
        contract.check_system_right,
        contract.check_extra_role,
    )
    for check in checks:
        folder = tmp_path / check.__name__
        folder.mkdir()
        check("fake", pb, folder)


def test_a_broken_entry_point_is_named_with_its_error(registered, run_cli, tmp_path):
    registered({"gone": "tests.crm.no_such_module:ADAPTER", "notone": "tests.crm.fake_target:HEADER"})
    assert {"gone", "notone"} <= set(registry.names())
    broken = registry.broken()
    assert "failed to load" in broken["gone"] and "ModuleNotFoundError" in broken["gone"]
    assert "is not a CRM adapter" in broken["notone"]
    assert "gone" not in [crm.name for crm in registry.adapters()]
    with pytest.raises(registry.UnknownTarget, match="tests.crm.no_such_module"):
        registry.adapter("gone")
    code, out, err = run_cli("crm-export", MINI, "--to", "salesforce,gone", "--out", tmp_path / "out")
    assert code == 2 and "the gone CRM adapter" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing half-written
    code, _, err = run_cli("audit", MINI, "--from", "notone", tmp_path)
    assert code == 2 and "is not a CRM adapter" in err
