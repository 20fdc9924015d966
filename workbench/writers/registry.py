"""Exporters as a registry: deliverable -> format -> writer. Unknown names are errors that list the valid
ones.

A writer is `write(ctx, folder) -> list[Path]`: it writes its files into `folder` and returns them. Writer
modules are imported only when their deliverable is exported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a name for the writers' signature; importing it would load the playbook models
    from workbench.writers.context import ExportContext

# deliverable -> {format: "module:function"}
REGISTRY: dict[str, dict[str, str]] = {
    "rfp": {
        "xlsx": "workbench.writers.rfp_xlsx:write",
        "md": "workbench.writers.rfp_text:write_md",
        "html": "workbench.writers.rfp_text:write_html",
        "docx": "workbench.writers.rfp_docx:write",
    },
    "vendor-forms": {"xlsx": "workbench.writers.vendor_forms_xlsx:write"},
    "roles": {
        "xlsx": "workbench.writers.roles_xlsx:write",
        "md": "workbench.writers.roles_text:write_md",
        "csv": "workbench.writers.roles_csv:write",
        "odoo": "workbench.crm_adapters.odoo.deliverable:write",
        "casbin": "workbench.writers.casbin_policy:write",
    },
    "processes": {
        "bpmn": "workbench.writers.bpmn:write",
        "mermaid": "workbench.writers.mermaid:write",
        "dot": "workbench.writers.dot:write",
        "md": "workbench.writers.processes_md:write",
    },
    "kpis": {"xlsx": "workbench.writers.kpis_xlsx:write", "md": "workbench.writers.kpis_md:write"},
    "plan": {
        "xlsx": "workbench.writers.plan_xlsx:write",
        "md": "workbench.writers.plan_md:write",
        "mspdi": "workbench.writers.plan_mspdi:write",
    },
    "jobdesc": {
        "md": "workbench.writers.jobdesc:write_md",
        "html": "workbench.writers.jobdesc:write_html",
        "docx": "workbench.writers.jobdesc:write_docx",
    },
    "data-dictionary": {"xlsx": "workbench.writers.data_dictionary_xlsx:write"},
    "field-mapping": {"xlsx": "workbench.writers.field_mapping_xlsx:write"},
    "uat": {"xlsx": "workbench.writers.uat_xlsx:write_export"},
}

Writer = Callable[["ExportContext", "object"], list]


class UnknownExport(ValueError):
    pass


def select(only: list[str] | None, formats: list[str] | None) -> list[tuple[str, str]]:
    """The (deliverable, format) pairs to write; raises UnknownExport naming what is valid."""
    deliverables = only or list(REGISTRY)
    for name in deliverables:
        if name not in REGISTRY:
            raise UnknownExport(f"unknown deliverable {name!r}; expected one of: {', '.join(REGISTRY)}")
    every_format = sorted({f for formats_ in REGISTRY.values() for f in formats_})
    for fmt in formats or []:
        if fmt not in every_format:
            raise UnknownExport(f"unknown format {fmt!r}; expected one of: {', '.join(every_format)}")
    pairs = [(d, f) for d in deliverables for f in REGISTRY[d] if not formats or f in formats]
    if not pairs:
        raise UnknownExport("no deliverable is available in the formats asked for")
    return pairs


def writer(deliverable: str, fmt: str) -> Writer:
    module, function = REGISTRY[deliverable][fmt].split(":")
    return getattr(importlib.import_module(module), function)
