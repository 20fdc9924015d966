"""The matrix as Odoo security files, for a small module of the client's own (e.g. `crm_roles`).

Files: `ir.model.access.csv` (Odoo's exact header; one line per role and Odoo model), `record_rules.xml`
(one `res.groups` per role, `group_crm_<role>`, and the `ir.rule` records that narrow own and team
scopes) and `odoo-unmapped.txt` (what could not be expressed, and where two playbook objects were merged
into one Odoo model). In the module's `__manifest__.py`, list `record_rules.xml` before the CSV so the
groups exist when the access lines refer to them.

Assumptions, to review before loading:
- Playbook objects map to standard models (table MODELS); ids outside it have no Odoo model.
- Only create/read/update/delete have ACL columns; assign (a write on `user_id`), export (Odoo's
  `base.group_allow_export`) and import (`base_import`) are listed in the companion report.
- A perm is 1 when the role holds the action at any scope above none. "own" means the record's owner
  field is the user (`user_id`, or `create_uid` where the model has no owner); "team" means own or the
  record belongs to one of the user's sales teams (`user.crm_team_ids`); "all" gets an explicit
  `[(1, '=', 1)]` rule, because Odoo ORs the rules of all of a user's groups and a group without a rule
  would otherwise be narrowed by another group's.
- Two objects on one model (lead and deal on crm.lead) get the union: the wider scope of the two.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.access import scope_rank
from workbench.domain.matrix import permission_matrix
from workbench.domain.text import tr
from workbench.writers.atomic import write_bytes_atomic, write_text_atomic
from workbench.writers.context import ExportContext

HEADER = ("id", "name", "model_id:id", "group_id:id", "perm_read", "perm_write", "perm_create", "perm_unlink")
PERMS = (("perm_read", "read"), ("perm_write", "update"), ("perm_create", "create"), ("perm_unlink", "delete"))
"""Odoo ACL column -> playbook action."""
UNMAPPED_ACTIONS = {"assign": "assigning is a write on the owner field: grant perm_write or a server action",
                    "export": "add the users to base.group_allow_export (Odoo 17+); exports follow read rules",
                    "import": "importing needs perm_create on the model and access to base_import"}
_MY_TEAMS = "user.crm_team_ids.ids"


@dataclass(frozen=True)
class OdooModel:
    model: str
    xmlid: str
    owner: str = "create_uid"
    """the field that says whose a record is ('id' for res.users: a user owns their own record)"""
    team: str | None = None
    """domain leaf for 'belongs to one of my teams'; default: the owner is in one of my sales teams"""

    def domain(self, scope: str) -> str:
        if scope == "all":
            return "[(1, '=', 1)]"
        own = f"('{self.owner}', '=', user.id)"
        if scope == "own":
            return f"[{own}]"
        team = self.team or f"('{self.owner}.crm_team_ids', 'in', {_MY_TEAMS})"
        return f"['|', {own}, {team}]"


_SALES_TEAM = f"('team_id', 'in', {_MY_TEAMS})"
MODELS: dict[str, OdooModel] = {
    "lead": OdooModel("crm.lead", "crm.model_crm_lead", "user_id", _SALES_TEAM),
    "deal": OdooModel("crm.lead", "crm.model_crm_lead", "user_id", _SALES_TEAM),
    "contact": OdooModel("res.partner", "base.model_res_partner", "user_id", _SALES_TEAM),
    "account": OdooModel("res.partner", "base.model_res_partner", "user_id", _SALES_TEAM),
    "quote": OdooModel("sale.order", "sale.model_sale_order", "user_id", _SALES_TEAM),
    "product": OdooModel("product.template", "product.model_product_template"),
    "campaign": OdooModel("utm.campaign", "utm.model_utm_campaign", "user_id"),
    "case": OdooModel("helpdesk.ticket", "helpdesk.model_helpdesk_ticket", "user_id",
                      "('team_id.member_ids', 'in', [user.id])"),
    "activity": OdooModel("mail.activity", "mail.model_mail_activity", "user_id"),
    "knowledge_article": OdooModel("knowledge.article", "knowledge.model_knowledge_article"),
    "user": OdooModel("res.users", "base.model_res_users", "id", f"('crm_team_ids', 'in', {_MY_TEAMS})"),
    "security_role": OdooModel("res.groups", "base.model_res_groups"),
    "settings": OdooModel("res.config.settings", "base.model_res_config_settings"),
    "workflow": OdooModel("base.automation", "base_automation.model_base_automation"),
    "data_import": OdooModel("base_import.import", "base_import.model_base_import_import"),
}


def xml_id(text: str) -> str:
    """Odoo external ids allow letters, digits and '_' only ('.' separates the module)."""
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def group_id(role: str) -> str:
    return f"group_crm_{xml_id(role)}"


@dataclass(frozen=True)
class OdooRights:
    """A role's scope per Odoo model and ACL column, plus what had to be merged or left out."""

    scopes: dict[tuple[str, str], dict[str, str]]
    """(role, model) -> {perm column: scope}"""
    merged: list[str]
    unmapped_objects: list[str]
    unmapped_rights: list[str]


