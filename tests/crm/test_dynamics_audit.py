"""Dynamics 365 audit: seeded drift is found exactly and located; unpacked solutions, solution zips
(customizations.xml) and single role files read alike; hostile XML is refused with located errors; export then
read back on every bundled playbook and the command's exit codes are the contract suite's
(test_adapter_contract.py)."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import DATA
from workbench.crm_adapters.dynamics.model import project
from workbench.crm_adapters.dynamics.reader import read
from workbench.crm_adapters.dynamics.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import compare
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "lead", "settings": "new_setting"})
HOSTILE = DATA / "crm" / "dynamics" / "hostile" / "Roles"


def design(ref: str):
    pb = load_playbook(DATA / "mini.yaml" if ref == "mini" else ref).playbook
    return pb, MINI_MAP if ref == "mini" else pb.crm_mappings["dynamics"]


def drifts(pb, mapping, path):
    live, problems = read(path, pb, mapping)
    assert [p for p in problems if p.severity == "error"] == []
    return (
        {
            (d.kind, d.severity, d.role, d.object, d.action, d.design, d.live)
            for d in compare(project(pb, mapping), live)
        },
        live,
        problems,
    )


def test_seeded_drift_is_found_exactly_and_located(tmp_path):
    pb, mapping = design("mini")
    write(pb, mapping, tmp_path)
    roles = tmp_path / "Roles"
    specialist = roles / "CRM_specialist.xml"
    text = specialist.read_text(encoding="utf-8")
    text = text.replace('"prvReadLead" level="Local"', '"prvReadLead" level="Global"')  # widened
    text = text.replace('    <RolePrivilege name="prvCreateLead" level="Basic" />\n', "")  # a missing right
    text = text.replace(
        "</RolePrivileges>",
        '  <RolePrivilege name="prvReadnew_invoice" level="Basic" />\n  </RolePrivileges>',
    )  # an unknown entity
    specialist.write_text(text, encoding="utf-8")
    (roles / "Intruder.xml").write_text(
        '<Role name="CRM_intruder"><RolePrivileges><RolePrivilege '
        'name="prvReadLead" level="Global"/></RolePrivileges></Role>'
    )
    found, live, problems = drifts(pb, mapping, tmp_path)
    assert problems == []
    assert found == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("missing", "warning", "specialist", "lead", "create", "own", "none"),
        ("unknown-object", "error", "CRM_specialist", "new_invoice", None, None, None),
        ("unknown-role", "error", "CRM_intruder", None, None, None, None),
    }
    file, line = live.locations[("specialist", "lead", "read")]
    assert file == str(specialist) and 'name="prvReadLead"' in text.splitlines()[line - 1]
    file, line = live.locations[("CRM_specialist", "new_invoice", None)]
    assert "prvReadnew_invoice" in text.splitlines()[line - 1]


def test_hand_edited_solution(tmp_path):
    """Deep, a lone wider AppendTo, Share, an unmapped entity, a role only in Customizations.xml."""
    pb, mapping = design("mini")
    found, live, problems = drifts(pb, mapping, DATA / "crm" / "dynamics" / "solution")
    assert found == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),  # Deep, read as all
        ("wider", "error", "specialist", "lead", "update", "own", "all"),  # AppendTo Global
        ("extra", "error", "specialist", "lead", "share", "none", "own"),
        ("unknown-object", "error", "CRM_specialist", "new_invoice", None, None, None),
        ("unknown-role", "error", "Sales Ops Helper", None, None, None, None),
        ("missing-role", "warning", "consultant", None, None, None, None),
        ("missing", "warning", "consultant", "settings", "read", "all", "none"),
        ("missing", "warning", "consultant", "settings", "update", "all", "none"),
    }
    assert [(p.severity, p.code, p.line) for p in problems] == [
        ("warning", "approximated", 10),
        ("warning", "approximated", 4),
        ("info", "not-audited", 4),
    ]
    assert "Deep" in problems[0].message and "AppendTo all" in problems[1].message
    assert "prvExportToExcel" in problems[2].message


def test_solution_zip_and_single_role_file(tmp_path):
    pb, mapping = design("mini")
    paths = write(pb, mapping, tmp_path / "unpacked")
    roles = "".join(p.read_text(encoding="utf-8").split("?>", 1)[1] for p in paths)
    archive = tmp_path / "solution.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(
            "customizations.xml",
            f'<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml>'
            f"<Roles>{roles}</Roles></ImportExportXml>",
        )
        zf.writestr("solution.xml", "<ImportExportXml/>")
        zf.writestr("[Content_Types].xml", "<Types/>")
    live, problems = read(archive, pb, mapping)
    assert problems == [] and compare(project(pb, mapping), live) == []
    live, problems = read(paths[1], pb, mapping)
    assert problems == [] and live.missing_roles == ["consultant"]


@pytest.mark.parametrize(
    "name,code,line,words",
    [
        ("CRM_xxe", "xml-forbidden", 2, "external entities"),
        ("CRM_laughs", "xml-forbidden", 2, "billion laughs"),
        ("CRM_truncated", "xml-syntax", 4, "truncated"),
        ("CRM_latin1", "encoding", 4, "encoding it declares"),
        ("CRM_profile", "format", 2, "expected <Role>"),
        ("CRM_specialist", "format", 4, "'Everything'"),
    ],
)
def test_hostile_role_file_is_a_located_error(name, code, line, words):
    pb, mapping = design("mini")
    path = HOSTILE / f"{name}.xml"
    live, problems = read(path, pb, mapping)
    assert [(p.code, p.file, p.line, p.severity) for p in problems] == [(code, str(path), line, "error")]
    assert problems[0].column and words in problems[0].message
    assert ("specialist", "lead", "read") not in live.grants


def test_hostile_folder_zip_and_paths_never_raise(tmp_path):
    pb, mapping = design("mini")
    _, problems = read(HOSTILE.parent, pb, mapping)
    assert len([p for p in problems if p.severity == "error"]) == 6
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 truncated")
    assert [p.code for p in read(tmp_path / "bad.zip", pb, mapping)[1]] == ["zip"]
    assert [p.code for p in read(tmp_path, pb, mapping)[1]] == ["empty"]
    assert [p.code for p in read(tmp_path / "nope", pb, mapping)[1]] == ["io"]
