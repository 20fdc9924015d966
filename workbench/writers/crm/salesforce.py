"""The design as Salesforce permission sets, in Metadata API source format.

Files: `permissionsets/<Name>.permissionset-meta.xml` per playbook role, nothing else, so the folder can
sit in a source tree such as `force-app/main/default` and deploy as is. What a permission set cannot carry
(rules in domain/crm/salesforce.py) is the projection's Limitations, which `crmwb crm-export` writes to
limitations.md beside the target folders. The XML follows what Salesforce itself retrieves (namespace,
element order, 4-space indent), so a retrieved copy diffs cleanly against the export.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.domain.crm.salesforce import FLAGS, NAMESPACE, PermissionSetPlan, plan
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.writers.atomic import write_bytes_atomic

SUFFIX = ".permissionset-meta.xml"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """One permission set file per role (one with no rights too, so the audit does not miss it)."""
    paths = []
    for item in plan(pb, mapping)[0]:
        path = Path(folder) / "permissionsets" / f"{item.name}{SUFFIX}"
        write_bytes_atomic(path, permission_set_xml(item))
        paths.append(path)
    return paths


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}").text = text


def permission_set_xml(item: PermissionSetPlan) -> bytes:
    """One permission set: description, label, then objectPermissions sorted by sObject, flags in
    Salesforce's order with `object` placed alphabetically among them, as a retrieve writes it."""
    root = ET.Element(f"{{{NAMESPACE}}}PermissionSet")
    if item.description:
        _text(root, "description", item.description[:255])
    _text(root, "hasActivationRequired", "false")
    _text(root, "label", item.label[:80])
    for sobject in sorted(item.objects):
        entry = ET.SubElement(root, f"{{{NAMESPACE}}}objectPermissions")
        fields = {**{flag: str(item.objects[sobject][flag]).lower() for flag in FLAGS}, "object": sobject}
        for tag in sorted(fields):
            _text(entry, tag, fields[tag])
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode", default_namespace=NAMESPACE)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
