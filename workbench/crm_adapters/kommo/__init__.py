"""Kommo (amoCRM): playbook roles in the shape its roles API takes, audited from what its roles and users
API returns (rules in `model`)."""

from __future__ import annotations

from workbench.crm_adapters.common.bundled import BundledAdapter
from workbench.crm_adapters.kommo import model, reader, users, writer
from workbench.crm_adapters.protocol import CrmAdapter
from workbench.i18n import N_

ADAPTER: CrmAdapter = BundledAdapter(
    name=model.TARGET,
    label_id=N_("Kommo"),
    reads=("json",),
    writes=("json", "txt"),
    project_fn=model.project,
    write_fn=writer.write,
    read_fn=reader.read,
    read_users=users.read,
    mapping=model.default_mapping,
)
