"""The design as Kommo roles: `kommo-roles.json`, the body of `POST /api/v4/roles` (a JSON array, one
object per playbook role: `name` and `rights`, every mapped entity listed with every action it takes, so
nothing is left to Kommo's defaults), and `kommo-limitations.txt`: every designed right a role cannot
carry and what was written instead (rules in `model`).
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.crm_adapters.espocrm.writer import limitations_text
from workbench.crm_adapters.kommo.model import beyond_the_design, plan
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.i18n import _
from workbench.writers.atomic import write_text_atomic

ROLES, REPORT = "kommo-roles.json", "kommo-limitations.txt"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """Write the roles and the limitations report into `folder`; returns their paths."""
    folder = Path(folder)
    roles, matrix = plan(pb, mapping)
    clash = [r.role for r in roles if [x.name for x in roles].count(r.name) > 1]
    if clash:
        raise ValueError(
            f"roles {', '.join(clash)} map to one Kommo role name; give them distinct names under "
            "crm_mappings.kommo.roles"
        )
    path, report = folder / ROLES, folder / REPORT
    text = limitations_text(matrix, "Kommo", {r.role: r.name for r in roles})
    extra = [
        _("What Kommo can hold that the design cannot say:"),
        *(f"  {line}" for line in beyond_the_design(pb, mapping)),
    ]
    write_text_atomic(path, json.dumps([r.document() for r in roles], ensure_ascii=False, indent=2) + "\n")
    write_text_atomic(report, text + "\n" + "\n".join(extra) + "\n")
    return [path, report]
