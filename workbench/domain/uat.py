"""User acceptance testing: one script per surviving Must and Should requirement, and the results.

The RFP requirements that survive the intake (answers and RFP overrides applied) are what the client bought;
acceptance checks each Must and Should once, with the acceptance text the vendor was asked to demonstrate
turned into the steps, the requirement itself as the expected result, a key user of the client as tester
and the test data named. Could and Won't items are not scripted: they decide nothing at go-live. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from workbench.domain.access import Role
from workbench.domain.playbook import Playbook
from workbench.domain.requirements import Requirement
from workbench.domain.text import local_text
from workbench.domain.uat_roles import tester_role
from workbench.i18n import _

SCRIPTED = ("must", "should")
"""the MoSCoW priorities that get a UAT script"""
RESULTS = ("pass", "fail")
SCRIPT_PREFIX = "UAT-"

_CLAUSE = re.compile(r"(?<=[.;!?؛])\s+")


@dataclass(frozen=True)
class UatScript:
    """One acceptance script, in the language it was made in."""

    id: str
    requirement: str
    module: str
    """the module's display name"""
    priority: str
    title: str
    steps: tuple[str, ...]
    expected: str
    tester: str
    """the role id of the tester (a role the playbook designs, external roles never)"""
    tester_name: str
    data: str


@dataclass(frozen=True)
class UatResult:
    """The latest recorded result of a script."""

    script: str
    result: str
    """"pass" or "fail\""""
    recorded_at: datetime
    author: str
    defects: tuple[int, ...] = ()
    note: str | None = None


def script_id(requirement_id: str) -> str:
    return f"{SCRIPT_PREFIX}{requirement_id}"


def short_title(text: str, width: int = 90) -> str:
    """A requirement's text cut to a one-line title, at a word end, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0].rstrip(",;:،") + "…"


def steps_from(acceptance: str) -> tuple[str, ...]:
    """The acceptance text cut at its sentence and clause ends: one step each, in the text's order."""
    parts = [part.strip().rstrip(";؛").strip() for part in _CLAUSE.split(acceptance.strip())]
    return tuple(part for part in parts if part)


def scripts_for(pb: Playbook, lang: str = "en") -> list[UatScript]:
    """One script per Must and Should of the resolved playbook `pb`, Musts first, then in catalogue order."""
    from workbench.domain.rfp_pack import module_names

    modules = module_names(pb, lang)
    chosen = [r for r in pb.requirements if r.priority in SCRIPTED]
    chosen.sort(key=lambda r: SCRIPTED.index(r.priority))
    testers = {mid: tester_role(pb, mid) for mid in {r.module for r in chosen}}
    data = {role.id: _test_data(pb, role.id, lang) for role in testers.values() if role is not None}
    return [
        _script(req, modules.get(req.module, req.module), testers[req.module], data, lang) for req in chosen
    ]


def _script(req: Requirement, module: str, role: Role | None, data: dict[str, str], lang: str) -> UatScript:
    acceptance = local_text(req.acceptance, lang)
    steps = steps_from(acceptance) if acceptance else (_("Demonstrate the requirement on the test system."),)
    return UatScript(
        script_id(req.id),
        req.id,
        module,
        req.priority,
        short_title(local_text(req.text, lang)),
        steps,
        local_text(req.text, lang),
        role.id if role else "",
        local_text(role.name, lang) if role else "",
        data.get(role.id, "") if role else _("Migrated data loaded in the test system"),
    )


def _test_data(pb: Playbook, role_id: str, lang: str) -> str:
    """The records the tester works with: the objects the tester's role may create or change."""
    role = pb.role_map().get(role_id)
    objects = {o.id: local_text(o.name, lang) for o in pb.objects}
    touched = [
        objects.get(oid, oid)
        for oid, rights in (role.permissions.items() if role else [])
        if any(rights.get(action, "none") != "none" for action in ("create", "update"))
    ]
    if not touched:
        return _("Migrated data loaded in the test system")
    return _("Migrated data loaded in the test system; test records: {objects}").format(
        objects=("، " if lang == "fa" else ", ").join(touched)
    )
