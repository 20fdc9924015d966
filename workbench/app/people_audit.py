"""People audit, the use case: the engagement's roster against one CRM's user export, judged by the
design (domain/people_audit.py). `crmwb people-audit` parses arguments and renders the result; the
roster use cases (`crmwb roster DIR import|list`) sit here too, so the TUI can call the same ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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
    pb: Playbook, label: str, folder: Path, target: str, sources: list[Path]
) -> PeopleAuditResult:
    """Read the roster and the user export, judge every enabled account. Raises UnknownUserTarget."""
    from workbench.domain.people_audit import audit_people, crm_role_index
    from workbench.domain.problems import Problem
    from workbench.loading.crm.users import read_users
    from workbench.loading.roster import ROSTER_FILE, read_roster
    from workbench.writers.crm.registry import mapping_for

    people, problems = read_roster(folder)
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
    index = crm_role_index(pb, mapping_for(pb, target), target)
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
