"""Odoo security read back into playbook terms, for the drift audit.

Input: a folder holding `ir.model.access.csv` and, if present, the record rules as Odoo XML data files
(`*.xml`: `ir.rule` and `res.groups` records, as `crm-export` writes them), or the CSV alone (then every
ACL column reads as scope all: no rules narrow it). The CSV is Odoo's own format, as exported from
Settings > Technical > Access Rights ("import-compatible": `model_id/id` and `group_id/id` are accepted
as well as `model_id:id`/`group_id:id`). External ids match without their module: `crm_roles.group_crm_x`
is the group `group_crm_x`.

Semantics (domain/crm/odoo.py): a set ACL column with no rule of the group for that operation is all; with
rules the widest recognised domain; a domain this tool does not write is read as all (a warning names it).
Lines without a group apply to every user, so they count for every role. Group inheritance (implied
groups) is not followed. Groups outside the design that grant rights on mapped models are unknown roles;
designed groups with rights on unmapped models are unknown objects.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.access import scope_rank
from workbench.domain.crm.odoo import PERMS, TARGET, group_id, odoo_model, project, scope_of
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import LiveMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.loading.crm import XmlDoc, parse_xml, read_limited

ACCESS = "ir.model.access.csv"
REQUIRED = ("model_id:id", "group_id:id") + tuple(column for column, _ in PERMS)
TRUE, FALSE = {"1", "true", "True", "TRUE"}, {"0", "false", "False", "FALSE", ""}


def decode_utf8(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is dropped), or a problem at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(f"byte 0x{data[exc.start]:02x} is not UTF-8; expected the file saved as UTF-8 "
                              "(re-export it, or convert it from the spreadsheet's encoding)", file=file,
                              line=line, column=column, code="encoding")]


def csv_records(text: str, file: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """(line, fields) of every non-blank record; a broken record (NUL, stray quote) ends the read."""
    out = []
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append((reader.line_num, row))
    except csv.Error as exc:
        problems.append(Problem(f"not readable as CSV: {exc}", file=file, line=reader.line_num + 1, column=1,
                                code="csv"))
    return out


def field_column(row: list[str], index: int) -> int:
    """The character column where field `index` starts (exact for unquoted fields)."""
    return 1 + sum(len(cell) + 1 for cell in row[:index])


@dataclass
class _Rule:
    groups: list[str]
    model: str
    domain: str | None
    perms: set[str]
    doc: XmlDoc
    element: ET.Element


def read(path: Path, pb: Playbook, mapping: CrmMapping) -> tuple[LiveMatrix, list[Problem]]:
    """What the ACL lines and rules grant, with unknown groups/models and designed groups that are absent."""
    path = Path(path)
    problems: list[Problem] = []
    if path.is_dir():
        access, xml_files = path / ACCESS, sorted(p for p in path.glob("*.xml") if p.is_file())
    else:
        access, xml_files = path, []
    acl, seen = _read_access(access, problems)
    rules: list[_Rule] = []
    for xml_file in xml_files:
        _read_rules(xml_file, rules, seen, problems)
    return _live(pb, mapping, acl, rules, seen, problems), problems


def _read_access(path: Path, problems: list[Problem]) -> tuple[dict[tuple[str, str], set[str]], dict[str, str]]:
    """(group, model xml id without module) -> the ACL columns set, and every group named (id without
    module -> the id as written)."""
    acl: dict[tuple[str, str], set[str]] = {}
    seen: dict[str, str] = {}
    file = str(path)
    if not path.is_file():
        problems.append(Problem(f"no {ACCESS} here; expected Odoo's access rights export", file=file, code="io"))
        return acl, seen
    data, found = read_limited(path, file)
    text, more = decode_utf8(data, file) if data is not None else (None, [])
    problems += found + more
    if text is None:
        return acl, seen
    records = csv_records(text, file, problems)
    if not records:
        problems.append(Problem(f"empty file; expected the header {','.join(REQUIRED)}", file=file, line=1,
                                column=1, code="empty"))
        return acl, seen
    header = [h.strip().replace("/id", ":id") for h in records[0][1]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(Problem(f"the header lacks {', '.join(missing)}; expected Odoo's columns "
                                "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink",
                                file=file, line=records[0][0], column=1, code="header"))
        return acl, seen
    at = {name: header.index(name) for name in REQUIRED}
    for line, row in records[1:]:
        if len(row) != len(header):
            problems.append(Problem(f"{len(row)} fields; expected {len(header)} like the header (truncated?)",
                                    file=file, line=line, column=field_column(row, len(row)), code="truncated"))
            continue
        written = row[at["group_id:id"]].strip()
        group, model = written.rsplit(".", 1)[-1], row[at["model_id:id"]].strip().rsplit(".", 1)[-1]
        seen.setdefault(group, written)
        cells = acl.setdefault((group, model), set())
        for column, _ in PERMS:
            value = row[at[column]].strip()
            if value in TRUE:
                cells.add(column)
            elif value not in FALSE:
                problems.append(Problem(f"{column} is {value!r}; expected 1 or 0", file=file, line=line,
                                        column=field_column(row, at[column]), code="value"))
    return acl, seen


def _read_rules(path: Path, rules: list[_Rule], seen: dict[str, str], problems: list[Problem]) -> None:
    """The ir.rule and res.groups records of one Odoo XML data file."""
    data, found = read_limited(path, str(path))
    problems += found
    doc, found = parse_xml(data, str(path)) if data is not None else (None, [])
    problems += found
    if doc is None:
        return
    for record in doc.root.iter("record"):
        kind, rid = record.get("model"), (record.get("id") or "").rsplit(".", 1)[-1]
        if kind == "res.groups":
            seen.setdefault(rid, record.get("id") or "")
        if kind != "ir.rule":
            continue
        fields = {f.get("name"): f for f in record.iter("field")}
        active = fields.get("active")
        if active is not None and (active.get("eval") or active.text or "").strip() in ("False", "0", "false"):
            continue
        model_el, groups_el, domain_el = fields.get("model_id"), fields.get("groups"), fields.get("domain_force")
        model = (model_el.get("ref") or model_el.text or "") if model_el is not None else ""
        if not model.strip():
            problems.append(doc.problem(record, f"ir.rule {rid!r} has no model_id; expected a ref to the model"))
            continue
        groups = re.findall(r"ref\(\s*['\"]([^'\"]+)['\"]\s*\)", groups_el.get("eval") or "") \
            if groups_el is not None else []
        if not groups:
            problems.append(doc.problem(record, f"ir.rule {rid!r} has no groups: a global rule narrows every "
                                        "user and is not audited", code="global-rule", severity="warning"))
            continue
        domain = None if domain_el is None else (domain_el.text or domain_el.get("eval") or "")
        perms = {column for column, _ in PERMS
                 if fields.get(column) is None or (fields[column].get("eval") or fields[column].text or "True")
                 .strip() not in ("False", "0", "false")}
        rules.append(_Rule([g.rsplit(".", 1)[-1] for g in groups], model.strip().rsplit(".", 1)[-1], domain, perms,
                           doc, domain_el if domain_el is not None else record))


def _live(pb: Playbook, mapping: CrmMapping, acl: dict[tuple[str, str], set[str]], rules: list[_Rule],
          seen: dict[str, str], problems: list[Problem]) -> LiveMatrix:
    """ACL columns narrowed by the rules, per design role and playbook object."""
    live = LiveMatrix(TARGET)
    roles = {group_id(mapping, role.id): role.id for role in pb.roles}
    members: dict[str, list[str]] = {}
    models: dict[str, str] = {}
    for obj in pb.objects:
        name = mapping.object_name(obj.id)
        if name:
            members.setdefault(name, []).append(obj.id)
            models[odoo_model(name).local_xmlid] = name
    narrowed: dict[tuple[str, str], list[tuple[set[str], str]]] = {}
    for rule in rules:
        if rule.model not in models:
            continue
        scope = scope_of(odoo_model(models[rule.model]), rule.domain)
        if scope is None:
            problems.append(rule.doc.problem(rule.element, f"domain_force {rule.domain!r} is not an own, team "
                                             "or all domain this tool writes; audited as all (the widest)",
                                             code="domain", severity="warning"))
        for group in rule.groups:
            narrowed.setdefault((group, rule.model), []).append((rule.perms, scope or "all"))
    for (group, model), columns in acl.items():
        if not columns or not group:
            continue
        if group not in roles:
            if model in models and seen[group] not in live.unknown_roles:
                live.unknown_roles.append(seen[group])
        elif model not in models and (seen[group], model) not in live.unknown_objects:
            live.unknown_objects.append((seen[group], model))
    for group, role in roles.items():
        for model, name in models.items():
            columns = acl.get((group, model), set()) | acl.get(("", model), set())
            for column, action in PERMS:
                if column not in columns:
                    continue
                found = [scope for perms, scope in narrowed.get((group, model), []) if column in perms]
                scope = max(found, key=scope_rank) if found else "all"
                for obj in members[name]:
                    live.grants[(role, obj, action)] = scope
    designed = {role for role, _, _ in project(pb, mapping).grants}
    live.missing_roles = [r.id for r in pb.roles if group_id(mapping, r.id) not in seen and r.id in designed]
    return live
