"""Tailoring to size: a 40-person firm without an IT unit gets only the roles it has, the dropped roles'
work lands on the roles that stay, the RACI keeps one A per task and governance still passes; a larger
firm keeps every role; the merge declarations are checked when the playbook loads."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from workbench.domain.access import scope_rank
from workbench.domain.answers import complete_answers
from workbench.domain.conditions import applies
from workbench.domain.governance import check_governance
from workbench.domain.playbook import Playbook
from workbench.domain.resolve import resolve
from workbench.domain.role_merge import check_role_merges, merged_raci
from workbench.loading.catalog import discover
from workbench.loading.playbooks import load_playbook

FORTY_PEOPLE = {
    "business_model": "b2b",
    "company_size": "small",
    "sales_team_size": 8,
    "crm_users": 25,
    "has_it_unit": False,
    "vendor_configures": False,
    "has_crm_specialist": True,
    "specialist_time_share": 60,
}
"""a 40-person firm: no IT department, no analyst, a ready-made cloud CRM nobody from the vendor sets up"""
LARGER = {**FORTY_PEOPLE, "company_size": "large", "has_it_unit": True, "vendor_configures": True}
ABSENT = {"it_manager": "crm_specialist", "data_analyst": "crm_specialist", "crm_analyst": "crm_manager"}
ABSENT_VENDOR = {"vendor_expert": "crm_consultant"}


@cache
def bundled(playbook_id: str) -> Playbook:
    loaded = load_playbook(playbook_id)
    assert loaded.ok and loaded.playbook is not None, loaded.problems
    return loaded.playbook


def role_references(pb: Playbook) -> set[str]:
    """Every role id the resolved playbook points at outside its role list."""
    refs = {t.owner for _, t in pb.tasks()} | {r for _, t in pb.tasks() for r in t.raci}
    refs |= {o.owner for o in pb.objects} | {f.owner for o in pb.objects for f in o.fields if f.owner}
    refs |= {n.lane for p in pb.processes for n in p.nodes} | {k.owner for k in pb.kpis}
    refs |= {p.id for p in pb.job_profiles} | {line.to for p in pb.job_profiles for line in p.reports_to}
    refs |= {r for rule in pb.governance.least_privilege for r in rule.except_roles}
    refs |= {r for rule in pb.governance.system_rights for r in rule.except_roles}
    return refs | {r for mapping in pb.crm_mappings.values() for r in mapping.roles}


def raci_defects(pb: Playbook) -> list[str]:
    """Tasks without exactly one A, without an R, or whose owner is neither R nor A."""
    defects = []
    for _, task in pb.tasks():
        letters = list(task.raci.values())
        if letters.count("A") != 1 or "R" not in letters or task.raci.get(task.owner) not in ("R", "A"):
            defects.append(f"{task.id}: {task.raci} owner {task.owner}")
    return defects


def test_forty_person_firm_without_it_unit_gets_no_role_it_does_not_have():
    pb = bundled("core")
    tailored = resolve(pb, FORTY_PEOPLE)
    roles = {r.id for r in tailored.roles}
    gone = {**ABSENT, **ABSENT_VENDOR}
    assert roles.isdisjoint(gone), roles & set(gone)
    assert set(gone.values()) <= roles
    assert role_references(tailored) <= roles, role_references(tailored) - roles
    assert len(tailored.roles) == len(pb.roles) - len(gone)


def test_the_dropped_roles_duties_and_rights_move_to_the_roles_that_stay():
    pb = bundled("core")
    before, after = pb.role_map(), resolve(pb, FORTY_PEOPLE).role_map()
    for dropped, target in {**ABSENT, **ABSENT_VENDOR}.items():
        duties = after[target].duties
        assert all(duty in duties for duty in before[dropped].duties), (dropped, target)
        assert set(before[dropped].system_rights) <= set(after[target].system_rights)
        for obj, actions in before[dropped].permissions.items():
            for action, scope in actions.items():
                assert scope_rank(after[target].scope(obj, action)) >= scope_rank(scope), (obj, action)
    profiles = {p.id: p for p in resolve(pb, FORTY_PEOPLE).job_profiles}
    assert "crm_analyst" not in profiles and "data_analyst" not in profiles
    analyst = next(p for p in pb.job_profiles if p.id == "crm_analyst")
    full = complete_answers(pb, FORTY_PEOPLE)
    applying = [duty for duty in analyst.duties if applies(duty.when, full)]
    assert applying and all(duty in profiles["crm_manager"].duties for duty in applying)


def test_the_dropped_roles_tasks_keep_one_accountable_and_governance_passes():
    pb = bundled("core")
    tailored = resolve(pb, FORTY_PEOPLE)
    assert raci_defects(tailored) == []
    moved = [t for _, t in pb.tasks() if set(t.raci) & set(ABSENT)]
    assert moved, "the IT manager and the analysts take part in the core rollout"
    tasks = tailored.task_map()
    for task in (t for t in moved if t.id in tasks):
        for role, letter in task.raci.items():
            if role in ABSENT:
                kept = tasks[task.id].raci[ABSENT[role]]
                assert "ICRA".index(kept) >= "ICRA".index(letter), (task.id, role)
    problems = [f for f in check_governance(tailored) if f.severity != "info" and f.rule != "moscow-balance"]
    assert problems == []


def test_a_larger_firm_keeps_every_role():
    pb = bundled("core")
    tailored = resolve(pb, LARGER)
    assert [r.id for r in tailored.roles] == [r.id for r in pb.roles]
    assert {"it_manager", "data_analyst", "crm_analyst", "vendor_expert"} <= {r.id for r in tailored.roles}
    assert all(r.when is None and r.merge_into is None for r in tailored.roles)


def test_merged_raci_keeps_the_stronger_letter_and_a_single_a():
    moves = {"analyst": "manager"}
    assert merged_raci({"analyst": "R", "manager": "C", "director": "A"}, moves) == {
        "manager": "R",
        "director": "A",
    }
    assert merged_raci({"analyst": "A", "manager": "R", "sales": "R"}, moves) == {
        "manager": "A",
        "sales": "R",
    }
    assert merged_raci({"analyst": "I", "manager": "C", "boss": "A", "x": "R"}, moves)["manager"] == "C"


BUNDLED = [e.id for e in discover() if e.origin == "bundled"]
SIZES = list(itertools.product(("small", "medium", "large", None), (True, False), (True, False)))


@pytest.mark.parametrize("playbook_id", BUNDLED)
def test_every_bundled_playbook_stays_governed_at_every_size(playbook_id):
    """Governance that passes for the full role set must still pass after any merge the answers cause."""
    pb = bundled(playbook_id)
    counts = set()
    for size, it_unit, vendor in SIZES:
        answers = {"has_it_unit": it_unit, "vendor_configures": vendor}
        if size is not None:
            answers["company_size"] = size
        tailored = resolve(pb, answers)
        roles = {r.id for r in tailored.roles}
        counts.add(len(roles))
        assert raci_defects(tailored) == [], answers
        assert role_references(tailored) <= roles, (answers, role_references(tailored) - roles)
        errors = [(f.rule, f.role) for f in check_governance(tailored) if f.severity == "error"]
        assert errors == [], answers
    assert len(counts) > 1, "the answers change the role set"


def test_merge_declarations_are_checked():
    pb = bundled("core")
    roles = pb.role_map()

    def problems(**changes):
        changed = [r.model_copy(update=changes[r.id]) if r.id in changes else r for r in pb.roles]
        return [p.message for p in check_role_merges(pb.model_copy(update={"roles": changed}))]

    assert problems() == []
    when = roles["crm_analyst"].when
    assert "unknown role 'nobody'" in problems(crm_analyst={"merge_into": "nobody"})[0]
    assert "has when: but no merge_into" in problems(crm_analyst={"merge_into": None})[0]
    assert "never drops out" in problems(marketer={"merge_into": "crm_manager"})[0]
    assert "can drop out itself" in problems(marketer={"when": when, "merge_into": "crm_analyst"})[0]
    assert "same side" in problems(marketer={"when": when, "merge_into": "crm_consultant"})[0]


def test_a_bad_merge_in_an_overlay_is_located(tmp_path, run_cli):
    overlay = tmp_path / "bad.yaml"
    overlay.write_text(
        'id: bad-merge\nversion: "1.0.0"\nname: Bad merge\nextends: core\nroles:\n'
        "  - id: marketer\n    when: {question: company_size, equals: large}\n    merge_into: nobody_here\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("validate", overlay)
    assert code == 2
    assert f"{overlay}:8:17: error: roles[7].merge_into: unknown role 'nobody_here'" in out + err


@pytest.mark.parametrize(
    "answers",
    [
        {"company_size": "small"},
        {"company_size": "medium"},
        {"company_size": "medium", "crm_kinds": ["operational", "analytical"]},
        {"company_size": "large"},
    ],
)
def test_the_staffing_advice_and_the_role_set_agree_on_the_analyst(answers):
    """The staffing advice merges the analyst exactly when the role matrix has no CRM analyst."""
    from workbench.domain.staffing import advise_staffing

    pb = bundled("core")
    separate = advise_staffing(answers, pb).choice("analyst") == "separate"
    assert separate == ("crm_analyst" in {r.id for r in resolve(pb, answers).roles})
