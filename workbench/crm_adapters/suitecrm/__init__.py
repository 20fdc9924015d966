"""SuiteCRM: playbook roles as Security Suite role ACL rows (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.crm_adapters.suitecrm import model, reader, users, writer
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("SuiteCRM"),
    reads=("csv",),
    writes=("csv", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
)
