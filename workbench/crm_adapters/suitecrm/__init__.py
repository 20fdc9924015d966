"""SuiteCRM: playbook roles as Security Suite role ACL rows (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.domain.crm import suitecrm as model
from workbench.i18n import N_
from workbench.loading.crm import suitecrm as reader
from workbench.loading.crm.users import suitecrm as users
from workbench.writers.crm import suitecrm as writer

ADAPTER: CrmAdapter = BundledAdapter(
    name="suitecrm",
    label_id=N_("SuiteCRM"),
    reads=("csv",),
    writes=("csv", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
)
