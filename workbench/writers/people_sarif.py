"""A people audit as SARIF 2.1.0: one rule per finding kind, one result per finding, located at the user
export's line when the reader gave one, with the person and the account as the logical location (so CI
code scanning shows who, not only where)."""

from __future__ import annotations

import json
from pathlib import Path, PurePath

from workbench.domain.people_audit import KINDS, PeopleAudit, PersonFinding

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
RULE_NAMES = {
    "left-enabled": "LeftStaffAccountEnabled",
    "no-person": "AccountWithoutPerson",
    "shared-login": "SharedLogin",
    "toxic-combination": "ToxicRoleCombination",
    "beyond-role": "RolesBeyondDesign",
    "too-many-admins": "TooManyAdministrators",
    "unknown-role": "UnknownCrmRole",
}


def _artifact(file: str) -> dict:
    path = PurePath(file)
    return (
        {"uri": Path(file).as_uri()}
        if path.is_absolute()
        else {"uri": path.as_posix(), "uriBaseId": "%SRCROOT%"}
    )


def _result(report: PeopleAudit, f: PersonFinding, index: dict[str, int]) -> dict:
    physical: dict = {"artifactLocation": _artifact(f.file or (report.sources or ["-"])[0])}
    if f.line:
        physical["region"] = {"startLine": int(f.line)}
    name = f.account or f.person or f.kind
    return {
        "ruleId": f.kind,
        "ruleIndex": index[f.kind],
        "level": f.severity if f.severity in ("error", "warning", "note") else "note",
        "message": {"text": f"{f.evidence}. {f.fix}"},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [
                    {"name": name, "kind": "member", "fullyQualifiedName": f"{report.target}:{name}"}
                ],
            }
        ],
        "partialFingerprints": {"personFinding/v1": f"{report.target}:{f.kind}:{name}:{','.join(f.roles)}"},
        "properties": {
            "person": f.person,
            "account": f.account,
            "roles": list(f.roles),
            "rule": f.rule,
            "fix": f.fix,
        },
    }


def sarif(report: PeopleAudit, tool_version: str) -> dict:
    rules = [
        {
            "id": kind,
            "name": RULE_NAMES[kind],
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": severity},
        }
        for kind, (severity, text) in KINDS.items()
    ]
    index = {kind: i for i, kind in enumerate(KINDS)}
    run = {
        "tool": {
            "driver": {
                "name": "crmwb people-audit",
                "version": tool_version,
                "semanticVersion": tool_version,
                "rules": rules,
            }
        },
        "automationDetails": {"id": f"crmwb-people-audit/{report.target}/"},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "artifacts": [{"location": _artifact(s)} for s in report.sources],
        "invocations": [{"executionSuccessful": True}],
        "results": [_result(report, f, index) for f in report.findings],
        "properties": {
            "design": report.design,
            "target": report.target,
            "accounts": report.accounts,
            "people": report.people,
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def dumps(report: PeopleAudit, tool_version: str) -> str:
    return json.dumps(sarif(report, tool_version), ensure_ascii=False, indent=2) + "\n"
