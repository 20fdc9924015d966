"""EspoCRM: playbook roles as Role records in the shape its REST API takes (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.espocrm import model, reader, users, writer
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("EspoCRM"),
    reads=("json",),
    writes=("json", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
)
