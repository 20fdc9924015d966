"""Who tests what: the key user who runs a module's acceptance scripts.

Acceptance is the client's own check, so the tester is a role of the client's side (never an `external`
role: the consultant and the vendor built what is tested). Each module names the roles that use it daily,
most fitting first; the first one the engagement's playbook designs is chosen, else the CRM specialist or
the CRM manager, else the first internal role. Pure."""

from __future__ import annotations

from workbench.domain.access import Role
from workbench.domain.playbook import Playbook

MODULE_TESTERS: dict[str, tuple[str, ...]] = {
    "marketing": ("marketer", "crm_specialist"),
    "sales": ("sales_manager", "crm_specialist"),
    "service": ("client_service", "support_technician", "crm_specialist"),
    "analytics": ("crm_analyst", "data_analyst", "crm_manager"),
    "collaboration": ("crm_specialist", "sales_manager"),
    "integration": ("it_manager", "finance_manager", "crm_specialist"),
    "data_migration": ("data_analyst", "crm_specialist", "crm_analyst"),
    "security": ("administrator", "it_manager"),
    "training": ("hr_manager", "crm_specialist"),
    "non_functional": ("it_manager", "administrator"),
}
"""module id -> roles that use it daily, most fitting first"""
FALLBACK_TESTERS = ("crm_specialist", "crm_manager")


def tester_role(pb: Playbook, module_id: str) -> Role | None:
    """The role that runs the acceptance scripts of `module_id` in the resolved playbook `pb`."""
    internal = {r.id: r for r in pb.roles if not r.external}
    for rid in MODULE_TESTERS.get(module_id, ()) + FALLBACK_TESTERS:
        if rid in internal:
            return internal[rid]
    return next(iter(internal.values()), None)