def odoo_rights(ctx: ExportContext) -> OdooRights:
    matrix = permission_matrix(ctx.playbook, ctx.lang)
    scopes: dict[tuple[str, str], dict[str, str]] = {}
    sources: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    unmapped_rights = []
    for row in matrix.rows:
        for obj in matrix.objects:
            mapped = MODELS.get(obj.id)
            for action, why in UNMAPPED_ACTIONS.items():
                if mapped and row.scope(obj.id, action) != "none":
                    unmapped_rights.append(f"{row.role} {action} {obj.id} ({row.scope(obj.id, action)}) "
                                           f"on {mapped.model}: {why}")
            if mapped is None:
                continue
            cell = scopes.setdefault((row.role, mapped.model), {})
            for column, action in PERMS:
                scope = row.scope(obj.id, action)
                sources.setdefault((row.role, mapped.model, column), []).append((obj.id, scope))
                if scope_rank(scope) > scope_rank(cell.get(column, "none")):
                    cell[column] = scope
    merged = [f"{role} {column} on {model}: " + ", ".join(f"{o} {s}" for o, s in found)
              + f" -> {scopes[(role, model)].get(column, 'none')} (the union)"
              for (role, model, column), found in sources.items() if len({s for _, s in found}) > 1]
    unmapped = [f"{o.id} ({o.name})" for o in matrix.objects if o.id not in MODELS]
    return OdooRights(scopes, merged, unmapped, unmapped_rights)


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    folder = Path(folder)
    rights = odoo_rights(ctx)
    xmlids = {m.model: m.xmlid for m in MODELS.values()}
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(HEADER)
    for (role, model), cells in rights.scopes.items():
        if cells:
            out.writerow([f"access_{xml_id(model)}_{xml_id(role)}", f"{model} {role}", xmlids[model],
                          group_id(role)] + [int(column in cells) for column, _ in PERMS])
    access, rules, report = folder / "ir.model.access.csv", folder / "record_rules.xml", folder / "odoo-unmapped.txt"
    write_text_atomic(access, buffer.getvalue())
    write_bytes_atomic(rules, _rules_xml(ctx, rights))
    write_text_atomic(report, _report(rights))
    return [access, rules, report]


def _field(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> None:
    field = ET.SubElement(parent, "field", name=name, **attrs)
    field.text = text


def _rules_xml(ctx: ExportContext, rights: OdooRights) -> bytes:
    root = ET.Element("odoo")
    data = ET.SubElement(root, "data")
    for role in ctx.playbook.roles:
        record = ET.SubElement(data, "record", id=group_id(role.id), model="res.groups")
        _field(record, "name", f"CRM: {tr(role.name, ctx.lang)}")
        _field(record, "comment", tr(role.summary, ctx.lang))
    by_model = {m.model: m for m in MODELS.values()}
    for (role, model), cells in rights.scopes.items():
        for scope in ("own", "team", "all"):
            columns = [column for column, _ in PERMS if cells.get(column) == scope]
            if not columns:
                continue
            record = ET.SubElement(data, "record", id=f"rule_{xml_id(model)}_{xml_id(role)}_{scope}",
                                   model="ir.rule")
            _field(record, "name", f"{model}: {role} ({scope})")
            _field(record, "model_id", ref=by_model[model].xmlid)
            _field(record, "groups", eval=f"[(4, ref('{group_id(role)}'))]")
            _field(record, "domain_force", by_model[model].domain(scope))
            for column, _ in PERMS:
                _field(record, column, eval=str(column in columns))
    ET.indent(root)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def _report(rights: OdooRights) -> str:
    sections = [("Objects without an Odoo model (no lines in ir.model.access.csv)", rights.unmapped_objects),
                ("Rights without a column in ir.model.access.csv (grant them in Odoo by hand)",
                 rights.unmapped_rights),
                ("Objects merged into one Odoo model with different rights (the union was taken)", rights.merged)]
    lines = []
    for title, items in sections:
        lines += [title + ":"] + ([f"  {item}" for item in items] or ["  none"]) + [""]
    return "\n".join(lines)
