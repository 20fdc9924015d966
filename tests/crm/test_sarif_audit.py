"""`crmwb audit --format sarif`: the properties SARIF 2.1.0 requires (checked by hand, no schema library),
one rule per drift kind, levels, messages and locations pointing at the live export's lines."""

from __future__ import annotations

import json
import re

from tests.crm.audit_fixtures import MINI, edit_lines, exported_fixture, fake_target_fixture  # noqa: F401
from workbench.domain.audit_report import KINDS


def _sarif(run_cli, exported, *extra):
    code, out, err = run_cli("audit", MINI, "--from", "fake", exported, "--format", "sarif", *extra)
    return code, out, err


def _seed(exported):
    edit_lines(
        exported / "permissions.csv",
        {
            "CRM_specialist,lead,read,team": "CRM_specialist,lead,read,all",
            "CRM_specialist,lead,update,own": None,
        },
        add=["CRM_intruder,lead,read,all"],
    )


def test_required_top_level_properties(run_cli, exported):
    _seed(exported)
    code, out, _ = _sarif(run_cli, exported)
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "crmwb audit" and re.fullmatch(r"\d+\.\d+\.\d+.*", driver["version"])


def test_rules_one_per_drift_kind(run_cli, exported):
    log = json.loads(_sarif(run_cli, exported)[1])
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(KINDS)
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")


def test_results_have_rule_level_message_and_location(run_cli, exported):
    _seed(exported)
    log = json.loads(_sarif(run_cli, exported)[1])
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("unknown-role", "error"),
        ("wider", "error"),
        ("missing", "warning"),
    ]
    csv = str(exported / "permissions.csv")
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        assert len(result["locations"]) == 1
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
    wider, intruder = results[1], results[0]
    assert wider["locations"][0]["physicalLocation"]["region"] == {"startLine": 5}
    assert wider["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + csv
    assert wider["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "fake:specialist/lead/read"
    assert intruder["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    # a missing right has no line of its own: it points at the role's first line
    missing = results[2]["locations"][0]["physicalLocation"]
    assert missing == {"artifactLocation": {"uri": "file://" + csv}, "region": {"startLine": 4}}
    assert results[1]["properties"] == {
        "role": "specialist",
        "object": "lead",
        "action": "read",
        "design": "team",
        "live": "all",
    }


def test_clean_audit_has_empty_results_and_relative_uri(run_cli, exported, monkeypatch):
    monkeypatch.chdir(exported.parent)
    code, out, _ = run_cli("audit", MINI, "--from", "fake", "fake", "--format", "sarif")
    assert code == 0
    run = json.loads(out)["runs"][0]
    assert run["results"] == []
    assert run["artifacts"] == [{"location": {"uri": "fake", "uriBaseId": "%SRCROOT%"}}]


def test_sarif_to_file(run_cli, exported, tmp_path):
    target = tmp_path / "audit.sarif"
    code, out, _ = _sarif(run_cli, exported, "--out", target)
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"
