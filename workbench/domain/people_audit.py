"""The people audit: who holds what in the live CRM, against who the roster says should.

Role-level governance (`crmwb check`) and the drift audit judge role definitions; an auditor asks about
people. Given the design, the roster and one CRM's user accounts (already read into `UserAccount`s), this
finds, per enabled account:

- `left-enabled`: the account belongs to a person the roster marks inactive (left, long leave);
- `no-person`: no roster person owns it (someone who left and was removed from the roster, a contractor
  nobody listed) and `shared-login` when its login names a function (sales@, admin2), not a person;
- `toxic-combination`: a separation-of-duties rule broken only by the union of the roles the person holds
  (each role alone passes; a rule one role breaks by itself is `crmwb check`'s finding, not a person's);
- `beyond-role`: roles held that the person's designed roles do not include (and that no toxic
  combination above already reports);
- `unknown-role`: a CRM role, permission set or group no designed role maps to (one finding per name);
- `too-many-admins`: more enabled accounts hold an administrator role (one holding manage_users, or the
  CRM's own admin flag) than `governance.max_administrators` allows.

Disabled accounts cannot log in and are not judged. One finding per cause, so a planted problem is found
once: a role beyond the design that makes a toxic combination is reported as the combination.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.domain.access import SeparationOfDuties
from workbench.domain.governance import _held, _holds
from workbench.domain.locale import format_number
from workbench.domain.people import Person, UserAccount, looks_shared, match_accounts
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.i18n import N_, _, current_language, ngettext

if TYPE_CHECKING:
    from workbench.domain.crm_targets import CrmMapping

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
ADMIN_RIGHT = "manage_users"
"""the system right that makes a role an administrator role: who manages users can grant anything"""

KINDS: dict[str, tuple[str, str]] = {
    "left-enabled": ("error", N_("an account of a person who left is still enabled")),
    "no-person": ("error", N_("an enabled account no roster person owns")),
    "shared-login": ("error", N_("an enabled login shared by a function, not owned by a person")),
    "toxic-combination": ("error", N_("two roles held together break a separation-of-duties rule")),
    "beyond-role": ("error", N_("roles held beyond the person's designed role")),
    "too-many-admins": ("error", N_("more administrators than the design allows")),
    "unknown-role": ("warning", N_("a CRM role no designed role maps to")),
}
"""kind -> (default severity, what it means in one line, English, translated where shown)"""


@dataclass(frozen=True)
class PersonFinding:
    kind: str
    severity: str
    evidence: str
    fix: str
    person: str | None = None
    account: str | None = None
    roles: tuple[str, ...] = ()
    rule: str | None = None
    file: str | None = None
    line: int | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "person": self.person,
            "account": self.account,
            "roles": list(self.roles),
            "rule": self.rule,
            "evidence": self.evidence,
            "fix": self.fix,
            "file": self.file,
            "line": self.line,
        }


@dataclass
class PeopleAudit:
    target: str
    design: str
    sources: list[str]
    findings: list[PersonFinding]
    accounts: int
    enabled: int
    matched: int
    people: int
    administrators: list[str] = field(default_factory=list)
    max_administrators: int = 0

    @property
    def clean(self) -> bool:
        return not self.findings

    def counts(self) -> dict[str, int]:
        return {
            "errors": sum(f.severity == "error" for f in self.findings),
            "warnings": sum(f.severity == "warning" for f in self.findings),
        }

    def by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for finding in self.findings:
            out[finding.kind] = out.get(finding.kind, 0) + 1
        return out

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "design": self.design,
            "sources": self.sources,
            "clean": self.clean,
            "accounts": self.accounts,
            "enabled": self.enabled,
            "matched": self.matched,
            "people": self.people,
            "administrators": self.administrators,
            "max_administrators": self.max_administrators,
            "counts": self.counts(),
            "by_kind": self.by_kind(),
            "findings": [f.to_dict() for f in self.findings],
        }


def admin_roles(pb: Playbook) -> list[str]:
    """The design's administrator roles: those holding manage_users."""
    return [role.id for role in pb.roles if ADMIN_RIGHT in role.system_rights]


def _n(value: int) -> str:
    return format_number(value, current_language())


def _roles_text(roles: Iterable[str]) -> str:
    return ", ".join(roles) or "-"


def _who(account: UserAccount) -> str:
    return account.login or account.email or account.name


