"""Odoo security as pure logic: the design projected onto ACL lines and record rules, and back.

Odoo's model: `ir.model.access` says whether a group may read, write, create or unlink a model at all
(perm_read/perm_write/perm_create/perm_unlink); `ir.rule` records narrow that to a domain per group and
operation. A user's group rules are ORed, a group without a rule on the model sees every record.

Own / team / all (per Odoo model, table KNOWN; other models own through `create_uid`):
- own  -> a rule `[('<owner>', '=', user.id)]`: owner is `user_id` (salesperson / assignee) where the
  model has one, `create_uid` otherwise, `id` for res.users (a user owns their own record).
- team -> own OR the record's sales team is one of the user's (`('team_id', 'in', user.crm_team_ids.ids)`;
  for models without a team, the owner is in one of the user's teams; helpdesk: the ticket team's members).
- all  -> an explicit `[(1, '=', 1)]` rule, because a group without a rule would be narrowed by another
  group's rule once a user holds both.
- none -> no ACL column set.

What Odoo cannot carry (each a Limitation, nothing written):
- assign (a write on the owner field), export (`base.group_allow_export`, global) and import
  (`base_import`, needs perm_create) have no ACL column.
- Objects with no model in `crm_mappings.odoo` (missing or null).
- Two playbook objects on one model (contact and account on res.partner, lead and deal on crm.lead) share
  one ACL line and one set of rules: each gets the union (the wider scope), reported where it widens.

Back (`scope_of`): an ACL column set and no rule of the group for that operation -> all; with rules, the
widest of them, a domain recognised as own, team or all. Groups are the role's external id:
`crm_mappings.odoo.roles[role]`, else `role_prefix + role` when the mapping sets a prefix, else
`group_crm_<role>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.domain.access import scope_rank
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, TargetMatrix
from workbench.domain.playbook import Playbook

TARGET = "odoo"
HEADER = ("id", "name", "model_id:id", "group_id:id", "perm_read", "perm_write", "perm_create", "perm_unlink")
PERMS: tuple[tuple[str, str], ...] = (("perm_read", "read"), ("perm_write", "update"), ("perm_create", "create"),
                                      ("perm_unlink", "delete"))
"""Odoo ACL column -> playbook action."""
COLUMN = {action: column for column, action in PERMS}
UNCARRIED = {"assign": "assigning is a write on the owner field: grant perm_write or a server action",
             "export": "add the users to base.group_allow_export (Odoo 17+); exports follow read rules",
             "import": "importing needs perm_create on the model and access to base_import"}
GROUP_PREFIX = "group_crm_"
_MY_TEAMS = "user.crm_team_ids.ids"
_SALES_TEAM = f"('team_id', 'in', {_MY_TEAMS})"


@dataclass(frozen=True)
class OdooModel:
    """An Odoo model and how its records belong to a user and a team."""

    model: str
    module: str
    owner: str = "create_uid"
    team: str | None = None
    """domain leaf for 'belongs to one of my teams'; default: the owner is in one of my sales teams"""

    @property
    def local_xmlid(self) -> str:
        return "model_" + self.model.replace(".", "_")

    @property
    def xmlid(self) -> str:
        return f"{self.module}.{self.local_xmlid}"

    def domain(self, scope: str) -> str:
        if scope == "all":
            return "[(1, '=', 1)]"
        own = f"('{self.owner}', '=', user.id)"
        if scope == "own":
            return f"[{own}]"
        return f"['|', {own}, {self.team or _owner_team(self.owner)}]"


def _owner_team(owner: str) -> str:
    return f"('{owner}.crm_team_ids', 'in', {_MY_TEAMS})"


KNOWN: dict[str, OdooModel] = {m.model: m for m in (
    OdooModel("crm.lead", "crm", "user_id", _SALES_TEAM),
    OdooModel("res.partner", "base", "user_id", _SALES_TEAM),
    OdooModel("sale.order", "sale", "user_id", _SALES_TEAM),
    OdooModel("product.template", "product"),
    OdooModel("utm.campaign", "utm", "user_id"),
    OdooModel("helpdesk.ticket", "helpdesk", "user_id", "('team_id.member_ids', 'in', [user.id])"),
    OdooModel("mail.activity", "mail", "user_id"),
    OdooModel("knowledge.article", "knowledge"),
    OdooModel("res.users", "base", "id", f"('crm_team_ids', 'in', {_MY_TEAMS})"),
    OdooModel("res.groups", "base"),
    OdooModel("res.config.settings", "base"),
    OdooModel("base.automation", "base_automation"),
    OdooModel("base_import.import", "base_import"),
)}
"""Standard models and the module that defines them (the first part of their `model_id:id`)."""


def odoo_model(name: str) -> OdooModel:
    """A known model, or a custom one assumed to live in the module its name starts with."""
    return KNOWN.get(name) or OdooModel(name, name.split(".")[0] if "." in name else "base")


def xml_id(text: str) -> str:
    """Odoo external ids allow letters, digits and '_' only ('.' separates the module)."""
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def group_id(mapping: CrmMapping, role: str) -> str:
    """The role's res.groups external id, without module."""
    if role in mapping.roles:
        return xml_id(mapping.roles[role].rsplit(".", 1)[-1])
    prefix = mapping.role_prefix if "role_prefix" in mapping.model_fields_set else GROUP_PREFIX
    return xml_id(prefix + role)


