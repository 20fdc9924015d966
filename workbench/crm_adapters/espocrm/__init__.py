"""EspoCRM: playbook roles as Role records in the shape its REST API takes (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.domain.crm import espocrm as model
from workbench.i18n import N_
from workbench.loading.crm import espocrm as reader
from workbench.loading.crm.users import espocrm as users
from workbench.writers.crm import espocrm as writer

ADAPTER: CrmAdapter = BundledAdapter(
    name="espocrm",
    label_id=N_("EspoCRM"),
    reads=("json",),
    writes=("json", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
)
