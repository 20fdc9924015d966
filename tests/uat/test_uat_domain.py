"""The pure rules of acceptance testing: steps cut from the acceptance text, the tester a client role,
the defect path, and the readiness criteria."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.domain.defects import MOVES, Defect, DefectRefused, check_move, parse_defect_id
from workbench.domain.uat import UatResult, scripts_for, short_title, steps_from
from workbench.domain.uat_readiness import readiness
from workbench.loading.playbooks import load_playbook

NOW = datetime(2026, 3, 18, tzinfo=UTC)


def test_steps_are_the_acceptance_text_cut_at_sentence_and_clause_ends():
    assert steps_from("Send a campaign to 20 contacts; show each status. Then unsubscribe one!") == (
        "Send a campaign to 20 contacts",
        "show each status.",
        "Then unsubscribe one!",
    )
    assert steps_from("یک فرم را دو بار ارسال کنید؛ نشان دهید فقط یک مخاطب وجود دارد.") == (
        "یک فرم را دو بار ارسال کنید",
        "نشان دهید فقط یک مخاطب وجود دارد.",
    )
    assert short_title("word " * 40).endswith("…") and len(short_title("word " * 40)) <= 91


def test_every_script_has_steps_and_an_internal_tester():
    pb = load_playbook("core").playbook
    external = {r.id for r in pb.roles if r.external}
    scripts = scripts_for(pb, "ru")
    assert len(scripts) == sum(r.priority in ("must", "should") for r in pb.requirements)
    assert [s.priority for s in scripts] == sorted(
        (s.priority for s in scripts), key=("must", "should").index
    )
    assert all(s.steps and s.tester and s.tester not in external and s.tester_name for s in scripts)
    by_module = {s.requirement.split("-")[0]: s.tester for s in scripts}
    assert by_module["MKT"] == "marketer" and by_module["SFA"] == "sales_manager"


def test_the_defect_path_and_its_refusals():
    check_move(1, "open", "fixed")
    check_move(1, "retest", "open")
    for old, new in (("open", "closed"), ("open", "retest"), ("fixed", "closed"), ("closed", "fixed")):
        assert new not in MOVES[old]
        with pytest.raises(DefectRefused, match=f"D-1 cannot go from {old} to {new}"):
            check_move(1, old, new)
    assert parse_defect_id("D-7") == parse_defect_id("d7") == parse_defect_id("۷") == 7
    with pytest.raises(DefectRefused):
        parse_defect_id("D-0")


def _defect(number: int, severity: int, status: str) -> Defect:
    return Defect(number, "x", severity, None, None, status, None, NOW, "ana")


def test_readiness_needs_no_open_severe_defect_and_every_must_passed():
    pb = load_playbook("core").playbook
    scripts = scripts_for(pb)
    musts = [s.id for s in scripts if s.priority == "must"]
    passed = {sid: UatResult(sid, "pass", NOW, "ana") for sid in musts}
    assert [c.passed for c in readiness(scripts, passed, [])] == [True, True]
    minor = [_defect(1, 3, "open"), _defect(2, 1, "closed"), _defect(3, 2, "rejected")]
    assert [c.passed for c in readiness(scripts, passed, minor)] == [True, True]
    for status in ("open", "fixed", "retest"):
        got = readiness(scripts, passed, [_defect(4, 2, status)])
        assert [c.passed for c in got] == [False, True] and got[0].items == ("D-4",)
    failed = dict(passed) | {musts[0]: UatResult(musts[0], "fail", NOW, "ana", (4,))}
    got = readiness(scripts, failed, [])
    assert [c.passed for c in got] == [True, False] and got[1].items == (musts[0].removeprefix("UAT-"),)
