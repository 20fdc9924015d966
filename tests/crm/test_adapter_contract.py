"""One contract suite for every CRM adapter the registry has (`registry.names()`: the bundled five, any
other package registered in the entry-point group): the adapter keeps the protocol; export then read back
is clean on every bundled playbook; a widened right, an added system privilege and an extra role are each
found where the adapter declares it can express them, and a Limitation where it cannot; and the commands
(`crm-export`, `audit`, SARIF, the change plan) work on it. Format details (XML structure, CSV columns,
hostile files) are each adapter's own tests; a third-party adapter is held to this same suite in
test_third_party_adapter.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crm import adapter_contract as contract
from tests.crm.audit_fixtures import MINI
from workbench.crm_adapters.registry import adapter, mapping_for, names
from workbench.domain.drift import LiveMatrix, compare
from workbench.domain.playbook import Playbook
from workbench.loading.catalog import bundled_dir

TARGETS = names()
BUNDLED = sorted(path.stem for path in bundled_dir().glob("*.yaml"))


@pytest.fixture(scope="module")
def designs() -> dict[str, Playbook]:
    from workbench.loading.playbooks import load_playbook

    return {ref: load_playbook(ref).playbook for ref in BUNDLED}


@pytest.fixture(scope="module")
def mapped_mini(tmp_path_factory, designs) -> Path:
    """mini with every adapter's mapping as `core` resolves it, cut to mini's objects and roles."""
    from workbench.loading.playbooks import load_playbook

    mini = load_playbook(str(MINI)).playbook
    objects, roles = {o.id for o in mini.objects}, {r.id for r in mini.roles}
    mappings = {}
    for name in TARGETS:
        mapping = mapping_for(designs["core"], name).model_dump(mode="json", exclude_none=True)
        mapping["objects"] = {k: v for k, v in mapping.get("objects", {}).items() if k in objects}
        mapping["roles"] = {k: v for k, v in mapping.get("roles", {}).items() if k in roles}
        mappings[name] = mapping
    path = tmp_path_factory.mktemp("pb") / "mini-mapped.yaml"
    text = MINI.read_text(encoding="utf-8") + "crm_mappings: " + json.dumps(mappings) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def mini_pb(mapped_mini) -> Playbook:
    from workbench.loading.playbooks import load_playbook

    return load_playbook(str(mapped_mini)).playbook


@pytest.mark.parametrize("target", TARGETS)
def test_the_adapter_keeps_the_protocol(target):
    contract.check_protocol(target)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("ref", ["mini", *BUNDLED])
def test_export_then_read_back_is_clean(designs, mini_pb, tmp_path, ref, target):
    contract.check_round_trip(target, mini_pb if ref == "mini" else designs[ref], tmp_path)


@pytest.mark.parametrize("target", TARGETS)
def test_a_widened_right_is_found(designs, tmp_path, target):
    contract.check_widened_right(target, designs["core"], tmp_path)


@pytest.mark.parametrize("target", TARGETS)
def test_an_added_system_privilege_is_found(designs, tmp_path, target):
    contract.check_system_right(target, designs["core"], tmp_path)


@pytest.mark.parametrize("target", TARGETS)
def test_an_extra_role_is_found(designs, tmp_path, target):
    contract.check_extra_role(target, designs["core"], tmp_path)


@pytest.fixture(scope="module")
def exports(tmp_path_factory, mapped_mini) -> dict[str, Path]:
    """mini and core exported once to every target (`--to all`)."""
    from workbench.cli.main import main

    out = {}
    for ref in ("mini", "core"):
        folder = tmp_path_factory.mktemp(ref)
        design = str(mapped_mini) if ref == "mini" else ref
        assert main(["crm-export", design, "--to", "all", "--out", str(folder), "--quiet"]) == 0
        out[ref] = folder
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("ref", ["mini", "core"])
def test_the_commands_round_trip_clean(run_cli, exports, mapped_mini, ref, target):
    design = str(mapped_mini) if ref == "mini" else ref
    code, out, err = run_cli("audit", design, "--from", target, exports[ref] / target, "--format", "json")
    assert code == 0, (out, err)
    assert json.loads(out)["drifts"] == []
    limits = json.loads((exports[ref] / "limitations.json").read_text(encoding="utf-8"))["targets"]
    assert set(limits) == set(TARGETS)


def _seeded(pb: Playbook, target: str) -> Playbook:
    """The design with a right widened (where the CRM can carry one) and an extra role."""
    widened = contract.widened_right(pb, target)
    return contract.added_role(widened[0] if widened else pb)[0]


@pytest.mark.parametrize("target", TARGETS)
def test_the_audit_command_reports_seeded_drift_exactly(run_cli, mapped_mini, mini_pb, tmp_path, target):
    crm, mapping = adapter(target), mapping_for(mini_pb, target)
    seeded = _seeded(mini_pb, target)
    crm.write(seeded, mapping, tmp_path)
    code, out, err = run_cli("audit", mapped_mini, "--from", target, tmp_path, "--format", "json")
    doc = json.loads(out)
    rows = [(d["severity"], d["kind"], d["role"], d["object"], d["action"]) for d in doc["drifts"]]
    ideal = compare(crm.project(mini_pb, mapping), LiveMatrix(target, crm.project(seeded, mapping).grants))
    expected = sorted(
        ((d.severity, d.kind, d.role, d.object, d.action) for d in ideal if d.role != "contract_intruder"),
        key=lambda r: (r[0] != "error", r[1], r[2], r[3], r[4]),
    )  # the extra role is an unknown role in the CRM's own name, not cells
    assert [r for r in rows if r[1] not in ("unknown-role", "unknown-object")] == expected
    assert [r[1] for r in rows].count("unknown-role") == ("extra_role" in crm.expresses)
    assert code == (1 if rows else 0), err


@pytest.mark.parametrize("target", TARGETS)
def test_garbage_input_exits_2(run_cli, mapped_mini, mini_pb, tmp_path, target):
    written = adapter(target).write(mini_pb, mapping_for(mini_pb, target), tmp_path)
    assert written
    for path in written:
        path.write_bytes(b"\xff\xfe\x00<garbage \x81\x82")
    code, out, err = run_cli("audit", mapped_mini, "--from", target, tmp_path)
    assert code == 2 and out == ""
    assert str(tmp_path) in err and "error" in err


@pytest.mark.parametrize("target", TARGETS)
def test_sarif_per_target(run_cli, mapped_mini, mini_pb, tmp_path, target):
    adapter(target).write(_seeded(mini_pb, target), mapping_for(mini_pb, target), tmp_path)
    code, out, _ = run_cli("audit", mapped_mini, "--from", target, tmp_path, "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0" and code == (1 if log["runs"][0]["results"] else 0)
    for result in log["runs"][0]["results"]:
        assert result["level"] in ("error", "warning") and result["message"]["text"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file://")


@pytest.mark.parametrize("target", TARGETS)
def test_change_plan_steps_per_target(run_cli, mapped_mini, mini_pb, tmp_path, target):
    from openpyxl import load_workbook

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
    lead = mapping_for(mini_pb, target).object_name("lead")
    assert [s["crm_object"] for s in read] == ([lead] if lead else [])
    # either the CRM drops the read, or it says why it cannot (Salesforce: editing needs reading)
    assert all(s["to"] == "none" or (s["to"] == s["from"] and s["note"]) for s in read)
