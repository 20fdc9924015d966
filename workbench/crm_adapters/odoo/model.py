"""Odoo security as pure logic: the design projected onto ACL lines and record rules, and back.

Odoo's model: `ir.model.access` says whether a group may read, write, create or unlink a model at all
(perm_read/perm_write/perm_create/perm_unlink); `ir.rule` records narrow that to a domain per group and
operation. A user's group rules are ORed, a group without a rule on the model sees every record.

Own / team / all (per Odoo model, table KNOWN; other models own through `create_uid`):
- own  -> a rule `[('<owner>', '=', user.id)]`: owner is `user_id` (salesperson / assignee) where the
  model has one, `create_uid` otherwise, `id` for res.users (a user owns their own record).
- team -> own OR the record's sales team is one of the user's (`('team_id', 'in', user.crm_team_ids.ids)`;
  for models without a team, the owner is in one of the user's teams; helpdesk: the ticket team's members).
- all  -> an explicit `[(1, '=', 1)]` rule: a group without a rule would be narrowed by another group's
  rule once a user holds both. none -> no ACL column set.

What Odoo cannot carry (each a Limitation, nothing written):
- assign (a write on the owner field), export (`base.group_allow_export`, global) and import
  (`base_import`, needs perm_create) have no ACL column.
- Objects with no model in `crm_mappings.odoo` (missing or null).
- Two playbook objects on one model (contact and account on res.partner, lead and deal on crm.lead) share
  one ACL line and one set of rules: each gets the union (the wider scope), reported where it widens.

System rights (domain/system_rights.py) are Odoo groups: the role's group implies the groups
`crm_mappings.odoo.system_rights` names (`implied_ids`, e.g. export_data -> base.group_allow_export,
customize_system -> base.group_system); a right without groups is a Limitation. Back, each implied group
the mapping names is its right held (implied groups of implied groups are not followed).

Back (`live_matrix`): a set ACL column and no rule of the group for that operation -> all; with rules,
the widest recognised domain (`scope_of`). A group is `crm_mappings.odoo.roles[role]`, else role_prefix +
role when the mapping sets one, else `group_crm_<role>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.domain.access import SCOPE_RANK, Action
from workbench.domain.crm import project_system, read_system, system_index
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import Limitation, LiveMatrix, TargetMatrix
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import N_, _

TARGET = "odoo"
HEADER = ("id", "name", "model_id:id", "group_id:id", "perm_read", "perm_write", "perm_create", "perm_unlink")
PERMS: tuple[tuple[str, Action], ...] = (
    ("perm_read", "read"),
    ("perm_write", "update"),
    ("perm_create", "create"),
    ("perm_unlink", "delete"),
)  # Odoo ACL column -> playbook action
COLUMN = {action: column for column, action in PERMS}
UNCARRIED: dict[Action, str] = {
    "assign": N_("assigning is a write on the owner field: grant perm_write or a server action"),
    "export": N_("add the users to base.group_allow_export (Odoo 17+); exports follow read rules"),
    "import": N_("importing needs perm_create on the model and access to base_import"),
}
"""English; translated where a report shows it"""
GROUP_PREFIX = "group_crm_"
_MY_TEAMS = "user.crm_team_ids.ids"
_SALES_TEAM = f"('team_id', 'in', {_MY_TEAMS})"
RANK = SCOPE_RANK


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
        team = self.team or f"('{self.owner}.crm_team_ids', 'in', {_MY_TEAMS})"
        return f"['|', {own}, {team}]"


KNOWN: dict[str, OdooModel] = {
    m.model: m
    for m in (
        OdooModel("crm.lead", "crm", "user_id", _SALES_TEAM),
        OdooModel("res.partner", "base", "user_id", _SALES_TEAM),
        OdooModel("sale.order", "sale", "user_id", _SALES_TEAM),
        OdooModel("product.template", "product"),
        OdooModel("utm.campaign", "utm", "user_id"),
        OdooModel("mail.activity", "mail", "user_id"),
        OdooModel("helpdesk.ticket", "helpdesk", "user_id", "('team_id.member_ids', 'in', [user.id])"),
        OdooModel("res.users", "base", "id", f"('crm_team_ids', 'in', {_MY_TEAMS})"),
        OdooModel("knowledge.article", "knowledge"),
        OdooModel("res.groups", "base"),
        OdooModel("res.config.settings", "base"),
        OdooModel("base.automation", "base_automation"),
        OdooModel("base_import.import", "base_import"),
    )
}
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
    prefix = mapping.role_prefix or GROUP_PREFIX
    return xml_id(prefix + role)


def members_of(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """Odoo model -> the playbook objects mapped to it, in playbook order."""
    out: dict[str, list[str]] = {}
    for obj in pb.objects:
        if mapping.object_name(obj.id):
            out.setdefault(str(mapping.object_name(obj.id)), []).append(obj.id)
    return out


def _norm(domain: str) -> str:
    return re.sub(r"\s+", "", domain).replace('"', "'")


def scope_of(model: OdooModel, domain: str | None) -> str | None:
    """The scope a rule's domain_force stands for, or None when it is none of the forms this module
    writes (the caller reads that as all and says so)."""
    text = _norm(domain or "")
    if text in ("", "[]", "[(1,'=',1)]"):
        return "all"
    forms = {_norm(model.domain(scope)): scope for scope in ("own", "team")}
    forms |= {_norm(f"[('{owner}', '=', user.id)]"): "own" for owner in ("user_id", "create_uid")}
    return forms.get(text)


@dataclass
class OdooRights:
    """A role's scope per Odoo model and ACL column, plus what had to be merged or left out."""

    scopes: dict[tuple[str, str], dict[str, str]] = field(
        default_factory=dict
    )  # (role, model) -> column -> scope
    members: dict[str, list[str]] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    unmapped_objects: list[str] = field(default_factory=list)
    unmapped_rights: list[str] = field(default_factory=list)


