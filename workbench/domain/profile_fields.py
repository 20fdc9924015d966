"""The fields of a CRM object's record (the customer profile) and the legacy sources data comes from.

A field is playbook data like the rest: it may apply only to some clients (`when:`), and be required for
all or only under a condition (`required: {question: country, equals: RU}`), so a B2B account asks for the
INN in Russia and the national id in Iran. The data dictionary and the field-mapping workbook are read
from these fields after the playbook is resolved against the answers (domain/customer_profile.py).
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from workbench.domain.base import Id, Item, Strict
from workbench.domain.conditions import Condition
from workbench.domain.text import Text

FieldType = Literal[
    "text", "phone", "email", "date", "number", "money", "choice", "multi_choice", "boolean", "reference"
]
FIELD_TYPES: tuple[FieldType, ...] = (
    "text",
    "phone",
    "email",
    "date",
    "number",
    "money",
    "choice",
    "multi_choice",
    "boolean",
    "reference",
)
CHOICE_TYPES = frozenset({"choice", "multi_choice"})


class AllowedValue(Strict):
    """One value a choice field can take, with its label in each language."""

    id: Id
    label: Text


class ProfileField(Item):
    """One field of an object's record: what it holds, whether it must be filled, where legacy data for it
    usually comes from and whether it is personal data (152-FZ in Russia, Iran's personal-data rules)."""

    name: Text
    description: Text | None = None
    type: FieldType
    required: bool | Condition = False
    """always, never, or when a condition on the answers holds (resolved into a bool per client)"""
    values: list[AllowedValue] = []
    """the allowed values of a choice or multi_choice field"""
    sources: list[Id] = []
    """ids of the playbook's `legacy_sources` this field's data usually comes from"""
    pii: bool = False
    transform: Text | None = None
    """how legacy values are turned into this field's (beyond what its type implies)"""
    owner: Id | None = None
    """the role accountable for this field's data; the object's owner when not given"""

    @model_validator(mode="after")
    def _values_fit_type(self) -> ProfileField:
        if self.type in CHOICE_TYPES and not self.values:
            raise ValueError(f"a {self.type} field needs `values:` (its allowed values)")
        if self.type not in CHOICE_TYPES and self.values:
            raise ValueError(f"`values:` is only for choice and multi_choice fields; this one is {self.type}")
        return self


class LegacySource(Item):
    """A system or place the client's existing customer data comes from (1C, Excel, a website form, the
    POS, the call centre); `when:` says which intake answers name it."""

    name: Text
    description: Text | None = None
    kind: Literal["file", "system", "paper"] = "system"
