"""Kommo roles read back into playbook terms, for the drift audit.

Input: a `.json` file or a folder of them. Each file holds one role object (`GET /api/v4/roles/{id}`), an
array of them (what `crm-export` writes, the POST body), or the list answer `GET /api/v4/roles` gives,
`{"_page": .., "_links": .., "_embedded": {"roles": [...]}}`. Names become roles through the mapping's
`roles`/`role_prefix` (exact, then ignoring case). Translation: `model`. Problems point at the line and
column of the offending key; the file is read within the permission-file budget (32 MiB, 500,000 JSON
objects, numbers of at most 100 digits), so a JSON bomb is a located problem, not a hang.

A mapped entity a role leaves out is read as no access (Kommo's D); the user fields Kommo's answers put in
`rights` (is_free, is_active, group_id, role_id) are not what the role grants and are not read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from workbench.crm_adapters.common.design_roles import DesignRoles
from workbench.crm_adapters.espocrm.reader import JObject, Located, loads
from workbench.crm_adapters.kommo.model import (
    RULES,
    STATUS_RIGHTS,
    TARGET,
    USER_FIELDS,
    entities,
    entity_scopes,
    project,
    stage_scopes,
)
from workbench.domain.access import SCOPE_RANK
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import Problems, read_limited
from workbench.loading.crm.csv_text import control_char, decode_utf8


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the roles grant, with unknown roles/entities and designed roles that are absent."""
    path = Path(path)
    live, problems = LiveMatrix(TARGET), Problems()
    files = sorted(p for p in path.glob("*.json") if p.is_file()) if path.is_dir() else [path]
    if not files:
        problems.append(
            Problem(
                _("no *.json files in this folder; expected Kommo roles (GET /api/v4/roles)"),
                file=str(path),
                code="empty",
            )
        )
    roles = DesignRoles(pb, mapping)
    seen: dict[str, str] = {}
    audit = _Audit(live, problems, entities(pb, mapping), mapping)
    for file in files:
        for doc, where in _roles(file, problems):
            name = _name(doc, where, problems)
            if name is None:
                continue
            rid = roles.known(name, live)
            if rid is None:
                continue
            if rid in seen:
                problems.append(
                    where.problem(
                        _(
                            "a second Kommo role for {role} (the first is in {file}); both are audited, the "
                            "widest right counts"
                        ).format(role=rid, file=seen[rid]),
                        doc,
                        "name",
                        "warning",
                        "duplicate",
                    )
                )
            seen.setdefault(rid, str(file))
            audit.role(doc, rid, name, where)
    absent = [r.id for r in pb.roles if r.id not in seen]
    designed = {role for role, _obj, _action in project(pb, mapping).grants} if absent else set()
    live.missing_roles = [r for r in absent if r in designed]
    return live, problems.done(str(path))


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages about a file (not Python's)."""
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), "null")


def _name(doc: JObject, where: Located, problems: list[Problem]) -> str | None:
    """The role's name, or None (with a problem) when it has none or it holds a control character."""
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(where.problem(_('a role without a name; expected "name": the role\'s name'), doc))
        return None
    if control_char(name) is not None:
        problems.append(
            where.problem(
                _("the name {name!r} holds a control character; expected the role's name as text").format(
                    name=name
                ),
                doc,
                "name",
                code="control",
            )
        )
        return None
    return name


def _parse(file: Path, problems: list[Problem]) -> tuple[Any, Located] | None:
    """The file's JSON (objects located) or None with the problem that stopped it."""
    data, found = read_limited(file, str(file))
    text, more = decode_utf8(data, str(file)) if data is not None else (None, [])
    problems += found + more
    if text is None:
        return None
    located = Located(text, str(file))
    try:
        return loads(text), located
    except json.JSONDecodeError as exc:
        ends = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        message = _("not valid JSON: {reason}; expected Kommo roles").format(reason=exc.msg)
        code, line, column = "truncated" if ends else "json", exc.lineno, exc.colno
    except RecursionError:
        message, code, (line, column) = _("JSON nested too deeply; expected Kommo roles"), "json", (1, 1)
    except ValueError as exc:  # a number over 100 digits, or over 500,000 objects (the JSON budget)
        huge = re.search(r"\d{101,}", text)
        line, column = located.position(getattr(exc, "pos", huge.start() if huge else 0))
        message, code = (
            _("beyond the JSON budget of a roles file (numbers, objects); expected Kommo roles"),
            "too-big",
        )
    problems.append(Problem(message, file=str(file), line=line, column=column, code=code))
    return None


