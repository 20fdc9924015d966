"""Microsoft Dynamics 365: playbook roles as security roles of an unpacked solution (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.domain.crm import dynamics as model
from workbench.i18n import N_
from workbench.loading.crm import dynamics as reader
from workbench.loading.crm.users import dynamics as users
from workbench.writers.crm import dynamics as writer

ADAPTER: CrmAdapter = BundledAdapter(
    name="dynamics",
    label_id=N_("Microsoft Dynamics 365"),
    reads=("xml", "zip"),
    writes=("xml",),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    role_names_fn=model.exported_role_names,
)