def odoo_rights(pb: Playbook, mapping: CrmMapping) -> OdooRights:
    """The design per (role, Odoo model, ACL column), the union where objects share a model."""
    rights = OdooRights(members=members_of(pb, mapping))
    rights.unmapped_objects = [obj.id for obj in pb.objects if not mapping.object_name(obj.id)]
    for role in pb.roles:
        for model, objects in rights.members.items():
            held = [(obj, role.permissions.get(obj, {})) for obj in objects]
            for obj, perms in held:
                for action, why in UNCARRIED.items():
                    if perms.get(action, "none") != "none":
                        rights.unmapped_rights.append(
                            _("{role} {action} {object} ({scope}) on {model}: {why}").format(
                                role=role.id,
                                action=action_label(action),
                                object=obj,
                                scope=scope_label(perms[action]),
                                model=model,
                                why=_(why),
                            )
                        )
            cells = rights.scopes.setdefault((role.id, model), {})
            for column, action in PERMS:
                found = [(obj, perms.get(action, "none")) for obj, perms in held]
                widest = max((s for _, s in found), key=RANK.__getitem__)
                if widest != "none":
                    cells[column] = widest
                if len(found) > 1 and len({s for _, s in found}) > 1:
                    rights.merged.append(
                        _("{role} {column} on {model}: {found} -> {widest} (the union)").format(
                            role=role.id,
                            column=column,
                            model=model,
                            widest=scope_label(widest),
                            found=", ".join(f"{o} {scope_label(s)}" for o, s in found),
                        )
                    )
    return rights


def project(pb: Playbook, mapping: CrmMapping) -> TargetMatrix:
    """The design as Odoo can hold it: what the audit of a faithful export will read back."""
    rights = odoo_rights(pb, mapping)
    matrix = TargetMatrix(TARGET)
    for role in pb.roles:
        project_system(role, mapping, matrix, TARGET)
        for obj in rights.unmapped_objects:
            for action, wanted in role.permissions.get(obj, {}).items():
                if wanted != "none":
                    why = _("{object} has no {kind} in {key}; not written").format(
                        object=obj, kind=_("Odoo model"), key="crm_mappings.odoo.objects"
                    )
                    matrix.limitations.append(Limitation(role.id, obj, action, wanted, "none", why))
        for model, objects in rights.members.items():
            cells = rights.scopes.get((role.id, model), {})
            for obj in objects:
                perms = role.permissions.get(obj, {})
                for action in ("create", "read", "update", "delete", *UNCARRIED):
                    wanted = perms.get(action, "none")
                    got = cells.get(COLUMN[action], "none") if action in COLUMN else "none"
                    if got != "none":
                        matrix.grants[(role.id, obj, action)] = got
                    if got != wanted:
                        why = (
                            _(UNCARRIED[action])
                            if action in UNCARRIED
                            else _(
                                "{objects} share the Odoo model {model}: one ACL line and one set of rules "
                                "carry the "
                                "union ({scope})"
                            ).format(objects=", ".join(objects), model=model, scope=scope_label(got))
                        )
                        matrix.limitations.append(Limitation(role.id, obj, action, wanted, got, why))
    return matrix


