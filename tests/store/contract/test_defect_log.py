"""The defect log and UAT results, on SQLite and on a real PostgreSQL server: numbering, history on every
change, impossible status moves refused with the possible ones, results kept with their defects."""

from __future__ import annotations

import pytest

from workbench.store.sqlite_store import StoreError

ROWS = [("dep-16", "deployment", 0)]
"""a task, as every engagement has: a team database's engagement without tasks reads as a broken one"""


@pytest.fixture
def store(spec):
    with spec.open() as s:
        s.sync_tasks(ROWS, "ana")
        yield s


def test_defects_are_numbered_and_every_change_is_in_their_history(store):
    first = store.log_defect("Segment count does not refresh", 2, "MKT-001", "UAT-MKT-001", "vendor", "ana")
    second = store.log_defect("  Typo   on the lead form ", 4, None, None, None, "boris")
    assert (first, second) == (1, 2)
    store.change_defect(1, "status", "fixed", "vendor")
    store.change_defect(1, "status", "retest", "ana")
    store.change_defect(1, "owner", "Reza", "ana")
    store.change_defect(1, "severity", "1", "ana")
    store.change_defect(1, "status", "closed", "ana", note="retested on migrated data")
    got = {d.number: d for d in store.defects()}
    assert (got[1].status, got[1].severity, got[1].owner, got[1].requirement, got[1].script) == (
        "closed",
        1,
        "Reza",
        "MKT-001",
        "UAT-MKT-001",
    )
    assert (got[2].title, got[2].status, got[2].requirement, got[2].author) == (
        "Typo on the lead form",
        "open",
        None,
        "boris",
    )
    events = [(e.kind, e.old, e.new, e.author, e.note) for e in store.history("defect:1")]
    assert events == [
        ("defect", None, "open", "ana", "Segment count does not refresh"),
        ("defect-status", "open", "fixed", "vendor", None),
        ("defect-status", "fixed", "retest", "ana", None),
        ("defect-owner", "vendor", "Reza", "ana", None),
        ("defect-severity", "2", "1", "ana", None),
        ("defect-status", "retest", "closed", "ana", "retested on migrated data"),
    ]


def test_impossible_moves_and_bad_values_are_refused_and_change_nothing(store):
    store.log_defect("Lost consent date", 1, "MKT-003", None, None, "ana")
    with pytest.raises(
        StoreError,
        match=r"D-1 cannot go from open to closed; from open it can go to: fixed, "
        r"rejected",
    ):
        store.change_defect(1, "status", "closed", "ana")
    with pytest.raises(StoreError, match="unknown defect status 'done'"):
        store.change_defect(1, "status", "done", "ana")
    with pytest.raises(StoreError, match="severity '5'; expected 1"):
        store.change_defect(1, "severity", 5, "ana")
    with pytest.raises(StoreError, match="no defect D-9"):
        store.change_defect(9, "status", "fixed", "ana")
    with pytest.raises(StoreError, match="has no field 'created_at'"):
        store.change_defect(1, "created_at", "x", "ana")
    with pytest.raises(StoreError, match="needs a title"):
        store.log_defect("   ", 2, None, None, None, "ana")
    with pytest.raises(StoreError, match="severity '0'"):
        store.log_defect("x", 0, None, None, None, "ana")
    (defect,) = store.defects()
    assert (defect.status, defect.severity) == ("open", 1)
    assert [e.kind for e in store.history("defect:1")] == ["defect"]


def test_results_keep_the_latest_per_script_with_its_defects(store):
    store.log_defect("Bounce not flagged", 2, "MKT-002", "UAT-MKT-002", None, "ana")
    store.record_result("UAT-MKT-002", "fail", [1], "ana", "hard bounce missing")
    store.record_result("UAT-MKT-001", "pass", [], "ana")
    assert store.uat_results()["UAT-MKT-002"].defects == (1,)
    store.record_result("UAT-MKT-002", "pass", [], "boris")
    results = store.uat_results()
    assert {k: (r.result, r.author, r.defects) for k, r in results.items()} == {
        "UAT-MKT-001": ("pass", "ana", ()),
        "UAT-MKT-002": ("pass", "boris", ()),
    }
    assert [(e.kind, e.new) for e in store.history("uat:UAT-MKT-002")] == [
        ("uat-result", "fail"),
        ("uat-result", "pass"),
    ]
    with pytest.raises(StoreError, match="no defect D-7"):
        store.record_result("UAT-MKT-001", "fail", [7], "ana")
    with pytest.raises(StoreError, match="unknown result 'maybe'"):
        store.record_result("UAT-MKT-001", "maybe", [], "ana")
    assert store.uat_results()["UAT-MKT-001"].result == "pass"


def test_each_engagement_numbers_its_own_defects(spec):
    from dataclasses import replace

    other = replace(
        spec,
        where=spec.where + "-other" if spec.backend == "sqlite" else spec.where,
        engagement=spec.engagement + "-other" if spec.engagement else "",
    )
    with spec.open() as one, other.open() as two:
        one.sync_tasks(ROWS, "ana")
        two.sync_tasks(ROWS, "ana")
        one.log_defect("a", 3, None, None, None, "ana")
        one.log_defect("b", 3, None, None, None, "ana")
        assert two.log_defect("c", 3, None, None, None, "ana") == 1
        assert [d.title for d in two.defects()] == ["c"]


@pytest.mark.slow
def test_a_store_move_carries_the_defect_log_and_the_results_there_and_back(pg_server, tmp_path):
    from tests.engagement.concurrency_helpers import crmwb, crmwb_here
    from tests.engagement.lifecycle_helpers import RETAIL

    env = {"CRMWB_STORE": ""}
    folder = str(tmp_path / "retail")

    def ok(*args: str) -> str:
        """The set-up and the reads, in this process; the two moves below are whole programs."""
        result = crmwb_here(*args, env=env)
        assert result.returncode in (0, 1), (args, result.stdout, result.stderr)
        return result.stdout

    ok("new", folder, "--playbook", "core", "--answers", str(RETAIL), "--start", "2026-01-05")
    ok(
        "defect",
        folder,
        "log",
        "Дубликаты при импорте / تکراری",
        "--severity",
        "1",
        "--script",
        "UAT-SFA-001",
        "--as",
        "ana",
    )
    ok("uat", folder, "record", "UAT-SFA-001", "fail", "--defect", "D-1", "--note", "two rows", "--as", "ana")
    ok("defect", folder, "set", "D-1", "status", "fixed", "--as", "vendor")
    ok("uat", folder, "record", "UAT-SFA-002", "pass", "--as", "boris")

    def seen() -> tuple[str, str, str]:
        return (
            ok("defect", folder, "show", "D-1", "--format", "json"),
            ok("uat", folder, "list", "--format", "json"),
            ok("uat", folder, "readiness", "--format", "json"),
        )

    before = seen()
    there = crmwb("store", "move", folder, "--to", pg_server.address(), env=env)
    assert there.returncode == 0, there.stderr
    assert "defects:" in there.stdout and "uat_results:" in there.stdout
    assert seen() == before
    back = crmwb("store", "move", folder, "--to", "sqlite", env=env)
    assert back.returncode == 0, back.stderr
    assert seen() == before
