"""Salesforce audit: seeded drift (wider, extra role, missing right, unknown object) is found exactly and
located; folders, single files and retrieved zips read alike; export then read back on every bundled playbook
and the command's exit codes are the contract suite's (test_adapter_contract.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from tests.conftest import DATA
from workbench.crm_adapters.salesforce.model import NAMESPACE, project
from workbench.crm_adapters.salesforce.reader import read
from workbench.crm_adapters.salesforce.writer import write
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import compare
from workbench.loading.playbooks import load_playbook

MINI_MAP = CrmMapping(objects={"lead": "Lead", "settings": "Setting__c"})


def design(ref: str):
    pb = load_playbook(DATA / "mini.yaml" if ref == "mini" else ref).playbook
    return pb, MINI_MAP if ref == "mini" else pb.crm_mappings["salesforce"]


def drifts(pb, mapping, path):
    live, problems = read(path, pb, mapping)
    assert [p for p in problems if p.severity == "error"] == []
    return {
        (d.kind, d.severity, d.role, d.object, d.action, d.design, d.live)
        for d in compare(project(pb, mapping), live)
    }, live


def edit(path, sobject, **flags):
    """Set flags on one objectPermissions entry (adding the entry when the sObject has none)."""
    tree = ET.parse(path)
    q = f"{{{NAMESPACE}}}"
    entries = tree.getroot().iter(f"{q}objectPermissions")
    entry = next((e for e in entries if e.findtext(f"{q}object") == sobject), None)
    if entry is None:
        entry = ET.SubElement(tree.getroot(), f"{q}objectPermissions")
        ET.SubElement(entry, f"{q}object").text = sobject
    for flag, value in flags.items():
        element = entry.find(f"{q}{flag}")
        if element is None:
            element = ET.SubElement(entry, f"{q}{flag}")
        element.text = str(value).lower()
    tree.write(path, encoding="UTF-8", xml_declaration=True, default_namespace=NAMESPACE)


def test_seeded_drift_is_found_exactly_and_located(tmp_path):
    pb, mapping = design("mini")
    write(pb, mapping, tmp_path)
    sets = tmp_path / "permissionsets"
    specialist = sets / "CRM_specialist.permissionset-meta.xml"
    edit(specialist, "Lead", viewAllRecords=True, allowCreate=False)  # widened read, missing create
    edit(specialist, "Invoice__c", allowRead=True)  # an object the design does not map
    (sets / "CRM_intruder.permissionset-meta.xml").write_text(  # a permission set made outside the design
        (sets / "CRM_consultant.permissionset-meta.xml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    found, live = drifts(pb, mapping, tmp_path)
    assert found == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("missing", "warning", "specialist", "lead", "create", "team", "none"),
        ("unknown-object", "error", "CRM_specialist", "Invoice__c", None, None, None),
        ("unknown-role", "error", "CRM_intruder", None, None, None, None),
    }
    file, line = live.locations[("specialist", "lead", "read")]
    assert file == str(specialist) and "<objectPermissions>" in specialist.read_text().splitlines()[line - 1]
    assert live.locations[("CRM_intruder", None, None)][0].endswith("CRM_intruder.permissionset-meta.xml")


def test_seeded_drift_on_core(tmp_path):
    """Modify All granted where the design deletes team records: every right it widens, and nothing else."""
    pb, mapping = design("core")
    write(pb, mapping, tmp_path)
    designed = project(pb, mapping).grants
    role, obj = next((r, o) for (r, o, a), s in designed.items() if a == "delete" and s == "team")
    path = tmp_path / "permissionsets" / f"{mapping.role_name(role)}.permissionset-meta.xml"
    edit(path, mapping.objects[obj], modifyAllRecords=True, viewAllRecords=True)
    found, _ = drifts(pb, mapping, tmp_path)
    assert found == {
        ("wider", "error", role, obj, a, designed[(role, obj, a)], "all")
        for a in ("read", "update", "delete")
        if designed[(role, obj, a)] != "all"
    }
    assert ("wider", "error", role, obj, "delete", "team", "all") in found


def test_missing_permission_set_is_a_missing_role(tmp_path):
    pb, mapping = design("mini")
    write(pb, mapping, tmp_path)
    (tmp_path / "permissionsets" / "CRM_consultant.permissionset-meta.xml").unlink()
    found, _ = drifts(pb, mapping, tmp_path)
    assert found == {
        ("missing-role", "warning", "consultant", None, None, None, None),
        ("missing", "warning", "consultant", "settings", "read", "all", "none"),
        ("missing", "warning", "consultant", "settings", "update", "team", "none"),
    }


def test_retrieved_folder_with_extra_metadata(tmp_path):
    pb, mapping = design("mini")
    found, live = drifts(pb, mapping, DATA / "crm" / "salesforce" / "retrieved")
    assert found == {
        ("wider", "error", "specialist", "lead", "read", "team", "all"),
        ("unknown-object", "error", "CRM_specialist", "Invoice__c", None, None, None),
        ("unknown-role", "error", "Sales_Ops_Helper", None, None, None, None),
        ("missing-role", "warning", "consultant", None, None, None, None),
        ("missing", "warning", "consultant", "settings", "read", "all", "none"),
        ("missing", "warning", "consultant", "settings", "update", "team", "none"),
    }
    assert ("CRM_specialist", "Unused__c") not in live.unknown_objects  # no flag set: no rights


def test_single_file_and_retrieved_zip(tmp_path):
    pb, mapping = design("mini")
    paths = write(pb, mapping, tmp_path / "src")
    live, problems = read(paths[1], pb, mapping)
    assert problems == [] and live.missing_roles == ["consultant"]
    archive = tmp_path / "retrieve.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # Metadata API format: permissionsets/X.permissionset
        for path in paths:
            zf.write(path, f"unpackaged/permissionsets/{path.name.replace('-meta.xml', '')}")
        zf.writestr("unpackaged/package.xml", "<Package/>")
    live, problems = read(archive, pb, mapping)
    assert problems == [] and compare(project(pb, mapping), live) == []
