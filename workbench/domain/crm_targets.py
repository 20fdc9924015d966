"""How the playbook's neutral objects map onto real CRMs, kept in the playbook so a consultant can adapt
it to a client's custom objects (`crm_mappings:` in YAML).

    crm_mappings:
      salesforce:
        objects: {lead: Lead, deal: Opportunity, loyalty_account: Loyalty_Account__c}
        roles: {sales_manager: CRM_Sales_Manager}
        system_rights: {modify_all_data: [ModifyAllData], export_data: [ExportReport], bulk_delete: null}
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from workbench.domain import fixed_ids
from workbench.domain.base import Id, Strict
from workbench.domain.system_rights import SystemRight

CrmTarget = Literal["salesforce", "dynamics", "odoo", "espocrm", "suitecrm"]
TARGETS = fixed_ids.CRM_TARGETS  # the one list (domain/fixed_ids.py); a test holds the Literal equal


DEFAULT_ROLE_PREFIX = "CRM_"
"""a role the mapping does not name is prefix + role id in every CRM but Odoo"""


class CrmMapping(Strict):
    objects: dict[Id, str | None] = {}
    """playbook object id -> the CRM's object/model/entity name; null = the CRM has no such object"""
    roles: dict[Id, str] = {}
    """playbook role id -> the name of its permission set / security role / group in the CRM"""
    system_rights: dict[SystemRight, list[str] | None] = Field(
        default={},
        description="Each system right -> this CRM's privilege names (null: the CRM cannot express it)",
    )
    """neutral system right -> the CRM's privileges that carry it (all are written; any one of them held
    live means the right is held); null or missing = the CRM cannot express it (a limitation)"""
    role_prefix: str | None = None
    """roles not listed above are named prefix + role id; unset, each CRM's own default (`CRM_`; Odoo's
    groups `group_crm_`). None rather than a default string, so "not said" survives a round trip through
    the playbook cache's JSON (pydantic's fields-set record does not)"""

    def object_name(self, object_id: str) -> str | None:
        return self.objects.get(object_id)

    def role_name(self, role_id: str) -> str:
        return self.roles.get(role_id) or f"{self.role_prefix or DEFAULT_ROLE_PREFIX}{role_id}"

    def system_names(self, right: str) -> list[str]:
        return list(self.system_rights.get(right) or [])  # type: ignore[call-overload]
