"""EspoCRM Role records read back into playbook terms, for the drift audit.

Input: a `.json` file or a folder of them. Each file holds one Role object, an array of them (what
`crm-export` writes), or an API answer `{"total": n, "list": [...]}` from `GET /api/v1/Role` (ask with
`select=name,data,exportPermission` — the list view leaves `data` out). `data` may also be the JSON string
the database keeps. Names become roles through the mapping's `roles`/`role_prefix` (exact, then ignoring
case). Translation: `model`. Problems point at the line and column of the offending key.

A mapped entity a role leaves out (or sets to "not-set") is read as no access, as in EspoCRM's strict
ACL mode; in the default mode EspoCRM grants such scopes in full, so the reader warns about each role that
leaves a mapped entity out. `exportPermission` missing or "not-set" is read as yes (EspoCRM's default
unless aclStrictMode is on). The role fields `crm_mappings.espocrm.system_rights` names are the system
rights (`model` says which values hold them).
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from array import array
from pathlib import Path
from typing import Any

from workbench.crm_adapters.common.design_roles import DesignRoles
from workbench.crm_adapters.espocrm.model import (
    RANK,
    TARGET,
    entities,
    entity_scopes,
    field_held,
    project,
    rule_for,
)
from workbench.domain.crm import read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.crm import Problems, read_limited
from workbench.loading.crm.csv_text import control_char, decode_utf8


class JObject(dict):
    """A JSON object that remembers where it sits in the text (offsets of '{' and after '}')."""

    start: int = 0
    end: int = 0


class Located:
    """Parsed JSON text and a way to turn an object's key into file:line:col. Line starts are found once
    (on the first problem) and then bisected: 60,000 problems in a big file stay linear."""

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self._newlines: array | None = None

    def position(self, pos: int) -> tuple[int, int]:
        """(line, column), both from 1, of offset `pos`."""
        if self._newlines is None:
            self._newlines = array("q", (m.start() for m in re.finditer("\n", self.text)))
        line = bisect.bisect_left(self._newlines, pos)
        return line + 1, pos - (self._newlines[line - 1] + 1 if line else 0) + 1

    def problem(
        self,
        message: str,
        obj: Any = None,
        key: str | None = None,
        severity: str = "error",
        code: str = "value",
    ) -> Problem:
        pos = None
        if isinstance(obj, JObject):
            pos = obj.start
            if key is not None:
                found = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:").search(
                    self.text, obj.start, obj.end
                )
                pos = found.start() if found else pos
        if pos is None:
            return Problem(message, file=self.file, severity=severity, code=code)
        line, column = self.position(pos)
        return Problem(message, file=self.file, line=line, column=column, severity=severity, code=code)


MAX_DIGITS = 100
"""digits in a JSON number: Role records hold none longer than a timestamp; int() of 4,300+ digits raises."""


MAX_OBJECTS = 500_000
"""JSON objects in one file: 1,000 roles of 50 entities are 50,000; `[{},{},...]` within the 32 MiB limit
would be ten million, each a located dict (3 GB)"""


class _TooManyObjects(ValueError):
    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


class _HugeNumber(ValueError):
    """A number too long to be anything in a Role record; located afterwards by searching for it."""


def _parse_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise _HugeNumber(text[:20])
    return int(text)


def _huge_number_problem(located: Located) -> Problem:
    found = re.search(rf"-?\d{{{MAX_DIGITS + 1},}}", located.text)
    pos = found.start() if found else 0
    line, column = located.position(pos)
    digits = len(found.group().lstrip("-")) if found else MAX_DIGITS + 1
    return Problem(
        _("a number of {digits:,} digits; expected Role records (names, levels, yes/no)").format(
            digits=digits
        ),
        file=located.file,
        line=line,
        column=column,
        code="json",
    )


def loads(text: str) -> Any:
    """json.loads, but objects are JObjects with their offsets (the pure-Python scanner calls back here)."""
    decoder = json.JSONDecoder(object_pairs_hook=list, parse_int=_parse_int)
    made = [0]

    def parse_object(
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: Any,
        object_hook: Any,
        pairs_hook: Any,
        memo: Any = None,
    ) -> tuple[JObject, int]:
        made[0] += 1
        if made[0] > MAX_OBJECTS:
            raise _TooManyObjects(s_and_end[1] - 1)
        # json.decoder.JSONObject, parse_object and py_make_scanner are the pure-Python decoder's hooks,
        # public in the module but not described by typeshed
        pairs, end = json.decoder.JSONObject(  # type: ignore[attr-defined]
            s_and_end, strict, scan_once, object_hook, pairs_hook, memo
        )
        obj = JObject(pairs)
        obj.start, obj.end = s_and_end[1] - 1, end
        return obj, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]  # see JSONObject above
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]  # ditto
    return decoder.decode(text)


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the Role records grant, with unknown roles/entities and designed roles that are absent."""
    path = Path(path)
    live, problems = LiveMatrix(TARGET), Problems()
    files = sorted(p for p in path.glob("*.json") if p.is_file()) if path.is_dir() else [path]
    if not files:
        problems.append(
            Problem(
                "no *.json files in this folder; expected EspoCRM Role records", file=str(path), code="empty"
            )
        )
    roles = DesignRoles(pb, mapping)
    seen: dict[str, str] = {}
    members = entities(pb, mapping)
    index = system_index(mapping)
    fields = sorted({n for right in mapping.system_rights for n in mapping.system_names(right)})
    for file in files:
        for doc, role in _roles(file, problems):
            name = doc.get("name")
            if not isinstance(name, str) or not name.strip():
                problems.append(role.problem('a Role without a name; expected "name": the role\'s name', doc))
                continue
            if control_char(name) is not None:
                problems.append(
                    role.problem(
                        _(
                            "the name {name!r} holds a control character; expected the role's name as text"
                        ).format(name=name),
                        doc,
                        "name",
                        code="control",
                    )
                )
                continue
            rid = roles.known(name, live)
            if rid is None:
                continue
            if rid in seen:
                problems.append(
                    role.problem(
                        f"a second Role for {rid} (the first is in {seen[rid]}); both are "
                        "audited, the widest right counts",
                        doc,
                        "name",
                        "warning",
                        "duplicate",
                    )
                )
            seen.setdefault(rid, str(file))
            _grants(doc, rid, role, members, live, problems)
            for field in fields:
                if field_held(field, doc.get(field, "not-set")):
                    read_system(live, rid, field, index)
    absent = [r.id for r in pb.roles if r.id not in seen]
    designed = {role for role, _, _ in project(pb, mapping).grants} if absent else set()
    live.missing_roles = [r for r in absent if r in designed]
    return live, problems.done(str(path))


