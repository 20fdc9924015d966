"""SuiteCRM audit: seeded drift (a widened scope, an extra role, a missing right, an unknown module) found
exactly; a live database export (extra columns, "not set" values, a disabled module) reads as SuiteCRM applies
it; hostile and broken inputs (truncated, wrong encoding, bad values, conflicts, bad header) become located
problems, never a traceback; export then read back on every bundled playbook and the command's exit codes are
the contract suite's (test_adapter_contract.py)."""

from __future__ import annotations

from tests.conftest import DATA
from tests.crm.test_suitecrm import MINI_MAP, design
from workbench.crm_adapters.suitecrm.model import project
from workbench.crm_adapters.suitecrm.reader import read
from workbench.crm_adapters.suitecrm.writer import write
from workbench.domain.drift import compare

SUITE = DATA / "crm" / "suitecrm"


def drifts(pb, path):
    live, problems = read(path, pb, MINI_MAP)
    assert [p for p in problems if p.severity == "error"] == []
    return {
        (d.kind, d.severity, d.role, d.object, d.action, d.design, d.live)
        for d in compare(project(pb, MINI_MAP), live)
    }


def edit(path, replace: dict[str, str], add: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert set(replace) <= set(lines)
    path.write_text("\n".join([replace.get(line, line) for line in lines] + add) + "\n", encoding="utf-8")


def test_seeded_drift_is_found_exactly(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    edit(
        tmp_path / "suitecrm_acl.csv",
        {
            "CRM_specialist,Leads,view,80": "CRM_specialist,Leads,view,90",  # widened (list stays group)
            "CRM_specialist,Leads,edit,75": "CRM_specialist,Leads,edit,-99",
        },  # missing
        ["Sales Legacy,Leads,access,89", "Sales Legacy,Leads,view,90", "CRM_specialist,Bugs,access,89"],
    )  # Bugs' other actions not set: all
    assert drifts(pb, tmp_path) == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("missing", "warning", "specialist", "lead", "update", "own", "none"),
        ("unknown-role", "error", "Sales Legacy", None, None, None, None),
        ("unknown-object", "error", "CRM_specialist", "Bugs", None, None, None),
    }


def test_not_set_reads_as_suitecrms_default_and_is_warned_about(tmp_path):
    pb, _ = design("mini")
    write(pb, MINI_MAP, tmp_path)
    edit(
        tmp_path / "suitecrm_acl.csv",
        {"CRM_specialist,Leads,delete,-99": "CRM_specialist,Leads,delete,0"},
        [],
    )
    live, problems = read(tmp_path, pb, MINI_MAP)
    assert [(p.severity, p.code) for p in problems] == [("warning", "not-set")]
    assert "CRM_specialist leaves actions on Leads not set" in problems[0].message
    assert {(d.kind, d.action, d.live) for d in compare(project(pb, MINI_MAP), live)} == {
        ("extra", "delete", "all")
    }


def test_a_live_export_reads_as_suitecrm_applies_it():
    pb, _ = design("mini")
    live, problems = read(SUITE / "live_export.csv", pb, MINI_MAP)
    assert [(p.severity, p.code) for p in problems] == [("warning", "not-set")]
    assert live.unknown_objects == [("CRM_specialist", "Bugs")]  # access not set: enabled, all
    found = {(d.kind, d.role, d.object, d.action, d.live) for d in compare(project(pb, MINI_MAP), live)}
    assert found == {
        ("extra", "specialist", "lead", "import", "all"),
        ("unknown-object", "CRM_specialist", "Bugs", None, None),
    }


def test_bad_values_are_located():
    pb, _ = design("mini")
    _, problems = read(SUITE / "bad_values.csv", pb, MINI_MAP)
    assert [(p.code, p.line, p.column) for p in problems] == [
        ("value", 3, 27),
        ("value", 4, 29),
        ("value", 5, 22),
        ("value", 6, 27),
        ("conflict", 8, 27),
        ("not-set", 2, 1),
    ]  # the rows refused leave their actions not set
    assert "view value '85'; expected one of 90, 80, 75, 0, -99" in problems[0].message
    assert "import value '80'; expected one of 90, 0, -99" in problems[1].message
    assert "edit is 90 here and 75 on line 7" in problems[4].message


def test_truncated_and_mis_encoded_files_are_located(tmp_path):
    pb, _ = design("mini")
    _, problems = read(SUITE / "truncated.csv", pb, MINI_MAP)
    assert [(p.code, p.line) for p in problems] == [("truncated", 4), ("not-set", 2)]
    _, problems = read(SUITE / "latin1.csv", pb, MINI_MAP)
    assert [(p.code, p.line, p.column) for p in problems] == [("encoding", 2, 7)]
    header = tmp_path / "suitecrm_acl.csv"
    header.write_text("role;module;action;value\n", encoding="utf-8")
    assert [(p.code, p.line) for p in read(tmp_path, pb, MINI_MAP)[1]] == [("header", 1)]
    header.write_bytes(b"role,module,action,value\nCRM_x,Leads,view,\x0090\n")
    first = read(header, pb, MINI_MAP)[1][0]
    assert (first.code, first.line, first.column) == ("control", 2, 18)
    assert [p.code for p in read(tmp_path / "missing.csv", pb, MINI_MAP)[1]] == ["io"]
