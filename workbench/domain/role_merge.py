"""Tailoring to size: the roles a client does not have drop out, and their work moves to a role that stays.

A 40-person firm has no IT manager and no separate analyst: whoever runs its CRM covers them. A role says
so in the playbook with `when:` (the clients who have it) and `merge_into:` (who takes its work when it
drops out). Resolving moves everything the dropped role held to that role, so every deliverable built from
the resolved playbook (roles workbook, RACI, job descriptions, plan owners, staffing advice) names only
roles the client has:

- RACI: each task keeps one letter per role, the stronger of the two (A > R > C > I). Only one role held
  A, so A stays single; the target is at least as involved as both roles were.
- rights: the wider scope per object and action, and both roles' system rights. Governance exceptions
  that named the dropped role name the target instead: it now does the work the exception was made for.
- duties, job-profile duties, task and KPI ownership, object and field owners, process lanes, reporting
  lines follow the work; the dropped role's job profile and CRM role names go.

The loader checks the declarations (`check_role_merges`): the target exists, never drops out itself (it
has no `when`), and sits on the same side (inside the client or outside it), so a client decision never
moves to an outsider.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.domain.access import Role, scope_rank
from workbench.domain.conditions import applies, iter_tests
from workbench.domain.job_profiles import JobProfile
from workbench.domain.phases import Phase, RaciLetter
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.processes import Process

LETTER_RANK = {"I": 0, "C": 1, "R": 2, "A": 3}
"""How involved a RACI letter is; a merged role keeps the stronger one."""


def role_moves(pb: Playbook, answers: dict[str, Any]) -> dict[str, str]:
    """Each role these (completed) answers drop, mapped to the role that takes its work."""
    return {
        role.id: role.merge_into
        for role in pb.roles
        if role.merge_into is not None and not applies(role.when, answers)
    }


def dropped_roles(pb: Playbook, answers: dict[str, Any]) -> list[tuple[Role, Role, tuple[str, ...]]]:
    """(the role these completed answers drop, the role that takes its work, the questions its condition
    reads): what the staffing advice lists, with the answers behind each."""
    roles = pb.role_map()
    return [
        (
            roles[role_id],
            roles[target],
            tuple(dict.fromkeys(t.question for t in iter_tests(roles[role_id].when))),
        )
        for role_id, target in role_moves(pb, answers).items()
        if target in roles
    ]


def tailor_roles(pb: Playbook, answers: dict[str, Any]) -> Playbook:
    """The playbook with the roles these answers drop merged into the roles that take their work."""
    moves = role_moves(pb, answers)
    if not moves:
        plain = [_plain(r) for r in pb.roles]
        return pb.model_copy(
            update={"roles": plain, "job_profiles": _merged_profiles(pb.job_profiles, moves)}
        )
    to = _Mover(moves)
    gov = pb.governance
    return pb.model_copy(
        update={
            "roles": _merged_roles(pb.roles, moves),
            "phases": [_moved_phase(phase, to) for phase in pb.phases],
            "objects": [
                obj.model_copy(
                    update={
                        "owner": to(obj.owner),
                        "fields": [f.model_copy(update={"owner": to.maybe(f.owner)}) for f in obj.fields],
                    }
                )
                for obj in pb.objects
            ],
            "processes": [_moved_process(p, to) for p in pb.processes],
            "kpis": [k.model_copy(update={"owner": to(k.owner)}) for k in pb.kpis],
            "job_profiles": _merged_profiles(pb.job_profiles, moves),
            "governance": gov.model_copy(
                update={
                    "least_privilege": [to.exceptions(r) for r in gov.least_privilege],
                    "system_rights": [to.exceptions(r) for r in gov.system_rights],
                }
            ),
            "crm_mappings": {
                target: mapping.model_copy(
                    update={"roles": {k: v for k, v in mapping.roles.items() if k not in moves}}
                )
                for target, mapping in pb.crm_mappings.items()
            },
        }
    )


class _Mover:
    """Role ids after the merge: a dropped role's id becomes its target's."""

    def __init__(self, moves: dict[str, str]) -> None:
        self.moves = moves

    def __call__(self, role: str) -> str:
        return self.moves.get(role, role)

    def maybe(self, role: str | None) -> str | None:
        return None if role is None else self(role)

    def exceptions(self, rule):
        roles = [self(r) for r in rule.except_roles]
        return rule.model_copy(update={"except_roles": list(dict.fromkeys(roles))})


def _plain(role: Role) -> Role:
    """A role as the client has it: its condition and merge declaration are spent."""
    return role.model_copy(update={"when": None, "merge_into": None})


def _merged_roles(roles: list[Role], moves: dict[str, str]) -> list[Role]:
    by_id = {r.id: r for r in roles}
    out = []
    for role in roles:
        if role.id in moves:
            continue
        for dropped in (by_id[d] for d, target in moves.items() if target == role.id):
            role = _absorb(role, dropped)
        out.append(_plain(role))
    return out


def _absorb(role: Role, dropped: Role) -> Role:
    """`role` doing `dropped`'s work too: both duty lists, the wider right of each, both system rights."""
    permissions = {obj: dict(actions) for obj, actions in role.permissions.items()}
    for obj, actions in dropped.permissions.items():
        mine = permissions.setdefault(obj, {})
        for action, scope in actions.items():
            if scope_rank(scope) > scope_rank(mine.get(action, "none")):
                mine[action] = scope
    return role.model_copy(
        update={
            "duties": _union(role.duties, dropped.duties),
            "permissions": permissions,
            "system_rights": _union(role.system_rights, dropped.system_rights),
        }
    )