@dataclass
class OdooRule:
    """An active group rule as read from a data file."""

    groups: list[str]
    model: str
    domain: str | None
    perms: set[str]
    at: tuple[str, int, int]
    """file, line, column of the domain_force (or the record)"""


def _implied_rights(
    live: LiveMatrix,
    roles: dict[str, str],
    implied: dict[str, list[tuple[str, tuple[str, int]]]],
    mapping: CrmMapping,
    seen: dict[str, str],
) -> None:
    """The system rights the design roles' groups carry through the groups they imply; a group outside
    the design implying one of them is an unknown role."""
    index = system_index(mapping)
    for group, refs in implied.items():
        if group in roles:
            for ref, where in refs:
                read_system(live, roles[group], ref, index, where)
        elif any(ref.casefold() in index for ref, _ in refs):
            name = seen.get(group, group)
            live.unknown_roles += [] if name in live.unknown_roles else [name]


def live_matrix(
    pb: Playbook,
    mapping: CrmMapping,
    acl: dict[tuple[str, str], set[str]],
    rules: list[OdooRule],
    seen: dict[str, str],
    implied: dict[str, list[tuple[str, tuple[str, int]]]] | None = None,
) -> tuple[LiveMatrix, list[Problem]]:
    """ACL columns narrowed by the rules, per design role and playbook object. `acl`: (group, model xml id,
    both without module) -> columns set; `seen`: every group named, as written; `implied`: group -> the
    groups it implies, each with where it was read."""
    live, problems = LiveMatrix(TARGET), list[Problem]()
    roles = {group_id(mapping, role.id): role.id for role in pb.roles}
    _implied_rights(live, roles, implied or {}, mapping, seen)
    members = members_of(pb, mapping)
    models = {odoo_model(name).local_xmlid: name for name in members}
    narrowed = _narrowed(rules, models, problems)
    _note_unknown(live, acl, roles, models, seen)
    for group, role in roles.items():
        for model, name in models.items():
            columns = acl.get((group, model), set()) | acl.get(("", model), set())
            for column, action in PERMS:
                if column not in columns:
                    continue
                found = [scope for perms, scope in narrowed.get((group, model), []) if column in perms]
                scope = max(found, key=RANK.__getitem__) if found else "all"
                for obj in members[name]:
                    live.grants[(role, obj, action)] = scope
    absent = [r.id for r in pb.roles if group_id(mapping, r.id) not in seen]
    designed = {role for role, _, _ in project(pb, mapping).grants} if absent else set()
    live.missing_roles = [r for r in absent if r in designed]
    return live, problems


def _narrowed(
    rules: list[OdooRule], models: dict[str, str], problems: list[Problem]
) -> dict[tuple[str, str], list[tuple[set[str], str]]]:
    """(group, model) -> the columns each record rule covers and the scope it narrows them to; a domain
    this tool does not write counts as all, with a warning in `problems`."""
    narrowed: dict[tuple[str, str], list[tuple[set[str], str]]] = {}
    for rule in rules:
        if rule.model not in models:
            continue
        scope = scope_of(odoo_model(models[rule.model]), rule.domain)
        if scope is None:
            problems.append(
                Problem(
                    f"domain_force {rule.domain!r} is not an own, team or all domain this tool "
                    "writes; audited as all (the widest)",
                    file=rule.at[0],
                    line=rule.at[1],
                    column=rule.at[2],
                    code="domain",
                    severity="warning",
                )
            )
        for group in rule.groups:
            narrowed.setdefault((group, rule.model), []).append((rule.perms, scope or "all"))
    return narrowed


def _note_unknown(
    live: LiveMatrix,
    acl: dict[tuple[str, str], set[str]],
    roles: dict[str, str],
    models: dict[str, str],
    seen: dict[str, str],
) -> None:
    """ACL lines for a group no design role maps to, or a model no playbook object maps to."""
    for (group, model), columns in acl.items():
        if not columns or not group:
            continue
        if group not in roles:
            if model in models and seen[group] not in live.unknown_roles:
                live.unknown_roles.append(seen[group])
        elif model not in models and (seen[group], model) not in live.unknown_objects:
            live.unknown_objects.append((seen[group], model))


def exported_role_names(pb: Playbook, mapping: CrmMapping) -> dict[str, list[str]]:
    """role id -> [its group's external id, then its `CRM: <name>` label in every language], the names
    user exports show a group by."""
    from workbench.domain.text import tr
    from workbench.languages import LANGUAGES

    return {
        role.id: [group_id(mapping, role.id), *(f"CRM: {tr(role.name, lang)}" for lang in LANGUAGES)]
        for role in pb.roles
    }
