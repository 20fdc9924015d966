"""The commands on the team store (`$CRMWB_STORE`): the same engagement history gives byte-identical
`status --format json` on SQLite and PostgreSQL, no state.db is written beside engagement.yaml, a copy of
the folder on another machine reaches the same rows, and a bad address is exit 2 with a located message."""

from __future__ import annotations

import shutil

import pytest

from tests.engagement.concurrency_helpers import crmwb
from tests.engagement.lifecycle_helpers import RETAIL

STEPS = [("task", "{dir}", "start", "pre-01-kickoff", "--as", "ana"),
         ("task", "{dir}", "note", "pre-01-kickoff", "sponsor confirmed", "--as", "ana"),
         ("task", "{dir}", "block", "pre-05-stakeholders", "--note", "waiting for HR", "--as", "boris"),
         ("kpi", "{dir}", "record", "retention_rate", "12,5", "--as", "ana")]


def _run_engagement(folder, env) -> str:
    made = crmwb("new", str(folder), "--playbook", "core", "--answers", str(RETAIL), "--client", "Retail Co",
                 "--start", "2026-01-05", env=env)
    assert made.returncode == 0, made.stderr
    for step in STEPS:
        result = crmwb(*[part.format(dir=folder) for part in step], env=env)
        assert result.returncode in (0, 1), (step, result.stderr)
    status = crmwb("status", str(folder), "--json", env=env)
    assert status.returncode in (0, 1), status.stderr
    return status.stdout


def test_status_is_byte_identical_on_both_backends_and_no_state_db_is_written(pg_server, tmp_path):
    on_sqlite = _run_engagement(tmp_path / "local", {"CRMWB_STORE": ""})
    team = {"CRMWB_STORE": pg_server.address()}
    on_postgres = _run_engagement(tmp_path / "team", team)
    assert on_postgres == on_sqlite and '"in_progress"' in on_postgres
    assert (tmp_path / "local" / "state.db").exists() and not (tmp_path / "team" / "state.db").exists()
    shutil.copytree(tmp_path / "team", tmp_path / "colleague")  # the folder shared with a colleague
    assert crmwb("task", str(tmp_path / "colleague"), "done", "pre-01-kickoff", "--as", "olga", "--force",
                 "test", env=team).returncode == 0
    seen = crmwb("task", str(tmp_path / "team"), "show", "pre-01-kickoff", env=team)
    assert seen.returncode == 0 and "olga" in seen.stdout and "in progress -> done" in seen.stdout


@pytest.mark.parametrize("command", [("status", "{dir}"), ("new", "{dir}-new", "--playbook", "core")])
def test_an_address_with_a_password_is_exit_2_before_anything_is_written(tmp_path, command):
    folder = tmp_path / "e"
    assert crmwb("new", str(folder), "--playbook", "core", "--answers", str(RETAIL),
                 env={"CRMWB_STORE": ""}).returncode == 0
    result = crmwb(*[part.format(dir=folder) for part in command],
                   env={"CRMWB_STORE": "postgresql://ana:s3cret@db.example/crm"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("$CRMWB_STORE: error: the store address postgresql://ana:***@db.example/crm "
                                    "holds a password; refused")
    assert "s3cret" not in result.stderr + result.stdout and not (tmp_path / "e-new").exists()