def _norm(domain: str) -> str:
    return re.sub(r"\s+", "", domain).replace('"', "'")


def scope_of(model: OdooModel, domain: str | None) -> str | None:
    """The scope a rule's domain_force stands for, or None when it is none of the forms this module
    writes (the caller reads that as all and says so)."""
    if domain is None or _norm(domain) in ("", "[]", "[(1,'=',1)]"):
        return "all"
    text = _norm(domain)
    for scope in ("own", "team", "all"):
        if text == _norm(model.domain(scope)):
            return scope
    if text in {_norm(f"[('{owner}', '=', user.id)]") for owner in ("user_id", "create_uid")}:
        return "own"
    return None


@dataclass
class OdooRights:
    """A role's scope per Odoo model and ACL column, plus what had to be merged or left out."""

    scopes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    """(role, model) -> {perm column: scope}, models in mapping order"""
    members: dict[str, list[str]] = field(default_factory=dict)
    """Odoo model -> the playbook objects on it"""
    merged: list[str] = field(default_factory=list)
    unmapped_objects: list[str] = field(default_factory=list)
    unmapped_rights: list[str] = field(default_factory=list)


def odoo_rights(pb: Playbook, mapping: CrmMapping) -> OdooRights:
    """The design per (role, Odoo model, ACL column), the union where objects share a model."""
    rights = OdooRights()
    for obj in pb.objects:
        model = mapping.object_name(obj.id)
        if model:
            rights.members.setdefault(model, []).append(obj.id)
        else:
            rights.unmapped_objects.append(obj.id)
    for role in pb.roles:
        for model, objects in rights.members.items():
            for obj in objects:
                for action, why in UNCARRIED.items():
                    if role.scope(obj, action) != "none":
                        rights.unmapped_rights.append(f"{role.id} {action} {obj} ({role.scope(obj, action)}) "
                                                      f"on {model}: {why}")
            cells = rights.scopes.setdefault((role.id, model), {})
            for column, action in PERMS:
                found = [(obj, role.scope(obj, action)) for obj in objects]
                widest = max((s for _, s in found), key=scope_rank)
                if widest != "none":
                    cells[column] = widest
                if len({s for _, s in found}) > 1:
                    rights.merged.append(f"{role.id} {column} on {model}: " + ", ".join(f"{o} {s}" for o, s in found)
                                         + f" -> {widest} (the union)")
    return rights


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Odoo can hold it: what the audit of a faithful export will read back."""
    rights = odoo_rights(pb, mapping)
    matrix = TargetMatrix(TARGET)
    for role in pb.roles:
        for obj in rights.unmapped_objects:
            for action, wanted in role.permissions.get(obj, {}).items():
                if wanted != "none":
                    matrix.limitations.append(Limitation(
                        role.id, obj, action, wanted, "none",
                        f"{obj} has no Odoo model in crm_mappings.odoo.objects; not written"))
        for model, objects in rights.members.items():
            cells = rights.scopes.get((role.id, model), {})
            for obj in objects:
                for action in ("create", "read", "update", "delete", *UNCARRIED):
                    wanted = role.scope(obj, action)
                    got = cells.get(COLUMN[action], "none") if action in COLUMN else "none"
                    if got != "none":
                        matrix.grants[(role.id, obj, action)] = got
                    if got != wanted:
                        why = UNCARRIED.get(action) or (
                            f"{', '.join(objects)} share the Odoo model {model}: one ACL line and one set of "
                            f"rules carry the union ({got})")
                        matrix.limitations.append(Limitation(role.id, obj, action, wanted, got, why))
    return matrix
