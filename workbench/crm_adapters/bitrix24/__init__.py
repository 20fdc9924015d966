"""Bitrix24: playbook roles as Bitrix24 CRM roles (entities x rights x levels), written as a configuration
workbook in the words of its settings screen and audited from the same workbook filled back from the
portal (rules in `model`, words in `words`)."""

from __future__ import annotations

from workbench.crm_adapters.bitrix24 import model, reader, users, writer
from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("Bitrix24"),
    reads=("xlsx",),
    writes=("xlsx",),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    role_names_fn=model.exported_role_names,
    mapping=model.default_mapping,
)
