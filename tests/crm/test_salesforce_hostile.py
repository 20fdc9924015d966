"""Hostile and broken Salesforce inputs: every one a located problem, never a traceback, never a read of
an external entity or an expansion."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import DATA
from workbench.crm_adapters.salesforce.reader import read
from workbench.domain.crm_targets import CrmMapping
from workbench.loading.playbooks import load_playbook

HOSTILE = DATA / "crm" / "salesforce" / "hostile"
MAPPING = CrmMapping(
    objects={"lead": "Lead", "settings": "Setting__c"},
    roles={"consultant": "CRM_xxe", "specialist": "CRM_laughs"},
)


@pytest.fixture(scope="module")
def pb():
    return load_playbook(DATA / "mini.yaml").playbook


@pytest.mark.parametrize(
    "name,code,line,words",
    [
        ("CRM_xxe", "xml-forbidden", 2, "external entities"),
        ("CRM_laughs", "xml-forbidden", 2, "billion laughs"),
        ("CRM_truncated", "xml-syntax", 6, "truncated"),
        ("CRM_latin1", "encoding", 3, "encoding it declares"),
        ("CRM_profile", "format", 2, "expected <PermissionSet>"),
    ],
)
def test_broken_file_is_one_located_error(pb, name, code, line, words):
    path = HOSTILE / f"{name}.permissionset-meta.xml"
    live, problems = read(path, pb, MAPPING)
    assert [(p.code, p.file, p.line, p.severity) for p in problems] == [(code, str(path), line, "error")]
    assert problems[0].column and words in problems[0].message
    assert live.grants == {}


def test_hostile_role_files_do_not_count_as_missing(pb):
    """A permission set that could not be read is reported as unreadable, not also as a missing role."""
    live, problems = read(HOSTILE / "CRM_xxe.permissionset-meta.xml", pb, MAPPING)
    assert live.missing_roles == ["specialist"]


def test_bad_values_and_entries_are_located(pb):
    path = HOSTILE / "CRM_specialist.permissionset-meta.xml"
    live, problems = read(path, pb, CrmMapping(objects={"lead": "Lead"}))
    assert [(p.line, p.column, p.code) for p in problems] == [(5, 9, "format"), (9, 5, "format")]
    assert "'yes'; expected true or false" in problems[0].message
    assert "without an <object>" in problems[1].message
    assert live.grants == {("specialist", "lead", "read"): "team"}  # the bad flag counts as false


def test_whole_hostile_folder_reads_without_raising(pb):
    live, problems = read(HOSTILE, pb, MAPPING)
    failed = {p.file.rsplit("/", 1)[-1] for p in problems if p.severity == "error"}
    names = ("xxe", "laughs", "truncated", "latin1", "profile")
    assert failed == {f"CRM_{n}.permissionset-meta.xml" for n in names}
    assert live.unknown_roles == ["CRM_specialist"]  # MAPPING names the specialist CRM_laughs


@pytest.mark.parametrize(
    "make,code",
    [
        (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "zip"),
        (lambda p: zipfile.ZipFile(p, "w").close(), "empty"),
    ],
)
def test_bad_zips(pb, tmp_path, make, code):
    path = tmp_path / "retrieve.zip"
    make(path)
    _, problems = read(path, pb, MAPPING)
    assert [(p.code, p.file) for p in problems] == [(code, str(path))]


def test_empty_folder_and_missing_path(pb, tmp_path):
    assert [p.code for p in read(tmp_path, pb, MAPPING)[1]] == ["empty"]
    assert [p.code for p in read(tmp_path / "nope", pb, MAPPING)[1]] == ["io"]


def test_oversized_zip_member_is_refused_unread(pb, tmp_path, monkeypatch):
    import workbench.loading.crm as crm

    monkeypatch.setattr(crm, "MAX_BYTES", 1000)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("permissionsets/CRM_xxe.permissionset", b" " * 100_000)
    _, problems = read(path, pb, MAPPING)
    assert [p.code for p in problems] == ["too-big"]
