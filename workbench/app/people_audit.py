"""People audit, the use case: the engagement's roster against one CRM's user export, judged by the
design (domain/people_audit.py). `crmwb people-audit` parses arguments and renders the result; the
roster use cases (`crmwb roster DIR import|list`) sit here too, so the TUI can call the same ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.people import Person
    from workbench.domain.people_audit import PeopleAudit
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem
    from workbench.store.roster import RosterSave


@dataclass
class PeopleAuditResult:
    report: PeopleAudit | None
    """None when the roster or the export could not be read (see `problems`): nothing was judged"""
    problems: list[Problem] = field(default_factory=list)


def roster_problems(pb: Playbook, people: list[Person], file: str) -> list[Problem]:
    """Warnings for roster entries the design cannot judge: a designed role the playbook does not have,
    a manager who is not on the roster."""
    from workbench.domain.problems import Problem

    roles, ids = {r.id for r in pb.roles}, {p.id for p in people}
    out = []
    for person in people:
        for role in person.roles:
            if role not in roles:
                out.append(
                    Problem(
                        _(
                            "{person}: designed role {role} is not a role of the design; expected "
                            "one of {roles}"
                        ).format(person=person.id, role=role, roles=", ".join(sorted(roles))),
                        file=file,
                        line=person.line,
                        severity="warning",
                        code="unknown-role",
                    )
                )
        if person.manager and person.manager not in ids:
            out.append(
                Problem(
                    _("{person}: manager {manager} is not on the roster").format(
                        person=person.id, manager=person.manager
                    ),
                    file=file,
                    line=person.line,
                    severity="warning",
                    code="unknown-manager",
                )
            )
    return out


def people_audit(
    pb: Playbook,
    label: str,
    folder: Path,
    target: str,
    sources: list[Path],
    roster: list[Person] | None = None,
) -> PeopleAuditResult:
    """Read the roster (or take `roster`, e.g. as recertification decisions left it) and the user export,
    and judge every enabled account. Raises UnknownUserTarget."""
    from workbench.crm_adapters.registry import read_users, role_names
    from workbench.domain.people_audit import audit_people, crm_role_index
    from workbench.domain.problems import Problem
    from workbench.loading.roster import ROSTER_FILE, read_roster

    people, problems = read_roster(folder) if roster is None else (roster, [])
    if not people and not problems:
        problems = [
            Problem(
                _("no roster yet; expected {command} first").format(
                    command=f"`crmwb roster {folder} import FILE`"
                ),
                file=str(folder / ROSTER_FILE),
                code="missing",
            )
        ]
    accounts, found = read_users(target, sources)
    problems += found
    if not accounts and not any(p.severity == "error" for p in found):
        problems.append(
            Problem(
                _("no user accounts in {files}; expected the {target} user export (see {help})").format(
                    files=", ".join(map(str, sources)), target=target, help="`crmwb people-audit --help`"
                ),
                file=str(sources[0]) if sources else None,
                code="empty",
            )
        )
    if any(p.severity == "error" for p in problems) or not people:
        return PeopleAuditResult(None, problems)
    problems += roster_problems(pb, people, str(folder / ROSTER_FILE))
    index = crm_role_index(pb, *role_names(pb, target))
    report = audit_people(pb, people, accounts, index, target, label, [str(s) for s in sources])
    return PeopleAuditResult(report, problems)


def import_roster(
    pb: Playbook | None, folder: Path, file: Path, replace: bool = False
) -> tuple[RosterSave | None, list[Problem]]:
    """Read an HR list and merge it into the engagement's roster (nothing is written on an error)."""
    from workbench.loading.roster import read_roster_import
    from workbench.store.roster import save_roster

    people, problems = read_roster_import(file)
    if any(p.severity == "error" for p in problems):
        return None, problems
    if pb is not None:
        problems += roster_problems(pb, people, str(file))
    saved = save_roster(folder, people, replace)
    return saved, problems + saved.problems


@dataclass
class PeopleReview:
    paths: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def people_review(
    pb: Playbook, label: str, folder: Path, target: str, sources: list[Path], out: Path, lang: str
) -> PeopleReview:
    """One checklist per manager of the roles their people hold in the CRM, written into `out` in `lang`."""
    from workbench.crm_adapters.registry import read_users, role_names
    from workbench.domain.people_audit import admin_roles, crm_role_index, designed_roles_held
    from workbench.domain.people_recertify import review_lines
    from workbench.domain.text import tr
    from workbench.i18n import use_language
    from workbench.loading.roster import read_roster
    from workbench.writers.people_recertify_xlsx import write

    people, problems = read_roster(folder)
    accounts, found = read_users(target, sources)
    problems += found
    if any(p.severity == "error" for p in problems):
        return PeopleReview([], problems)
    index, admins = crm_role_index(pb, *role_names(pb, target)), admin_roles(pb)
    order = {role.id: i for i, role in enumerate(pb.roles)}
    held = [designed_roles_held(a, index, admins, order) for a in accounts]
    lines = review_lines(pb, people, accounts, held)
    out.mkdir(parents=True, exist_ok=True)
    with use_language(lang):
        names = {role.id: tr(role.name, lang) for role in pb.roles}
        paths = write(lines, {p.id: p.name for p in people}, names, target, label, out)
    return PeopleReview(paths, problems)


@dataclass
class PeopleDecisions:
    plan: Any = None
    """the change plan (domain.people_recertify.PeoplePlan); None when a checklist could not be read"""
    roster: list[Person] = field(default_factory=list)
    """the roster as the decisions leave it"""
    problems: list[Problem] = field(default_factory=list)


def people_decisions(pb: Playbook, folder: Path, target: str, files: list[Path]) -> PeopleDecisions:
    """Read the managers' checklists back into the CRM change plan and the approved roster."""
    from workbench.crm_adapters.registry import role_names
    from workbench.domain.people_audit import crm_role_names
    from workbench.domain.people_recertify import approved_roster, change_plan
    from workbench.loading.people_checklist import read_people_checklist
    from workbench.loading.roster import read_roster

    people, problems = read_roster(folder)
    decisions = []
    roles = {role.id for role in pb.roles}
    for file in files:
        found, found_problems = read_people_checklist(file, roles)
        decisions += found
        problems += found_problems
    if any(p.severity == "error" for p in problems):
        return PeopleDecisions(None, people, problems)
    plan = change_plan(decisions, crm_role_names(pb, *role_names(pb, target)))
    return PeopleDecisions(plan, approved_roster(people, decisions), problems)
