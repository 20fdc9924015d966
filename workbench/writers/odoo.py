"""The roles deliverable's Odoo format (`crmwb export --only roles --format odoo`).

A thin wrapper: the one Odoo implementation is workbench/writers/crm/odoo.py (files) over
workbench/domain/crm/odoo.py (semantics), fed with the playbook's `crm_mappings.odoo`, so the deliverable
and `crm-export`/`audit` can never disagree. A playbook without an Odoo mapping gets every object listed
as unmapped in `odoo-unmapped.txt` rather than a guess.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.crm_targets import CrmMapping
from workbench.writers.context import ExportContext
from workbench.writers.crm import odoo


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    mapping = ctx.playbook.crm_mappings.get("odoo") or CrmMapping()
    return odoo.write(ctx.playbook, mapping, folder, lang=ctx.lang)
