"""The design as EspoCRM Role records.

Files: `roles.json`, a JSON array with one object per playbook role in the shape EspoCRM's API takes and
returns for a Role (`POST /api/v1/Role` one element at a time; `GET /api/v1/Role` returns the same objects
under "list"): `name`, `data` (entity -> levels, `false` for no access; every mapped entity is listed, so
nothing is left "not-set" for EspoCRM's defaults to fill), `fieldData` (empty: field-level access is not
designed), `exportPermission` and `massUpdatePermission`. And `espocrm-limitations.txt`: every designed
right a role cannot carry and what was written instead (rules in `model`).
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.crm_adapters.espocrm.model import plan
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import _
from workbench.writers.atomic import write_text_atomic

ROLES, REPORT = "roles.json", "espocrm-limitations.txt"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """Write roles.json and the limitations report into `folder`; returns their paths."""
    folder = Path(folder)
    roles, matrix = plan(pb, mapping)
    names: dict[str, str] = {}
    for item in roles:
        other = names.setdefault(item.name, item.role)
        if other != item.role:
            raise ValueError(
                f"roles {other} and {item.role} both map to the EspoCRM role {item.name!r}; give "
                "them distinct names under crm_mappings.espocrm.roles"
            )
    path, report = folder / ROLES, folder / REPORT
    write_text_atomic(path, json.dumps([r.document() for r in roles], ensure_ascii=False, indent=2) + "\n")
    write_text_atomic(report, limitations_text(matrix, "EspoCRM", {r.role: r.name for r in roles}))
    return [path, report]


def limitations_text(matrix: TargetMatrix, crm: str, names: dict[str, str]) -> str:
    """What the export could not say, one line per designed right, grouped by role; in the current language
    (the client's), ids and CRM names as they are."""
    lines = [
        _("{crm}: designed rights a role cannot carry exactly").format(crm=crm),
        _("(object action: designed -> written/audited as: why)"),
        "",
    ]
    for role, name in names.items():
        own = [lim for lim in matrix.limitations if lim.role == role]
        if own:
            lines.append(f"{name} ({role}):")
            lines += [
                f"  {lim.object} {action_label(lim.action)}: {scope_label(lim.wanted)} -> "
                f"{scope_label(lim.expressed)}: {lim.message}"
                for lim in own
            ]
    if not matrix.limitations:
        lines.append(_("none"))
    return "\n".join(lines) + "\n"