def _roles(file: Path, problems: list[Problem]) -> list[tuple[JObject, Located]]:
    """The Role objects of one file, each with the text it can locate problems in."""
    data, found = read_limited(file, str(file))
    text, more = decode_utf8(data, str(file)) if data is not None else (None, [])
    problems += found + more
    if text is None:
        return []
    located = Located(text, str(file))
    try:
        doc = loads(text)
    except json.JSONDecodeError as exc:
        ends = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")  # EOF inside
        problems.append(
            Problem(
                f"not valid JSON: {exc.msg}" + (" (the file ends early: truncated?)" if ends else ""),
                file=str(file),
                line=exc.lineno,
                column=exc.colno,
                code="truncated" if ends else "json",
            )
        )
        return []
    except RecursionError:
        problems.append(Problem("JSON nested too deeply; expected Role records", file=str(file), code="json"))
        return []
    except _HugeNumber:
        problems.append(_huge_number_problem(located))
        return []
    except _TooManyObjects as exc:
        line, column = located.position(exc.pos)
        problems.append(
            Problem(
                _("over {limit:,} JSON objects; expected Role records (is this a JSON bomb?)").format(
                    limit=MAX_OBJECTS
                ),
                file=str(file),
                line=line,
                column=column,
                code="too-big",
            )
        )
        return []
    items = doc.get("list") if isinstance(doc, JObject) and "name" not in doc else doc
    items = [items] if isinstance(items, JObject) else items
    if not isinstance(items, list):
        problems.append(located.problem('expected a Role object, an array of them or {"list": [...]}', doc))
        return []
    out = []
    for item in items:
        if isinstance(item, JObject):
            out.append((item, located))
        else:
            problems.append(
                located.problem(f"an array element is {type(item).__name__}; expected a Role object", doc)
            )
    return out


def _role_data(doc: JObject, where: Located, problems: list[Problem]) -> tuple[JObject, Located] | None:
    """A Role's `data`: an object, or JSON text of one (as EspoCRM stores it), with where its keys are
    located; None (with a problem) when it is neither."""
    data, holder = doc.get("data"), where
    if isinstance(data, str):
        try:
            data, holder = loads(data), Located(data, where.file + " (data)")
        except (json.JSONDecodeError, RecursionError, ValueError):
            problems.append(
                where.problem("data is a string that is not JSON; expected the entity levels", doc, "data")
            )
            return None
    if data is None:
        data = JObject()
    if not isinstance(data, JObject):
        problems.append(
            where.problem(
                f"data is {type(data).__name__}; expected an object of entity -> levels", doc, "data"
            )
        )
        return None
    return data, holder


def _grants(
    doc: JObject,
    rid: str,
    where: Located,
    members: dict[str, list[str]],
    live: LiveMatrix,
    problems: list[Problem],
) -> None:
    """One Role's data as grants on the mapped entities (unknown entities with rights noted)."""
    export = doc.get("exportPermission", "not-set")
    if export not in ("yes", "no", "not-set", None):
        problems.append(
            where.problem(
                f"exportPermission is {export!r}; expected yes, no or not-set", doc, "exportPermission"
            )
        )
    read = _role_data(doc, where, problems)
    if read is None:
        return
    data, holder = read
    for entity, value in data.items():
        if value == "not-set":
            continue
        rule = rule_for(entity)
        scopes, bad = entity_scopes(value, export in ("yes", "not-set", None), rule)
        for key in bad:
            target = value if key else data
            problems.append(
                holder.problem(
                    f"{entity}: {key or 'value'} is {value.get(key) if key else value!r}; "
                    "expected false, true or levels all/team/own/no (create yes/no)",
                    target,
                    key or entity,
                )
            )
        if entity not in members:
            if scopes and (doc["name"], entity) not in live.unknown_objects:
                live.unknown_objects.append((doc["name"], entity))
            continue
        for action, scope in scopes.items():
            for obj in members[entity]:
                cell = (rid, obj, action)
                if RANK[scope] > RANK[live.grants.get(cell, "none")]:
                    live.grants[cell] = scope
    unset = [e for e in members if rule_for(e).kind != "admin" and data.get(e, "not-set") == "not-set"]
    if unset:
        problems.append(
            where.problem(
                f"{doc['name']} leaves {', '.join(unset)} not set: audited as no access, "
                "but EspoCRM grants such scopes in full unless aclStrictMode is on",
                doc,
                "data",
                "warning",
                "not-set",
            )
        )
