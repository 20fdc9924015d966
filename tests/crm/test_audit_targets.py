"""The commands on the five real adapters: `crm-export` then `audit` is clean for every target and every
bundled playbook; a seeded design change is found exactly; garbage input exits 2; SARIF and the change
plan work per target. Format details (XML structure, CSV columns, hostile files) are the adapters' own
tests; these check the wiring every target shares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crm.audit_fixtures import MINI, drift_rows
from workbench.crm_adapters.registry import adapter, mapping_for, names
from workbench.domain.drift import LiveMatrix, compare
from workbench.domain.playbook import Playbook

TARGETS = names()
MAPPINGS = {
    "salesforce": ("Lead", "Setting__c"),
    "dynamics": ("lead", "organization"),
    "odoo": ("crm.lead", "res.config.settings"),
    "espocrm": ("Lead", "Settings"),
    "suitecrm": ("Leads", None),
    "kommo": ("leads", None),
}


def _adapter(name: str):
    return adapter(name)  # every target listed here is registered: a missing one is a failure, not a skip


@pytest.fixture(scope="module")
def mapped_mini(tmp_path_factory) -> Path:
    """mini with a crm_mappings section for every target (suitecrm leaves settings unmapped)."""
    lines = ["crm_mappings:"]
    for target, (lead, settings) in MAPPINGS.items():
        lines += [
            f"  {target}:",
            "    objects:",
            f"      lead: {lead}",
            f"      settings: {settings if settings else 'null'}",
        ]
    path = tmp_path_factory.mktemp("pb") / "mini-mapped.yaml"
    path.write_text(MINI.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exports(tmp_path_factory, mapped_mini) -> dict[str, Path]:
    """Every design exported once to every target (`--to all`)."""
    from workbench.cli.main import main

    out = {}
    for ref in ("mini", "core", "b2b-sales", "b2c-retail-loyalty", "financial-services"):
        folder = tmp_path_factory.mktemp(ref)
        assert (
            main(
                [
                    "crm-export",
                    str(mapped_mini) if ref == "mini" else ref,
                    "--to",
                    "all",
                    "--out",
                    str(folder),
                    "--quiet",
                ]
            )
            == 0
        )
        out[ref] = folder
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("ref", ["mini", "core", "b2b-sales", "b2c-retail-loyalty", "financial-services"])
def test_round_trip_is_clean(run_cli, exports, mapped_mini, ref, target):
    _adapter(target)
    design = str(mapped_mini) if ref == "mini" else ref
    code, out, err = run_cli("audit", design, "--from", target, exports[ref] / target, "--format", "json")
    assert code == 0, (out, err)
    assert json.loads(out)["drifts"] == []


def test_overlay_objects_are_limitations_not_crashes(exports):
    limits = json.loads((exports["b2c-retail-loyalty"] / "limitations.json").read_text())["targets"]
    assert set(limits) == set(TARGETS)
    for target, items in limits.items():
        assert {"loyalty_account", "loyalty_transaction"} <= {x["object"] for x in items}, target


def _seeded(pb: Playbook) -> Playbook:
    """The design with the specialist's lead read widened, lead update dropped and an extra role."""
    roles = []
    for role in pb.roles:
        if role.id == "specialist":
            lead = {**role.permissions["lead"], "read": "all"}
            lead.pop("update")
            role = role.model_copy(update={"permissions": {**role.permissions, "lead": lead}})
        roles.append(role)
    intruder = roles[0].model_copy(update={"id": "intruder", "permissions": {"lead": {"read": "all"}}})
    return pb.model_copy(update={"roles": roles + [intruder]})


@pytest.mark.parametrize("target", TARGETS)
def test_seeded_drift_found_exactly(run_cli, mapped_mini, tmp_path, target):
    from workbench.loading.playbooks import load_playbook

    crm = _adapter(target)
    pb = load_playbook(str(mapped_mini)).playbook
    mapping = mapping_for(pb, target)
    crm.write(_seeded(pb), mapping, tmp_path)
    code, out, err = run_cli("audit", mapped_mini, "--from", target, tmp_path, "--format", "json")
    assert code == 1, err
    rows = drift_rows(out)
    ideal = compare(crm.project(pb, mapping), LiveMatrix(target, crm.project(_seeded(pb), mapping).grants))
    expected = [
        (d.severity, d.kind, d.role, d.object, d.action, d.design, d.live)
        for d in ideal
        if d.role != "intruder"
    ]  # a role outside the design is an unknown role, not cells
    assert [r for r in rows if r[1] not in ("unknown-role", "unknown-object")] == sorted(
        expected, key=lambda r: (r[0] != "error", r[1], r[2], r[3], r[4])
    )
    assert ("error", "wider", "specialist", "lead", "read") in [r[:5] for r in rows]
    assert ("warning", "missing", "specialist", "lead", "update") in [r[:5] for r in rows]
    assert [r[1] for r in rows].count("unknown-role") == 1


@pytest.mark.parametrize("target", TARGETS)
def test_garbage_input_exits_2(run_cli, mapped_mini, tmp_path, target):
    from workbench.loading.playbooks import load_playbook

    crm = _adapter(target)
    pb = load_playbook(str(mapped_mini)).playbook
    for path in crm.write(pb, mapping_for(pb, target), tmp_path):
        path.write_bytes(b"\xff\xfe\x00<garbage \x81\x82")
    code, out, err = run_cli("audit", mapped_mini, "--from", target, tmp_path)
    assert code == 2 and out == ""
    assert str(tmp_path) in err and "error" in err


@pytest.mark.parametrize("target", TARGETS)
def test_sarif_per_target(run_cli, mapped_mini, tmp_path, target):
    from workbench.loading.playbooks import load_playbook

    crm = _adapter(target)
    pb = load_playbook(str(mapped_mini)).playbook
    crm.write(_seeded(pb), mapping_for(pb, target), tmp_path)
    code, out, _ = run_cli("audit", mapped_mini, "--from", target, tmp_path, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    for result in log["runs"][0]["results"]:
        assert result["level"] in ("error", "warning") and result["message"]["text"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file://")


@pytest.mark.parametrize("target", TARGETS)
def test_change_plan_steps_per_target(run_cli, mapped_mini, tmp_path, target):
    from openpyxl import load_workbook

    _adapter(target)
    assert run_cli("recertify", mapped_mini, "--out", tmp_path)[0] == 0
    checklist = tmp_path / "recertification-crm_manager.xlsx"
    wb = load_workbook(checklist)
    for row in wb["Checklist"].iter_rows(min_row=2):
        if (row[0].value, row[2].value, row[3].value) == ("specialist", "lead", "read"):
            row[5].value = "revoke"
    wb.save(checklist)
    code, out, _ = run_cli(
        "audit", mapped_mini, "--decisions", checklist, "--target", target, "--format", "json"
    )
    assert code == 1
    steps = json.loads(out)["crm"][target]
    read = [s for s in steps if (s["role"], s["action"]) == ("specialist", "read")]
    assert len(read) == 1 and read[0]["crm_object"] == MAPPINGS[target][0]
    # either the CRM drops the read, or it says why it cannot (Salesforce: editing needs reading)
    assert read[0]["to"] == "none" or (read[0]["to"] == read[0]["from"] and read[0]["note"])