def _roles(file: Path, problems: list[Problem]) -> list[tuple[JObject, Located]]:
    """The role objects of one file, each with the text it can locate problems in."""
    parsed = _parse(file, problems)
    if parsed is None:
        return []
    doc, located = parsed
    items = doc
    if isinstance(doc, JObject) and "name" not in doc:
        embedded = doc.get("_embedded")
        items = embedded.get("roles") if isinstance(embedded, JObject) else None
    items = [items] if isinstance(items, JObject) else items
    if not isinstance(items, list):
        problems.append(
            located.problem(
                _('expected a Kommo role, an array of them or {"_embedded": {"roles": [...]}}'), doc
            )
        )
        return []
    out = []
    for item in items:
        if isinstance(item, JObject):
            out.append((item, located))
        else:
            problems.append(
                located.problem(
                    _("an array element is {kind}; expected a Kommo role object").format(
                        kind=json_type(item)
                    ),
                    doc,
                )
            )
    return out


class _Audit:
    """Reads one role's `rights` into the live matrix."""

    def __init__(
        self, live: LiveMatrix, problems: list[Problem], members: dict[str, list[str]], mapping: CrmMapping
    ) -> None:
        self.live, self.problems, self.members = live, problems, members
        self.index = system_index(mapping)

    def grant(self, rid: str, entity: str, scopes: dict[str, str]) -> None:
        for action, scope in scopes.items():
            for obj in self.members.get(entity, []):
                cell = (rid, obj, action)
                if SCOPE_RANK[scope] > SCOPE_RANK[self.live.grants.get(cell, "none")]:
                    self.live.grants[cell] = scope

    def bad(self, where: Located, holder: Any, entity: str, key: str, value: Any, expected: str = "") -> None:
        """A value not understood, located at its key (`key` '' : the whole value of `entity`)."""
        shown = value.get(key) if key and isinstance(value, dict) else value
        if not expected:
            flag = entity in RULES and RULES[entity].kind == "flag"
            expected = _("true or false") if flag else _("levels A, G, M or D (add: A or D)")
        self.problems.append(
            where.problem(
                _("{entity}: {key} is {value!r}; expected {expected}").format(
                    entity=entity, key=key or entity, value=shown, expected=expected
                ),
                value if key and isinstance(value, JObject) else holder,
                key or entity,
            )
        )

    def role(self, doc: JObject, rid: str, name: str, where: Located) -> None:
        rights = doc.get("rights")
        if not isinstance(rights, JObject):
            self.problems.append(
                where.problem(
                    _("rights is {kind}; expected an object of entity -> levels").format(
                        kind=json_type(rights)
                    ),
                    doc,
                    "rights" if "rights" in doc else None,
                )
            )
            return
        for key, value in rights.items():
            if key in USER_FIELDS:
                continue
            if key == STATUS_RIGHTS:
                self.stages(rights, rid, where)
                continue
            if key.casefold() in self.index:  # a system right's field (is_admin by default)
                if value is True:
                    read_system(self.live, rid, key, self.index)
                elif not isinstance(value, bool) and value is not None:
                    self.bad(where, rights, key, "", value, _("true or false"))
                if key not in RULES:
                    continue
            self.entity(rights, key, value, rid, name, where)

    def entity(self, rights: JObject, entity: str, value: Any, rid: str, name: str, where: Located) -> None:
        rule = RULES.get(entity)
        if rule is None:  # an entity Kommo has beyond the four (customers, catalogs ...)
            granted = value is True or (isinstance(value, dict) and any(v != "D" for v in value.values()))
            if granted and (name, entity) not in self.live.unknown_objects:
                self.live.unknown_objects.append((name, entity))
            return
        scopes, bad = entity_scopes(value, rule)
        for key in bad:
            self.bad(where, rights, entity, key, value)
        if entity in self.members:
            self.grant(rid, entity, scopes)
        elif scopes and rule.kind == "levels" and (name, entity) not in self.live.unknown_objects:
            self.live.unknown_objects.append((name, entity))

    def stages(self, rights: JObject, rid: str, where: Located) -> None:
        stages = rights.get(STATUS_RIGHTS)
        if stages is None:
            return
        expected = _(
            "stage objects (entity_type, pipeline_id, status_id, rights) whose rights are view, edit, "
            "delete and export at A, G, M or D"
        )
        if not isinstance(stages, list):
            self.bad(where, rights, STATUS_RIGHTS, "", stages, expected)
            return
        for stage in stages:
            if not isinstance(stage, JObject):
                self.bad(where, rights, STATUS_RIGHTS, "", stage, expected)
                continue
            scopes, bad = stage_scopes(stage.get("rights"))
            for key in bad:
                self.bad(where, stage, STATUS_RIGHTS, key or "rights", stage.get("rights"), expected)
            if stage.get("entity_type", "leads") == "leads":  # the only entity Kommo has stages for
                self.grant(rid, "leads", scopes)
