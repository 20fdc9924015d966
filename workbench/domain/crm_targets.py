"""How the playbook's neutral objects map onto real CRMs, kept in the playbook so a consultant can adapt
it to a client's custom objects (`crm_mappings:` in YAML).

    crm_mappings:
      salesforce:
        objects: {lead: Lead, deal: Opportunity, loyalty_account: Loyalty_Account__c}
        roles: {sales_manager: CRM_Sales_Manager}
        system_rights: {modify_all_data: [ModifyAllData], export_data: [ExportReport], bulk_delete: null}
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from workbench.domain import fixed_ids
from workbench.domain.base import Id, Strict
from workbench.domain.system_rights import SystemRight

_CHECKED_BEFORE: ContextVar[bool] = ContextVar("crm_targets_checked_before", default=False)


@contextmanager
def targets_checked_before() -> Iterator[None]:
    """While inside, a CRM name is taken as it is: for a playbook whose names were checked against the
    installed adapters when it was first loaded (the resolved-playbook cache's entries, written only for
    playbooks that validated). Looking the adapters up means reading every installed package's metadata
    (importing `importlib.metadata`, `email`, `socket`...): about 12 ms, 3% of `crmwb open` to its first
    screen. What the shortcut lets through: an adapter uninstalled after the entry was written. A command
    that needs that CRM then says it is not installed (the registry's UnknownTarget, exit 2)."""
    token = _CHECKED_BEFORE.set(True)
    try:
        yield
    finally:
        _CHECKED_BEFORE.reset(token)


def known_target(name: str) -> str:
    """A CRM some installed adapter is registered as (the entry points' names, no adapter imported)."""
    if _CHECKED_BEFORE.get():
        return name
    if name not in fixed_ids.crm_targets():
        raise ValueError(f"unknown CRM {name!r}; expected one of: {fixed_ids.crm_target_list()}")
    return name


class _RegisteredNames:
    """The JSON schema of a CRM name: an enum of the registered adapters when the schema is made."""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found: dict[str, Any] = handler(schema)
        return {**found, "enum": list(fixed_ids.crm_targets())}


CrmTarget = Annotated[str, AfterValidator(known_target), _RegisteredNames()]
"""a `crm_mappings:` key: validated against the registry of installed adapters, not a fixed list"""


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
