"""The roles deliverable's Odoo format (`crmwb export --only roles --format odoo`).

A thin wrapper: the one Odoo implementation is this package's `writer` (files) over its `model`
(semantics), fed with the playbook's `crm_mappings.odoo`, so the deliverable
and `crm-export`/`audit` can never disagree. A playbook without an Odoo mapping gets every object listed
as unmapped in `odoo-unmapped.txt` rather than a guess.
"""

from __future__ import annotations

from pathlib import Path

from workbench.crm_adapters.odoo import writer
from workbench.crm_adapters.odoo.model import TARGET
from workbench.crm_adapters.registry import mapping_for
from workbench.writers.context import ExportContext


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    return writer.write(ctx.playbook, mapping_for(ctx.playbook, TARGET), folder, lang=ctx.lang)
