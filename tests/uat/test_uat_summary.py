"""When the status shows UAT readiness without any UAT activity (domain.uat_summary.shows_uat), and the
counts the summary gives from scripts, results and defects."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from workbench.domain.defects import Defect
from workbench.domain.plan import schedule
from workbench.domain.uat import UatResult, scripts_for
from workbench.domain.uat_readiness import go_live_phase, readiness
from workbench.domain.uat_summary import NEAR_DAYS, shows_uat, summarise
from workbench.loading.playbooks import load_playbook

START = date(2026, 1, 12)


def test_shown_with_activity_or_when_the_go_live_phase_is_near_or_first_open():
    pb = load_playbook("core").playbook
    assert pb is not None
    plan = schedule(pb, START)
    go_live = go_live_phase(pb)
    assert go_live is not None
    before = [p.id for p in pb.phases][: [p.id for p in pb.phases].index(go_live)]
    go_live_start = min(t.start for t in plan.tasks if t.phase == go_live)
    far = go_live_start - timedelta(days=NEAR_DAYS + 1)
    assert far > START and not shows_uat(pb, plan, set(), far, active=False)
    assert shows_uat(pb, plan, set(), far, active=True)
    assert shows_uat(pb, plan, set(), go_live_start - timedelta(days=NEAR_DAYS), active=False)
    assert shows_uat(pb, plan, set(before), START, active=False)  # the go-live phase is the first open one
    assert not shows_uat(pb, plan, {*before, go_live}, go_live_start, active=False)  # closed: old news


def test_the_counts_follow_the_latest_results_and_the_unresolved_defects():
    pb = load_playbook("core").playbook
    assert pb is not None
    scripts = scripts_for(pb, "en")
    musts = [s for s in scripts if s.priority == "must"]
    at = datetime(2026, 3, 2, tzinfo=UTC)
    results = {
        musts[0].id: UatResult(musts[0].id, "pass", at, "ana"),
        musts[1].id: UatResult(musts[1].id, "fail", at, "ana", (1,)),
    }
    defects = [
        Defect(1, "Lost stage", 1, None, musts[1].id, "open", None, at, "ana"),
        Defect(2, "Slow list", 3, None, None, "closed", None, at, "ana"),
    ]
    got = summarise(scripts, results, defects, readiness(scripts, results, defects))
    assert (got.musts, got.passed, got.failed, got.not_run) == (len(musts), 1, 1, len(musts) - 2)
    assert got.open_defects == {1: 1, 2: 0, 3: 0, 4: 0}
    assert not got.ready


def _summary_with_open_defects(open_defects: dict[int, int]):
    from workbench.domain.uat_summary import UatSummary

    return UatSummary(musts=0, passed=0, failed=0, not_run=0, open_defects=open_defects, criteria=())


def test_the_defect_counts_read_as_russian_counts_with_their_plural_forms():
    from workbench.domain.uat_summary import summary_lines
    from workbench.i18n import use_language

    summary = _summary_with_open_defects({1: 1, 2: 2, 3: 5, 4: 21})
    with use_language("ru"):
        line = summary_lines(summary)[1]
    assert line == (
        "Открытые дефекты по критичности: 1 критический, 2 серьёзных, 5 незначительных, 21 косметический."
    )


def test_the_defect_counts_are_persian_counts_in_persian_digits():
    from workbench.domain.uat_summary import summary_lines
    from workbench.i18n import use_language

    with use_language("fa"):
        line = summary_lines(_summary_with_open_defects({1: 0, 2: 3, 3: 0, 4: 0}))[1]
    assert line == "نقص‌های باز بر پایه شدت: ۳ عمده."
    with use_language("en"):
        line = summary_lines(_summary_with_open_defects({1: 2, 2: 0, 3: 0, 4: 1}))[1]
    assert line == "Open defects by severity: 2 critical, 1 cosmetic."