def _union(first: list, second: list) -> list:
    return first + [item for item in second if item not in first]


def merged_raci(raci: Mapping[str, RaciLetter], moves: Mapping[str, str]) -> dict[str, RaciLetter]:
    """One letter per remaining role, the stronger of the merged roles' letters (A stays single)."""
    out: dict[str, RaciLetter] = {}
    for role, letter in raci.items():
        who = moves.get(role, role)
        if LETTER_RANK[letter] > LETTER_RANK.get(out.get(who, ""), -1):
            out[who] = letter
    return out


def _moved_phase(phase: Phase, to: _Mover) -> Phase:
    tasks = [
        t.model_copy(update={"owner": to(t.owner), "raci": merged_raci(t.raci, to.moves)})
        for t in phase.tasks
    ]
    return phase.model_copy(update={"tasks": tasks})


def _moved_process(process: Process, to: _Mover) -> Process:
    nodes = [n.model_copy(update={"lane": to(n.lane)}) for n in process.nodes]
    return process.model_copy(update={"nodes": nodes})


def _merged_profiles(profiles: list[JobProfile], moves: dict[str, str]) -> list[JobProfile]:
    """Dropped roles' profiles go; their duties join the target's profile; reporting lines follow the work.
    `resolve` leaves every line whose condition holds; the first one left after the move is the role's
    (a line that would point at the profile's own role is passed over, so the next one applies)."""
    by_id = {p.id: p for p in profiles}
    out = []
    for profile in profiles:
        if profile.id in moves:
            continue
        duties = list(profile.duties)
        for dropped in (by_id[d] for d, target in moves.items() if target == profile.id and d in by_id):
            duties = _union(duties, dropped.duties)
        lines = [
            line.model_copy(update={"to": moves.get(line.to, line.to)})
            for line in profile.reports_to
            if moves.get(line.to, line.to) != profile.id
        ]
        chosen = (lines or profile.reports_to)[:1]
        out.append(profile.model_copy(update={"duties": duties, "reports_to": chosen}))
    return out


def check_role_merges(pb: Playbook) -> list[Problem]:
    """A role that can drop out names a role to take its work; that role exists, never drops out itself
    and is on the same side (inside the client or outside)."""
    roles = pb.role_map()
    problems: list[Problem] = []
    for i, role in enumerate(pb.roles):
        message = _merge_problem(role, roles)
        if message:
            field = "merge_into" if role.merge_into is not None else "when"
            problems.append(Problem(message, ("roles", i, field), code="merge"))
    return problems


def _merge_problem(role: Role, roles: dict[str, Role]) -> str | None:
    if role.merge_into is None:
        if role.when is None:
            return None
        return (
            f"role {role.id!r} has when: but no merge_into; expected the id of the role that takes its "
            "duties when it drops out"
        )
    target = roles.get(role.merge_into)
    if role.when is None:
        return f"role {role.id!r} has merge_into but no when:, so it never drops out; expected a when:"
    if target is None:
        known = ", ".join(sorted(roles)[:8])
        return f"unknown role {role.merge_into!r} in merge_into; expected one of: {known} ..."
    if target.id == role.id or target.when is not None or target.merge_into is not None:
        return (
            f"merge target {target.id!r} can drop out itself; expected a role without when: or "
            "merge_into, which every client keeps"
        )
    if target.external != role.external:
        return (
            f"merge target {target.id!r} is {'outside' if target.external else 'inside'} the client and "
            f"{role.id!r} is not; expected a role on the same side, so no client decision moves to an "
            "outsider"
        )
    return None