@dataclass
class _Context:
    pb: Playbook
    index: dict[str, str]
    admins: list[str]
    findings: list[PersonFinding] = field(default_factory=list)
    unknown: dict[str, list[UserAccount]] = field(default_factory=dict)
    sides: dict[str, tuple[frozenset[int], frozenset[int]]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sides = sod_sides(self.pb)
        self.order = {role.id: i for i, role in enumerate(self.pb.roles)}

    def add(
        self,
        kind: str,
        evidence: str,
        fix: str,
        account: UserAccount | None,
        person: Person | None,
        roles: Sequence[str] = (),
        rule: str | None = None,
        severity: str | None = None,
    ) -> None:
        self.findings.append(
            PersonFinding(
                kind,
                severity or KINDS[kind][0],
                evidence,
                fix,
                person.id if person else None,
                _who(account) if account else None,
                tuple(roles),
                rule,
                account.file if account else None,
                account.line if account else None,
            )
        )

    def roles_held(self, account: UserAccount) -> list[str]:
        """The designed roles an account holds (in playbook order), noting CRM names no role maps to."""
        for name in account.held:
            if name.strip().casefold() not in self.index:
                self.unknown.setdefault(name.strip(), []).append(account)
        return designed_roles_held(account, self.index, self.admins, self.order)


def designed_roles_held(
    account: UserAccount, index: dict[str, str], admins: list[str], order: dict[str, int]
) -> list[str]:
    """The designed roles an account's CRM roles stand for (the CRM's admin flag as the first
    administrator role), in playbook order (`order`: role id -> position); names no role maps to left out."""
    held = {index[key] for key in (n.strip().casefold() for n in account.held) if key in index}
    if account.admin and admins:
        held.add(admins[0])
    return sorted(held, key=order.__getitem__)


def sod_sides(pb: Playbook) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    """role id -> (the SoD rules whose first right it holds, those whose second right it holds), by rule
    index: worked out once per audit, so judging an account is set arithmetic on its few roles."""
    rules = pb.governance.separation_of_duties
    return {
        role.id: (
            frozenset(i for i, r in enumerate(rules) if _holds(_held(role, r.first), r.first.min_scope)),
            frozenset(i for i, r in enumerate(rules) if _holds(_held(role, r.second), r.second.min_scope)),
        )
        for role in pb.roles
    }


def _toxic(
    pb: Playbook, held: list[str], sides: dict[str, tuple[frozenset[int], frozenset[int]]]
) -> list[tuple[SeparationOfDuties, list[str], list[str]]]:
    """SoD rules the union of `held` breaks while no single held role does: (rule, roles holding the first
    right, roles holding the second)."""
    if len(held) < 2:
        return []
    firsts = frozenset().union(*(sides[r][0] for r in held))
    seconds = frozenset().union(*(sides[r][1] for r in held))
    out = []
    for i in sorted(firsts & seconds):
        first = [r for r in held if i in sides[r][0]]
        second = [r for r in held if i in sides[r][1]]
        if not set(first) & set(second):
            out.append((pb.governance.separation_of_duties[i], first, second))
    return out


def _judge_person(ctx: _Context, account: UserAccount, person: Person, held: list[str]) -> None:
    if not person.active:
        ctx.add(
            "left-enabled",
            _(
                "{person} ({name}) is inactive in the roster but the account {account} is "
                "enabled, holding {roles}"
            ).format(person=person.id, name=person.name, account=_who(account), roles=_roles_text(held)),
            _(
                "disable {account} in the CRM (keep its records: reassign them to the person's manager "
                "{manager})"
            ).format(account=_who(account), manager=person.manager or "-"),
            account,
            person,
            held,
        )
        return
    designed = set(person.roles)
    toxic = _toxic(ctx.pb, held, ctx.sides)
    explained: set[str] = set()
    if toxic:
        pair = [r for r in held if any(r in first or r in second for _rule, first, second in toxic)]
        beyond = [r for r in pair if r not in designed]
        explained.update(beyond)
        rules = [rule for rule, _first, _second in toxic]
        severity = min((r.severity for r in rules), key=lambda s: SEVERITY_ORDER.get(s, 3))
        why = "; ".join(f"{r.id}: {tr(r.description, current_language())}" for r in rules)
        ctx.add(
            "toxic-combination",
            _("{person} holds {roles} (designed: {designed}); together they break {why}").format(
                person=person.id, roles=_roles_text(pair), designed=_roles_text(person.roles), why=why
            ),
            _("remove {roles} from {account}, or give the duty to another person").format(
                roles=_roles_text(beyond or pair[-1:]), account=_who(account)
            ),
            account,
            person,
            pair,
            ", ".join(r.id for r in rules),
            severity,
        )
    extra = [r for r in held if r not in designed and r not in explained]
    if extra:
        ctx.add(
            "beyond-role",
            _("{person} ({name}) holds {extra} beyond the designed role {designed}").format(
                person=person.id,
                name=person.name,
                extra=_roles_text(extra),
                designed=_roles_text(person.roles),
            ),
            _(
                "remove {extra} from {account}, or change {person}'s designed role in the roster (and "
                "have it approved)"
            ).format(extra=_roles_text(extra), account=_who(account), person=person.id),
            account,
            person,
            extra,
        )


def _judge_orphan(ctx: _Context, account: UserAccount, held: list[str]) -> None:
    if looks_shared(account):
        ctx.add(
            "shared-login",
            _("{account} names a function, not a person, and holds {roles}").format(
                account=_who(account), roles=_roles_text(held)
            ),
            _("give each person who uses {account} an account of their own, then disable it").format(
                account=_who(account)
            ),
            account,
            None,
            held,
        )
    else:
        ctx.add(
            "no-person",
            _(
                "{account} ({name}) matches no roster person by e-mail, login or name, and holds {roles}"
            ).format(account=_who(account), name=account.name or "-", roles=_roles_text(held)),
            _("disable {account} if its owner left; otherwise add the person to the roster").format(
                account=_who(account)
            ),
            account,
            None,
            held,
        )


def _admin_count(ctx: _Context, admins: list[UserAccount], allowed: int) -> None:
    if len(admins) <= allowed:
        return
    logins = [_who(a) for a in admins]
    ctx.findings.append(
        PersonFinding(
            "too-many-admins",
            KINDS["too-many-admins"][0],
            ngettext(
                "{count} enabled account holds an administrator role ({roles}); the design allows {allowed}: "
                "{accounts}",
                "{count} enabled accounts hold an administrator role ({roles}); the design "
                "allows {allowed}: {accounts}",
                len(admins),
            ).format(
                count=_n(len(admins)),
                roles=_roles_text(ctx.admins),
                allowed=_n(allowed),
                accounts=", ".join(logins),
            ),
            _(
                "keep {allowed} administrators and give the others the role their work needs, or raise "
                "governance.max_administrators with the approval of the director"
            ).format(allowed=_n(allowed)),
            None,
            None,
            tuple(ctx.admins),
            "max_administrators",
            admins[-1].file,
            admins[-1].line,
        )
    )


def _unknown_roles(ctx: _Context) -> None:
    for name, holders in ctx.unknown.items():
        shown = ", ".join(_who(a) for a in holders[:5]) + (" ..." if len(holders) > 5 else "")
        ctx.findings.append(
            PersonFinding(
                "unknown-role",
                KINDS["unknown-role"][0],
                ngettext(
                    "{name} is held by {count} enabled account ({accounts}) but no designed role maps to it",
                    "{name} is held by {count} enabled accounts ({accounts}) but no designed role maps to it",
                    len(holders),
                ).format(name=name, count=_n(len(holders)), accounts=shown),
                _("map it to a designed role in crm_mappings, or remove it from these accounts"),
                None,
                None,
                (),
                None,
                holders[0].file,
                holders[0].line,
            )
        )


def audit_people(
    pb: Playbook,
    people: list[Person],
    accounts: list[UserAccount],
    index: dict[str, str],
    target: str = "",
    design: str = "",
    sources: Sequence[str] = (),
) -> PeopleAudit:
    """Every person-level finding for one CRM's accounts. `index` maps a CRM role name (case-folded) to
    the designed role id it stands for (see `crm_role_index`)."""
    ctx = _Context(pb, index, admin_roles(pb))
    enabled = [i for i, a in enumerate(accounts) if a.active]
    match = match_accounts(people, [accounts[i] for i in enabled])
    admins: list[UserAccount] = []
    for pos, i in enumerate(enabled):
        account = accounts[i]
        held = ctx.roles_held(account)
        if any(r in ctx.admins for r in held):
            admins.append(account)
        if pos in match.people:
            _judge_person(ctx, account, match.people[pos][0], held)
        else:
            _judge_orphan(ctx, account, held)
    _admin_count(ctx, admins, pb.governance.max_administrators)
    _unknown_roles(ctx)
    findings = sorted(ctx.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return PeopleAudit(
        target,
        design,
        list(sources),
        findings,
        len(accounts),
        len(enabled),
        len(match.people),
        people=len(people),
        administrators=[_who(a) for a in admins],
        max_administrators=pb.governance.max_administrators,
    )


def crm_role_index(pb: Playbook, mapping: CrmMapping, exported: dict[str, list[str]]) -> dict[str, str]:
    """CRM role name (case-folded) -> designed role id, for every name a user export may show a role by:
    the role id, its mapped name (`crm_mappings.<target>.roles` or prefix + id) and that made an API name,
    the names `crm-export` gives it in that CRM (`exported`, from the adapter's `role_names`: Salesforce
    API name, Dynamics role name, Odoo group external id and `CRM: <name>` label) and its name in every
    language."""
    from workbench.domain.crm import api_name
    from workbench.languages import LANGUAGES

    index: dict[str, str] = {}
    for role in pb.roles:
        names = {role.id, mapping.role_name(role.id), api_name(mapping.role_name(role.id))}
        names |= {tr(role.name, lang) for lang in LANGUAGES}
        names |= set(exported.get(role.id, ()))
        for name in names:
            index.setdefault(name.strip().casefold(), role.id)
    return index


def crm_role_names(pb: Playbook, mapping: CrmMapping, exported: dict[str, list[str]]) -> dict[str, str]:
    """role id -> the name its role, permission set or group has in the CRM (what `crm-export` writes: the
    first of the adapter's `role_names`), for the change plan's steps."""
    return {role.id: (exported.get(role.id) or [mapping.role_name(role.id)])[0] for role in pb.roles}
