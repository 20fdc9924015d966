"""The design as Kommo roles: `kommo-roles.json`, the body of `POST /api/v4/roles` (a JSON array, one
object per playbook role: `name` and `rights`, every mapped entity listed with every action it takes, so
nothing is left to Kommo's defaults), and `kommo-limitations.txt`: every designed right a role cannot
carry and what was written instead (rules in `model`).
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.crm_adapters.espocrm.writer import limitations_text
from workbench.crm_adapters.kommo.model import plan
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.writers.atomic import write_text_atomic

ROLES, REPORT = "kommo-roles.json", "kommo-limitations.txt"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """Write the roles and the limitations report into `folder`; returns their paths."""
    folder = Path(folder)
    roles, matrix = plan(pb, mapping)
    names: dict[str, str] = {}
    for item in roles:
        other = names.setdefault(item.name, item.role)
        if other != item.role:
            raise ValueError(
                f"roles {other} and {item.role} both map to the Kommo role {item.name!r}; give "
                "them distinct names under crm_mappings.kommo.roles"
            )
    path, report = folder / ROLES, folder / REPORT
    write_text_atomic(path, json.dumps([r.document() for r in roles], ensure_ascii=False, indent=2) + "\n")
    write_text_atomic(report, limitations_text(matrix, "Kommo", {r.role: r.name for r in roles}))
    return [path, report]
