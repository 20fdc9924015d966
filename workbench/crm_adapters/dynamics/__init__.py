"""Microsoft Dynamics 365: playbook roles as security roles of an unpacked solution (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.dynamics import model, reader, users, writer
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("Microsoft Dynamics 365"),
    reads=("xml", "zip"),
    writes=("xml",),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    role_names_fn=model.exported_role_names,
)
