"""The design as SuiteCRM role ACLs.

Files: `suitecrm_acl.csv` with exactly the columns `role,module,action,value` — one row per role, mapped
module and action (access, view, list, edit, delete, import, export, massupdate, in that order), the value
being SuiteCRM's own number (89/-98 for access; 90 all, 80 group, 75 owner, -99 none for the others).
Every action is written explicitly, so nothing is left "not set" (0) for SuiteCRM's defaults (all) to
fill; then the `admin` rows of the system rights (`model`). The rows are what a
consultant enters in Security Suite > Role Management (or loads into acl_roles_actions, joining acl_roles
by name and acl_actions by category = module and name = action).
And `suitecrm-limitations.txt`: every designed right the ACL cannot carry (rules in
`model`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.crm_adapters.espocrm.writer import limitations_text
from workbench.crm_adapters.suitecrm.model import HEADER, ORDER, admin_values, plan, split_admin
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.writers.atomic import write_text_atomic

ACL, REPORT = "suitecrm_acl.csv", "suitecrm-limitations.txt"


def write(pb: Playbook, mapping: CrmMapping, folder: Path) -> list[Path]:
    """Write the ACL CSV and the limitations report into `folder`; returns their paths."""
    folder = Path(folder)
    names: dict[str, str] = {}
    for role in pb.roles:
        other = names.setdefault(mapping.role_name(role.id), role.id)
        if other != role.id:
            raise ValueError(
                f"roles {other} and {role.id} both map to the SuiteCRM role "
                f"{mapping.role_name(role.id)!r}; give them distinct names under "
                "crm_mappings.suitecrm.roles"
            )
    acl, matrix = plan(pb, mapping)
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(HEADER)
    for role in pb.roles:
        name = mapping.role_name(role.id)
        for module, values in acl[name].items():
            out.writerows([name, module, action, values[action]] for action in ORDER)
        admin = admin_values(role, mapping)
        out.writerows([name, *split_admin(entry), value] for entry, value in admin.items())
    path, report = folder / ACL, folder / REPORT
    write_text_atomic(path, buffer.getvalue())
    write_text_atomic(report, limitations_text(matrix, "SuiteCRM", {r: n for n, r in names.items()}))
    return [path, report]
