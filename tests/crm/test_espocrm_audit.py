"""EspoCRM audit: seeded drift (a widened scope, an extra role, a missing right, an unknown entity) found
exactly; an API answer (`GET /Role`: "list", `data` as a JSON string, not-set settings) reads as expected;
hostile and broken inputs (truncated, wrong encoding, bad levels, deep nesting, wrong shapes) become located
problems, never a traceback; export then read back on every bundled playbook and the command's exit codes are
the contract suite's (test_adapter_contract.py)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA
from tests.crm.test_espocrm import MINI_MAP, design
from workbench.crm_adapters.espocrm.model import project
from workbench.crm_adapters.espocrm.reader import loads, read
from workbench.crm_adapters.espocrm.writer import write
from workbench.domain.drift import compare

ESPO = DATA / "crm" / "espocrm"


def drifts(pb, path):
    live, problems = read(path, pb, MINI_MAP)
    assert [p for p in problems if p.severity == "error"] == []
    return {
        (d.kind, d.severity, d.role, d.object, d.action, d.design, d.live)
        for d in compare(project(pb, MINI_MAP), live)
    }


def test_seeded_drift_is_found_exactly(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    path = tmp_path / "roles.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    lead = roles[1]["data"]["Lead"]
    lead["read"] = "all"  # widened (stream left at team: read is the wider of the two)
    lead["edit"] = "no"  # missing
    roles[1]["data"]["Account"] = {
        "create": "no",
        "read": "all",
        "edit": "no",
        "delete": "no",
        "stream": "all",
    }
    roles.append({"name": "Sales (legacy)", "data": {"Lead": {"read": "all"}}})
    path.write_text(json.dumps(roles, indent=2), encoding="utf-8")
    assert drifts(pb, tmp_path) == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("missing", "warning", "specialist", "lead", "update", "own", "none"),
        ("unknown-object", "error", "CRM_specialist", "Account", None, None, None),
        ("unknown-role", "error", "Sales (legacy)", None, None, None, None),
    }


def test_export_permission_and_stream_widen_what_the_role_reads(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    path = tmp_path / "roles.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    roles[1]["exportPermission"] = "yes"
    roles[1]["data"]["Lead"]["stream"] = "all"
    path.write_text(json.dumps(roles), encoding="utf-8")
    assert drifts(pb, tmp_path) == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("extra", "error", "specialist", "lead", "export", "none", "all"),
    }


def test_an_api_answer_reads_as_designed():
    pb, _ = design("mini")
    live, problems = read(ESPO / "api_list.json", pb, MINI_MAP)
    assert problems == []
    assert live.unknown_roles == ["Sales (legacy)"] and live.unknown_objects == []
    found = {(d.kind, d.role, d.object, d.action) for d in compare(project(pb, MINI_MAP), live)}
    # exportPermission "not-set" is EspoCRM's default, yes: the specialist may export what they read
    assert found == {
        ("unknown-role", "Sales (legacy)", None, None),
        ("extra", "specialist", "lead", "export"),
    }


def test_a_left_out_entity_is_warned_about(tmp_path):
    pb, _ = design("mini")
    path = tmp_path / "roles.json"
    path.write_text(json.dumps({"name": "CRM_specialist", "data": {}}), encoding="utf-8")
    live, problems = read(path, pb, MINI_MAP)
    assert [(p.severity, p.code, p.line, p.column) for p in problems] == [("warning", "not-set", 1, 28)]
    assert "aclStrictMode" in problems[0].message and live.grants == {}


def test_bad_levels_are_located_at_their_key():
    pb, _ = design("mini")
    _, problems = read(ESPO / "bad_levels.json", pb, MINI_MAP)
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("value", 3, 4),
        ("value", 5, 15),
        ("value", 5, 32),
        ("value", 6, 6),
    ]
    assert "exportPermission is 'maybe'" in problems[0].message
    assert "Lead: create is 'own'" in problems[1].message and "Settings: value is 42" in problems[3].message


@pytest.mark.parametrize(
    "name, code, where", [("truncated.json", "truncated", (3, 47)), ("latin1.json", "encoding", (2, 75))]
)
def test_truncated_and_mis_encoded_files_are_located(name, code, where):
    pb, _ = design("mini")
    live, problems = read(ESPO / name, pb, MINI_MAP)
    assert [(p.code, p.line, p.column) for p in problems] == [(code, *where)]
    assert live.grants == {}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "42",
        '{"total": 1}',
        '[1, "x"]',
        '{"name": "CRM_specialist", "data": "{not json"}',
        '{"name": "CRM_specialist", "data": [1]}',
        '{"data": {}}',
    ],
)
def test_wrong_shapes_are_problems_not_tracebacks(text, tmp_path):
    pb, _ = design("mini")
    path = tmp_path / "roles.json"
    path.write_text(text, encoding="utf-8")
    _, problems = read(path, pb, MINI_MAP)
    assert problems and all(p.file.startswith(str(path)) and p.severity == "error" for p in problems)


def test_the_located_loader_keeps_json_semantics():
    text = '{"a": [1, {"b": null}], "c": {}}'
    assert loads(text) == json.loads(text)
    assert (loads(text).start, loads(text)["a"][1].start) == (0, 10)
