"""The design as Salesforce permission sets, in Metadata API source format.

Files: `permissionsets/<Name>.permissionset-meta.xml` per playbook role, nothing else, so the folder can
sit in a source tree such as `force-app/main/default` and deploy as is. What a permission set cannot carry
(rules in `model`) is the projection's Limitations, which `crmwb crm-export` writes to
limitations.md beside the target folders. The XML follows what Salesforce itself retrieves (namespace,
element order, 4-space indent), so a retrieved copy diffs cleanly against the export.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from workbench.crm_adapters.salesforce.model import FLAGS, NAMESPACE, PermissionSetPlan, plan
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.i18n import current_language
from workbench.writers.atomic import write_bytes_atomic

SUFFIX = ".permissionset-meta.xml"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """One permission set file per role (one with no rights too, so the audit does not miss it); label and
    description in the current language (the client's), the API name stays the id-derived one."""
    paths = []
    for item in plan(pb, mapping, current_language())[0]:
        path = Path(folder) / "permissionsets" / f"{item.name}{SUFFIX}"
        write_bytes_atomic(path, permission_set_xml(item))
        paths.append(path)
    return paths


def _text(value: str) -> str:
    """Escaped element text, without the control characters XML 1.0 cannot carry."""
    return escape(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value))


def permission_set_xml(item: PermissionSetPlan) -> bytes:
    """One permission set: description, label, objectPermissions sorted by sObject (flags in Salesforce's
    order with `object` placed alphabetically among them), then the userPermissions of the designed system
    rights, as a retrieve writes it. Written
    as text (every value escaped): a 500-object set is 4,000 lines, and a tree would only slow it down."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<PermissionSet xmlns="{NAMESPACE}">']
    if item.description:
        lines.append(f"    <description>{_text(item.description[:255])}</description>")
    lines += [
        "    <hasActivationRequired>false</hasActivationRequired>",
        f"    <label>{_text(item.label[:80])}</label>",
    ]
    for sobject in sorted(item.objects):
        fields = {flag: str(item.objects[sobject][flag]).lower() for flag in FLAGS}
        fields["object"] = _text(sobject)
        lines += [
            "    <objectPermissions>",
            *(f"        <{t}>{fields[t]}</{t}>" for t in sorted(fields)),
            "    </objectPermissions>",
        ]
    for name in item.user_permissions:
        lines += [
            "    <userPermissions>",
            "        <enabled>true</enabled>",
            f"        <name>{_text(name)}</name>",
            "    </userPermissions>",
        ]
    lines.append("</PermissionSet>")
    return ("\n".join(lines) + "\n").encode("utf-8")
