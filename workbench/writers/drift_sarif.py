"""A drift audit as SARIF 2.1.0, so CI pipelines that guard CRM configuration (GitHub code scanning,
Azure DevOps, GitLab) show each drift where the live export grants it.

One run; tool.driver carries one rule per drift kind (id = the kind, level from its default severity);
each result names its rule, a level (error for rights beyond the design and unknown roles/objects,
warning for rights missing), the message, a physical location (the live export file, and the line when
the reader gave one) and a logical location role/object/action. Relative input paths stay relative
(resolved against the checkout by %SRCROOT%); absolute ones become file:// URIs.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath

from workbench.domain.audit_report import KINDS, AuditReport
from workbench.domain.drift import Drift

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
VERSION = "2.1.0"
RULE_NAMES = {
    "wider": "RightWiderThanDesign",
    "extra": "RightNotInDesign",
    "unknown-role": "UnknownRole",
    "unknown-object": "UnknownObject",
    "narrower": "RightNarrowerThanDesign",
    "missing": "RightMissing",
    "missing-role": "RoleMissing",
}


def _artifact(file: str) -> dict:
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": Path(file).as_uri()}
    return {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}


def _rules() -> list[dict]:
    return [
        {
            "id": kind,
            "name": RULE_NAMES[kind],
            "shortDescription": {"text": text},
            "fullDescription": {"text": text},
            "defaultConfiguration": {"level": severity},
            "help": {
                "text": "Change the CRM back to the design, or change the design (and its approval) "
                "and export it again with `crmwb crm-export`."
            },
        }
        for kind, (severity, text) in KINDS.items()
    ]


def _result(report: AuditReport, drift: Drift, rule_index: dict[str, int]) -> dict:
    file, line = report.location(drift)
    physical: dict = {"artifactLocation": _artifact(file)}
    if line:
        physical["region"] = {"startLine": int(line)}
    name = "/".join(part for part in (drift.role, drift.object, drift.action) if part)
    location = {
        "physicalLocation": physical,
        "logicalLocations": [
            {
                "name": drift.action or drift.object or drift.role or report.target,
                "fullyQualifiedName": f"{report.target}:{name}",
                "kind": "member",
            }
        ],
    }
    level = drift.severity if drift.severity in ("error", "warning", "note") else "warning"
    return {
        "ruleId": drift.kind,
        "ruleIndex": rule_index.get(drift.kind, -1),
        "level": level,
        "message": {"text": drift.message},
        "locations": [location],
        "partialFingerprints": {"driftCell/v1": f"{report.target}:{drift.kind}:{name}"},
        "properties": {
            "role": drift.role,
            "object": drift.object,
            "action": drift.action,
            "design": drift.design,
            "live": drift.live,
        },
    }


def sarif(report: AuditReport, tool_version: str) -> dict:
    """The SARIF log as a dict (json.dumps it)."""
    rules = _rules()
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [_result(report, d, rule_index) for d in report.drifts]
    run = {
        "tool": {
            "driver": {
                "name": "crmwb audit",
                "fullName": "CRM Workbench drift audit",
                "version": tool_version,
                "semanticVersion": tool_version,
                "rules": rules,
            }
        },
        "automationDetails": {"id": f"crmwb-audit/{report.target}/"},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "artifacts": [{"location": _artifact(report.source)}],
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {
            "design": report.design,
            "target": report.target,
            "limitations": len(report.limitations),
        },
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def dumps(report: AuditReport, tool_version: str) -> str:
    return json.dumps(sarif(report, tool_version), ensure_ascii=False, indent=2) + "\n"
