"""Odoo: playbook roles as groups, model access lines and record rules of a small module (rules in
`model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.odoo import model, reader, users, writer
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("Odoo"),
    reads=("csv", "xml"),
    writes=("csv", "xml", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    role_names_fn=model.exported_role_names,
)
