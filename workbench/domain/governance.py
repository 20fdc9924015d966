"""Governance checks over a resolved playbook: the findings a security reviewer and a PMO would raise.

Each finding names its rule, severity, the role (or task, object) it concerns and a fix hint, and
carries `cell` = (role, object, action) when it points at one cell of the permission matrix, so the
TUI can jump there and the xlsx can highlight it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.access import ACTIONS, Action, PermissionRef, Role, scope_rank
from workbench.domain.locale import format_percent
from workbench.domain.playbook import Playbook
from workbench.domain.requirements import scored_weight
from workbench.domain.system_rights import HELD, label
from workbench.domain.text import tr
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import N_, _, current_language

WORDS = {
    "create": N_("create"),
    "read": N_("read"),
    "update": N_("update"),
    "delete": N_("delete"),
    "assign": N_("assign"),
    "export": N_("export"),
    "import": N_("import"),
    "none": N_("none"),
    "own": N_("own"),
    "team": N_("team"),
    "all": N_("all"),
}
"""actions and scopes as people read them in a finding (the codes stay in `role`, `object`, `action`)"""


def _w(code: str) -> str:
    return _(WORDS[code]) if code in WORDS else code


def _t(text) -> str:
    return tr(text, current_language())


MUST_WEIGHT_LIMIT = 0.60
"""DSDM's rule of thumb: Must-haves should carry no more than about 60 % of the effort (here: weight)."""

_DEPENDENCIES: tuple[tuple[Action, Action, str], ...] = (
    ("update", "read", N_("editing needs reading")),
    ("delete", "update", N_("deleting needs editing")),
    ("export", "read", N_("exporting needs reading")),
    ("assign", "read", N_("assigning needs reading")),
)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning | info
    message: str
    fix: str
    role: str | None = None
    object: str | None = None
    action: str | None = None
    task: str | None = None

    @property
    def cell(self) -> tuple[str, str, str] | None:
        if self.role and self.object and self.action:
            return (self.role, self.object, self.action)
        return None

    def to_dict(self) -> dict:
        """For `--format json` and other scripts: every field, plus the matrix cell when there is one."""
        return {
            "severity": self.severity,
            "rule": self.rule,
            "role": self.role,
            "object": self.object,
            "action": self.action,
            "task": self.task,
            "message": self.message,
            "fix": self.fix,
            "cell": list(self.cell) if self.cell else None,
        }


def _holds(held: str, min_scope: str) -> bool:
    """A right counts from `min_scope` up; 'none' is never a right held (a rule written with min_scope
    none would otherwise flag every role, even those without access)."""
    return held != "none" and scope_rank(held) >= scope_rank(min_scope)


def _held(role: Role, ref: PermissionRef) -> str:
    """The scope a role holds of the right a rule names; a system right held is org-wide (all)."""
    if ref.system_right is not None:
        return HELD if ref.system_right in role.system_rights else "none"
    if ref.object is None or ref.action is None:  # the model requires both when there is no system right
        return "none"
    return role.scope(ref.object, ref.action)


def _right_text(ref: PermissionRef, held: str) -> str:
    if ref.system_right is not None:
        return _("the system right {right}").format(right=ref.system_right)
    return f"{_w(str(ref.action))} {ref.object} ({_w(held)})"


def separation_of_duties(pb: Playbook) -> list[Finding]:
    findings = []
    for rule in pb.governance.separation_of_duties:
        a, b = rule.first, rule.second
        for role in pb.roles:
            if _holds(_held(role, a), a.min_scope) and _holds(_held(role, b), b.min_scope):
                findings.append(
                    Finding(
                        f"sod:{rule.id}",
                        rule.severity,
                        _("{role} holds both {first} and {second}: {why}").format(
                            role=role.id,
                            first=_right_text(a, _held(role, a)),
                            second=_right_text(b, _held(role, b)),
                            why=_t(rule.description),
                        ),
                        _t(rule.fix) or _("move one of the two rights to another role"),
                        role.id,
                        b.object,
                        b.action or b.system_right,
                    )
                )
    return findings


def least_privilege(pb: Playbook) -> list[Finding]:
    findings = []
    for rule in pb.governance.least_privilege:
        for role in pb.roles:
            if role.id in rule.except_roles:
                continue
            held = role.scope(rule.object, rule.action)
            if scope_rank(held) > scope_rank(rule.max_scope):
                findings.append(
                    Finding(
                        f"lp:{rule.id}",
                        rule.severity,
                        _(
                            "{role} may {action} {object} with scope {held}; the ceiling is {ceiling}: {why}"
                        ).format(
                            role=role.id,
                            action=_w(rule.action),
                            object=rule.object,
                            held=_w(held),
                            ceiling=_w(rule.max_scope),
                            why=_t(rule.description),
                        ),
                        _t(rule.fix)
                        or _("lower the {action} right of {role} on {object} to {ceiling}").format(
                            action=_w(rule.action),
                            role=role.id,
                            object=rule.object,
                            ceiling=_w(rule.max_scope),
                        ),
                        role.id,
                        rule.object,
                        rule.action,
                    )
                )
    return findings


def system_right_holders(pb: Playbook) -> list[Finding]:
    """Least privilege for system rights: each role outside a rule's exceptions holding one of its rights."""
    findings = []
    for rule in pb.governance.system_rights:
        for role in pb.roles:
            if role.id in rule.except_roles:
                continue
            for right in (r for r in rule.rights if r in role.system_rights):
                allowed = ", ".join(rule.except_roles) or _("no role")
                findings.append(
                    Finding(
                        f"sys:{rule.id}",
                        rule.severity,
                        _(
                            "{role} holds the system right {right} ({label}); only {allowed} may: {why}"
                        ).format(
                            role=role.id,
                            right=right,
                            label=label(right),
                            allowed=allowed,
                            why=_t(rule.description),
                        ),
                        _t(rule.fix)
                        or _("remove {right} from {role}'s system_rights").format(right=right, role=role.id),
                        role.id,
                        action=right,
                    )
                )
    return findings


