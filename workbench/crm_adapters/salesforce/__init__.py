"""Salesforce: playbook roles as permission sets in Metadata API source format (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.crm_adapters.salesforce import model, reader, users, writer
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("Salesforce"),
    reads=("xml", "zip"),
    writes=("xml",),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    role_names_fn=model.exported_role_names,
)
