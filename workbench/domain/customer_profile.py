"""The customer profile: which fields each CRM object's record holds for one client, read from the playbook.

This is the typed API other parts read (the data dictionary, the field-mapping workbook, a data audit's
required-field check): `object_fields(pb, "contact", answers)` gives the contact's fields that apply to
the client, each with `required` decided for that client's answers (defaults filled in as the intake does).
Works on a raw or a resolved playbook.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.domain.access import CrmObject
from workbench.domain.answers import complete_answers
from workbench.domain.conditions import applies
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Path, Problem
from workbench.domain.profile_fields import LegacySource, ProfileField


@dataclass(frozen=True)
class ClientField:
    """One field as it applies to one client."""

    object: CrmObject
    field: ProfileField
    required: bool
    owner: str
    """the accountable role's id: the field's own owner or its object's"""

    @property
    def id(self) -> str:
        return self.field.id


def is_required(field: ProfileField, answers: Mapping[str, Any]) -> bool:
    if isinstance(field.required, bool):
        return field.required
    return field.required.holds(dict(answers))


def object_fields(pb: Playbook, object_id: str, answers: Mapping[str, Any]) -> list[ClientField]:
    """The fields of one object that apply to the client, in playbook order ([] for an unknown object)."""
    full = complete_answers(pb, dict(answers))
    for obj in pb.objects:
        if obj.id == object_id:
            return _client_fields(obj, full)
    return []


def required_field_ids(pb: Playbook, object_id: str, answers: Mapping[str, Any]) -> list[str]:
    """The ids of the fields a record of this object must have filled, for this client."""
    return [f.id for f in object_fields(pb, object_id, answers) if f.required]


def profile(pb: Playbook, answers: Mapping[str, Any]) -> dict[str, list[ClientField]]:
    """Object id -> its fields that apply to the client, for every object that has any."""
    full = complete_answers(pb, dict(answers))
    out = {obj.id: _client_fields(obj, full) for obj in pb.objects}
    return {object_id: fields for object_id, fields in out.items() if fields}


def legacy_sources(pb: Playbook, answers: Mapping[str, Any]) -> list[LegacySource]:
    """The legacy sources the client's intake answers name."""
    full = complete_answers(pb, dict(answers))
    return [source for source in pb.legacy_sources if applies(source.when, full)]


def fields_from(source: str, fields: dict[str, list[ClientField]]) -> list[ClientField]:
    """The fields whose data usually comes from this source, object by object."""
    return [f for object_fields_ in fields.values() for f in object_fields_ if source in f.field.sources]


def _client_fields(obj: CrmObject, answers: dict[str, Any]) -> list[ClientField]:
    return [
        ClientField(obj, field, is_required(field, answers), field.owner or obj.owner)
        for field in obj.fields
        if applies(field.when, answers)
    ]


def check_profile(pb: Playbook) -> list[Problem]:
    """Field ids unique per object; sources and owners that exist; legacy source ids unique."""
    problems: list[Problem] = []
    sources = {s.id for s in pb.legacy_sources}
    roles = {r.id for r in pb.roles}
    counts = Counter(s.id for s in pb.legacy_sources)
    for i, source in enumerate(pb.legacy_sources):
        if counts[source.id] > 1:
            problems.append(
                _problem(f"duplicate legacy source id {source.id!r}", ("legacy_sources", i, "id"))
            )
    for oi, obj in enumerate(pb.objects):
        ids = Counter(f.id for f in obj.fields)
        for fi, field in enumerate(obj.fields):
            path: Path = ("objects", oi, "fields", fi)
            if ids[field.id] > 1:
                problems.append(
                    _problem(f"duplicate field id {field.id!r} in object {obj.id!r}", path + ("id",))
                )
            for si, source in enumerate(field.sources):
                if source not in sources:
                    problems.append(_unknown("legacy source", source, sources, path + ("sources", si)))
            if field.owner is not None and field.owner not in roles:
                problems.append(_unknown("role", field.owner, roles, path + ("owner",)))
    return problems


def _problem(message: str, path: Path) -> Problem:
    return Problem(f"{message}; ids must be unique", path, code="duplicate")


def _unknown(kind: str, ref: str, known: set[str], path: Path) -> Problem:
    if not known:
        return Problem(
            f"unknown {kind} {ref!r}; no {kind}s are defined in this playbook", path, code="unknown-ref"
        )
    listed = sorted(known)
    hint = ", ".join(listed[:8]) + (" ..." if len(listed) > 8 else "")
    return Problem(f"unknown {kind} {ref!r}; expected one of: {hint}", path, code="unknown-ref")