def permission_dependencies(pb: Playbook) -> list[Finding]:
    findings = []
    for role in pb.roles:
        for obj in role.permissions:
            for action, needs, why in _DEPENDENCIES:
                have, need = role.scope(obj, action), role.scope(obj, needs)
                if scope_rank(have) > scope_rank(need):
                    findings.append(
                        Finding(
                            "dependency",
                            "error",
                            _("{role} may {action} {object} ({have}) but {needs} only {need}: {why}").format(
                                role=role.id,
                                action=action_label(action),
                                object=obj,
                                have=scope_label(have),
                                needs=action_label(needs),
                                need=scope_label(need),
                                why=_(why),
                            ),
                            _(
                                "give {role} {needs} {object} at least {have}, or lower {action} to {need}"
                            ).format(
                                role=role.id,
                                needs=action_label(needs),
                                object=obj,
                                have=scope_label(have),
                                action=action_label(action),
                                need=scope_label(need),
                            ),
                            role.id,
                            obj,
                            action,
                        )
                    )
    return findings


def ownership(pb: Playbook) -> list[Finding]:
    findings = []
    for obj in pb.objects:
        readers = [r.id for r in pb.roles if r.scope(obj.id, "read") != "none"]
        if not readers:
            findings.append(
                Finding(
                    "unread-object",
                    "warning",
                    _("no role may read {object}").format(object=obj.id),
                    _("grant read on {object} to {owner} or drop the object").format(
                        object=obj.id, owner=obj.owner
                    ),
                    object=obj.id,
                )
            )
        owner = pb.role_map().get(obj.owner)
        if owner is not None and owner.scope(obj.id, "read") == "none":
            findings.append(
                Finding(
                    "owner-cannot-read",
                    "warning",
                    _("{owner} owns {object}'s data quality but cannot read it").format(
                        owner=obj.owner, object=obj.id
                    ),
                    _("grant {owner} read on {object}").format(owner=obj.owner, object=obj.id),
                    obj.owner,
                    obj.id,
                    "read",
                )
            )
    for _phase, task in pb.tasks():
        accountable = [r for r, letter in task.raci.items() if letter == "A"]
        if len(accountable) != 1:
            findings.append(
                Finding(
                    "raci",
                    "error",
                    _("task {task} has {count} accountable roles").format(
                        task=task.id, count=len(accountable)
                    ),
                    _("name exactly one Accountable role"),
                    task=task.id,
                )
            )
    profiled = {p.id for p in pb.job_profiles}
    used = {t.owner for _, t in pb.tasks()} | {
        r for _, t in pb.tasks() for r, letter in t.raci.items() if letter in "RA"
    }
    for role in pb.roles:
        if role.id not in profiled and role.id in used:
            findings.append(
                Finding(
                    "no-job-profile",
                    "info",
                    _("{role} does work in the rollout but has no job profile").format(role=role.id),
                    _("add a job profile for {role} so HR can staff it").format(role=role.id),
                    role=role.id,
                )
            )
    return findings


def must_weight_share(weights: Iterable[tuple[str, int]]) -> float | None:
    """The Must-haves' share of the weight of (priority, weight) pairs, None when nothing is weighted; the
    TUI shows it live while priorities are edited. Won't-haves are out of this release, so they are not
    part of the weight Must-haves are measured against."""
    total = must = 0
    for priority, weight in weights:
        total += scored_weight(priority, weight)
        must += weight if priority == "must" else 0
    return must / total if total else None


def must_have_weight(pb: Playbook) -> list[Finding]:
    share = must_weight_share((r.priority, r.weight) for r in pb.requirements)
    if share is not None and share > MUST_WEIGHT_LIMIT:
        return [
            Finding(
                "moscow-balance",
                "warning",
                _(
                    "Must-haves carry {share} of the total weight of the RFP (over {limit}): vendors "
                    "cannot be told apart and nothing is left to trade"
                ).format(
                    share=format_percent(round(share * 100), current_language()),
                    limit=format_percent(round(MUST_WEIGHT_LIMIT * 100), current_language()),
                ),
                _("move requirements the business can live without at go-live to Should or Could"),
            )
        ]
    return []


def unused_rights(pb: Playbook) -> list[Finding]:
    """Rights nobody should hold: actions on an object that no role holds are fine; any role holding every
    action on every object with scope all is not."""
    findings = []
    for role in pb.roles:
        total = len(pb.objects) * len(ACTIONS)
        full = sum(1 for o in pb.objects for a in ACTIONS if role.scope(o.id, a) == "all")
        if total and full == total:
            findings.append(
                Finding(
                    "superuser",
                    "error",
                    _("{role} holds every right on every object").format(role=role.id),
                    _("split administration from business data access"),
                    role=role.id,
                )
            )
    return findings


def check_governance(pb: Playbook) -> list[Finding]:
    """Every governance finding for a resolved playbook, errors first."""
    from workbench.domain.workload import external_accountable  # it builds on this module's Finding

    findings = (
        external_accountable(pb)
        + separation_of_duties(pb)
        + least_privilege(pb)
        + system_right_holders(pb)
        + permission_dependencies(pb)
        + ownership(pb)
        + must_have_weight(pb)
        + unused_rights(pb)
    )
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order[f.severity])
