"""`crmwb store move DIR --to URL|sqlite` against a real PostgreSQL server (the contract suite's pg_server).

There and back leaves byte-identical `status --format json` (through the real CLI); a failure injected at
every step leaves engagement.yaml byte for byte as it was and the source usable with the same status; a
lost row is caught by the verification; a target already holding the engagement is refused."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
import yaml

from tests.engagement.concurrency_helpers import crmwb, crmwb_here
from tests.engagement.lifecycle_helpers import RETAIL

NO_ENV_STORE = {"CRMWB_STORE": ""}
HISTORY = [
    ("task", "{dir}", "start", "pre-01-kickoff", "--as", "ana"),
    ("task", "{dir}", "note", "pre-01-kickoff", "sponsor confirmed: Мария / مریم", "--as", "ana"),
    ("task", "{dir}", "block", "pre-05-stakeholders", "--note", "waiting for HR", "--as", "boris"),
    ("task", "{dir}", "done", "pre-01-kickoff", "--force", "test", "--as", "ana"),
    ("kpi", "{dir}", "record", "retention_rate", "12,5", "--as", "ana"),
    ("plan", "{dir}", "baseline", "--reason", "kick-off plan", "--as", "ana"),
    ("plan", "{dir}", "baseline", "--reason", "after HR delay", "--as", "boris"),
]


def _ok(*args: str) -> str:
    """`crmwb ARGS` run in this process with no $CRMWB_STORE; its standard output (exit 0 or 1 expected).
    The moves under test that must be whole programs (`store move`) use `crmwb()`, a process of their own."""
    result = crmwb_here(*args, env=NO_ENV_STORE)
    assert result.returncode in (0, 1), (args, result.stdout, result.stderr)
    return result.stdout


def _engagement(folder) -> None:
    """A local engagement with some history, made in this process: eight interpreter starts less per test."""
    client = f"Retail Co {uuid.uuid4().hex[:6]}"  # its key in the team database: one per test, never shared
    new = ["new", str(folder), "--playbook", "core", "--answers", str(RETAIL), "--client", client]
    _ok(*new, "--start", "2026-01-05")
    for step in HISTORY:
        _ok(*[part.format(dir=folder) for part in step])


def _status(folder) -> str:
    return _ok("status", str(folder), "--format", "json")


def _store_line(folder) -> str:
    return yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8")).get("store", "")


def test_a_move_there_and_back_leaves_status_byte_identical(pg_server, tmp_path):
    folder = tmp_path / "retail"
    _engagement(folder)
    before = _status(folder)
    address = pg_server.address()

    there = crmwb("store", "move", str(folder), "--to", address, env=NO_ENV_STORE)
    assert there.returncode == 0, there.stderr
    assert _store_line(folder) == address
    assert not (folder / "state.db").exists()
    kept = sorted(folder.glob("state.db.moved-*"))
    assert kept and str(kept[0]) in there.stdout and "events:" in there.stdout
    assert _status(folder) == before  # the same engagement, read from the team database
    _ok("task", str(folder), "start", "pre-05-stakeholders", "--as", "olga")  # writes go there now
    on_team = _status(folder)
    assert on_team != before

    back = crmwb("store", "move", str(folder), "--to", "sqlite", env=NO_ENV_STORE)
    assert back.returncode == 0, back.stderr
    assert _store_line(folder) == "sqlite" and (folder / "state.db").exists()
    assert "no longer used" in back.stdout
    assert _status(folder) == on_team
    history = _ok("task", str(folder), "show", "pre-05-stakeholders")
    assert "olga" in history and "waiting for HR" in history

    # the plain there-and-back, with nothing changed in between, is byte-identical too
    second = tmp_path / "second"
    _engagement(second)
    original = _status(second)
    assert crmwb("store", "move", str(second), "--to", address, env=NO_ENV_STORE).returncode == 0
    assert crmwb("store", "move", str(second), "--to", "sqlite", env=NO_ENV_STORE).returncode == 0
    assert _status(second) == original


def test_a_target_holding_this_engagement_is_refused(pg_server, tmp_path):
    folder = tmp_path / "retail"
    _engagement(folder)
    address = pg_server.address()
    assert crmwb_here("store", "move", str(folder), "--to", address, env=NO_ENV_STORE).returncode == 0
    assert crmwb_here("store", "move", str(folder), "--to", "sqlite", env=NO_ENV_STORE).returncode == 0
    yaml_before = (folder / "engagement.yaml").read_bytes()
    again = crmwb("store", "move", str(folder), "--to", address, env=NO_ENV_STORE)
    assert again.returncode == 2
    assert "already holds rows of this engagement" in again.stderr and "tasks" in again.stderr
    assert (folder / "engagement.yaml").read_bytes() == yaml_before

    # a state.db with rows in the way of a move back is refused the same way
    other = tmp_path / "other"
    _engagement(other)
    assert crmwb_here("store", "move", str(other), "--to", address, env=NO_ENV_STORE).returncode == 0
    moved = next(other.glob("state.db.moved-*"))
    moved.rename(other / "state.db")
    refused = crmwb("store", "move", str(other), "--to", "sqlite", env=NO_ENV_STORE)
    assert refused.returncode == 2 and "already holds rows" in refused.stderr
    assert _store_line(other) == address

    same = crmwb("store", "move", str(other), "--to", address, env=NO_ENV_STORE)
    assert same.returncode == 2 and "already" in same.stderr


def test_an_unreachable_target_or_a_password_changes_nothing(tmp_path):
    folder = tmp_path / "retail"
    _engagement(folder)
    yaml_before, status_before = (folder / "engagement.yaml").read_bytes(), _status(folder)
    nowhere = f"host={tmp_path / 'no-socket'} dbname=crmwb user=nobody connect_timeout=2"
    result = crmwb("store", "move", str(folder), "--to", nowhere, env=NO_ENV_STORE)
    assert result.returncode == 2 and "cannot reach the team store" in result.stderr
    secret = crmwb("store", "move", str(folder), "--to", "postgresql://anna:s3cret@db/crm", env=NO_ENV_STORE)
    assert secret.returncode == 2 and "s3cret" not in secret.stderr and "password" in secret.stderr
    assert (folder / "engagement.yaml").read_bytes() == yaml_before and _status(folder) == status_before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("state.db")) == ["state.db"]


class Injected(OSError):
    pass


def _fail_at(wanted: str):
    def on_step(step: str) -> None:
        if step == wanted:
            raise Injected(f"injected failure at {step}")

    return on_step


def _steps():
    from workbench.app.store_move import STEPS

    return STEPS


@pytest.mark.parametrize("direction", ["to-postgresql", "to-sqlite"])
@pytest.mark.parametrize("step", _steps())
def test_a_failure_at_any_step_leaves_the_original_usable(pg_server, tmp_path, step, direction):
    from workbench.app.store_move import MoveFailed, move_store

    folder = tmp_path / "retail"
    _engagement(folder)
    address = pg_server.address()
    if direction == "to-sqlite":  # set-up, not under test: in this process
        assert crmwb_here("store", "move", str(folder), "--to", address, env=NO_ENV_STORE).returncode == 0
        for stale in folder.glob("state.db.moved-*"):
            stale.unlink()
    target = address if direction == "to-postgresql" else "sqlite"
    yaml_before, status_before = (folder / "engagement.yaml").read_bytes(), _status(folder)
    files_before = sorted(p.name for p in folder.iterdir())

    with pytest.raises(MoveFailed) as failed:
        move_store(folder, target, on_step=_fail_at(step))
    assert failed.value.step == step and "injected failure" in str(failed.value)

    assert (folder / "engagement.yaml").read_bytes() == yaml_before
    assert sorted(p.name for p in folder.iterdir()) == files_before  # no half-built state.db left
    assert _status(folder) == status_before
    _ok("task", str(folder), "start", "pre-05-stakeholders", "--as", "olga")  # the source takes writes
    # and nothing was left in the target: the same move now goes through and carries the new write (in
    # this process: the step under test is the failed one; whole-program moves are tested above)
    moved = crmwb_here("store", "move", str(folder), "--to", target, env=NO_ENV_STORE)
    assert moved.returncode == 0, moved.stderr
    assert "olga" in _ok("task", str(folder), "show", "pre-05-stakeholders")


def test_verification_catches_a_row_lost_on_the_way(pg_server, tmp_path, monkeypatch):
    from workbench.app.store_move import MoveFailed, move_store
    from workbench.store.postgres import transfer

    folder = tmp_path / "retail"
    _engagement(folder)
    yaml_before = (folder / "engagement.yaml").read_bytes()
    real_insert = transfer.PostgresTarget.insert

    def lossy(self, table, rows):
        return real_insert(self, table, rows[:-1] if table.name == "events" else rows)

    monkeypatch.setattr(transfer.PostgresTarget, "insert", lossy)
    with pytest.raises(MoveFailed) as failed:
        move_store(folder, pg_server.address())
    assert failed.value.step == "verify" and "table events" in str(failed.value)
    assert (folder / "engagement.yaml").read_bytes() == yaml_before

    def changed(self, table, rows):
        if table.name == "measurements":
            rows = [(r[0], r[1], r[2] + 0.5, *r[3:]) for r in rows]
        return real_insert(self, table, rows)

    monkeypatch.setattr(transfer.PostgresTarget, "insert", changed)
    with pytest.raises(MoveFailed) as failed:
        move_store(folder, pg_server.address())
    assert "table measurements" in str(failed.value) and "content" in str(failed.value)
    monkeypatch.undo()
    assert move_store(folder, pg_server.address()).tables["events"].rows > 0  # nothing was left behind


def test_the_content_hash_ignores_row_order_and_backend_types():
    from workbench.store.transfer import TABLES, Digests

    events = next(t for t in TABLES if t.name == "events")
    baselines = next(t for t in TABLES if t.name == "baselines")
    rows = [
        (10, "a", "t1", "ana", "status", "not_started", "in_progress", None),
        (11, "plan", "t2", "ana", "baseline", None, "7", "r"),
    ]
    local, team = Digests(), Digests()
    local.table(baselines, [(7, "t", "ana", "r", 1, None, "2026-02-01", "{}")])
    team.table(baselines, [(901, "t", "ana", "r", True, None, "2026-02-01", "{}")])
    moved = [
        (501, "a", "t1", "ana", "status", "not_started", "in_progress", None),
        (502, "plan", "t2", "ana", "baseline", None, "901", "r"),
    ]
    assert local.table(events, rows) == team.table(events, list(reversed(moved)))
    assert local.table(events, rows) != Digests().table(events, rows[:1])
    swapped = [(11, *rows[0][1:]), (10, *rows[1][1:])]  # the same events in another order: another history
    assert Digests().table(events, rows) != Digests().table(events, swapped)


def test_the_moved_state_db_is_a_whole_sqlite_file(pg_server, tmp_path):
    folder = tmp_path / "retail"
    _engagement(folder)
    assert (
        crmwb_here("store", "move", str(folder), "--to", pg_server.address(), env=NO_ENV_STORE).returncode
        == 0
    )
    assert crmwb_here("store", "move", str(folder), "--to", "sqlite", env=NO_ENV_STORE).returncode == 0
    conn = sqlite3.connect(folder / "state.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT id FROM baselines ORDER BY id")]
        assert ids == [1, 2]
        active = conn.execute("SELECT new FROM events WHERE kind = 'baseline' ORDER BY seq").fetchall()
        assert [r[0] for r in active] == ["1", "2"]
    finally:
        conn.close()


def test_a_save_that_fails_inside_the_switch_removes_the_new_state_db(pg_server, tmp_path, monkeypatch):
    from workbench.app import store_move

    folder = tmp_path / "retail"
    _engagement(folder)
    assert (
        crmwb_here("store", "move", str(folder), "--to", pg_server.address(), env=NO_ENV_STORE).returncode
        == 0
    )
    yaml_before, status_before = (folder / "engagement.yaml").read_bytes(), _status(folder)

    def disk_full(*args, **kwargs):
        assert (folder / "state.db").exists()  # installed just before engagement.yaml is written
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_move, "save_engagement", disk_full)
    with pytest.raises(store_move.MoveFailed) as failed:
        store_move.move_store(folder, "sqlite")
    assert failed.value.step == "switch" and "No space left" in str(failed.value)
    assert not (folder / "state.db").exists() and not list(folder.glob("state.db.moving-*"))
    assert (folder / "engagement.yaml").read_bytes() == yaml_before and _status(folder) == status_before
