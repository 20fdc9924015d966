"""The commands on the team store (`$CRMWB_STORE`): the same engagement history gives byte-identical
`status --format json` on SQLite and PostgreSQL, no state.db is written beside engagement.yaml, a copy of
the folder on another machine reaches the same rows, and a bad address is exit 2 with a located message."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests.engagement.concurrency_helpers import crmwb_here
from tests.engagement.lifecycle_helpers import RETAIL

STEPS = [
    ("task", "{dir}", "start", "pre-01-kickoff", "--as", "ana"),
    ("task", "{dir}", "note", "pre-01-kickoff", "sponsor confirmed", "--as", "ana"),
    ("task", "{dir}", "block", "pre-05-stakeholders", "--note", "waiting for HR", "--as", "boris"),
    ("kpi", "{dir}", "record", "retention_rate", "12,5", "--as", "ana"),
]


def _run_engagement(folder, env) -> str:
    made = crmwb_here(
        "new",
        str(folder),
        "--playbook",
        "core",
        "--answers",
        str(RETAIL),
        "--client",
        "Retail Co",
        "--start",
        "2026-01-05",
        env=env,
    )
    assert made.returncode == 0, made.stderr
    for step in STEPS:
        result = crmwb_here(*[part.format(dir=folder) for part in step], env=env)
        assert result.returncode in (0, 1), (step, result.stderr)
    status = crmwb_here("status", str(folder), "--json", env=env)
    assert status.returncode in (0, 1), status.stderr
    return status.stdout


def test_status_is_byte_identical_on_both_backends_and_no_state_db_is_written(pg_server, tmp_path):
    on_sqlite = _run_engagement(tmp_path / "local", {"CRMWB_STORE": ""})
    team = {"CRMWB_STORE": pg_server.address()}
    on_postgres = _run_engagement(tmp_path / "team", team)
    assert on_postgres == on_sqlite and '"in_progress"' in on_postgres
    assert (tmp_path / "local" / "state.db").exists() and not (tmp_path / "team" / "state.db").exists()
    shutil.copytree(tmp_path / "team", tmp_path / "colleague")  # the folder shared with a colleague
    assert (
        crmwb_here(
            "task",
            str(tmp_path / "colleague"),
            "done",
            "pre-01-kickoff",
            "--as",
            "olga",
            "--force",
            "test",
            env=team,
        ).returncode
        == 0
    )
    seen = crmwb_here("task", str(tmp_path / "team"), "show", "pre-01-kickoff", env=team)
    assert seen.returncode == 0 and "olga" in seen.stdout and "in progress -> done" in seen.stdout


@pytest.mark.parametrize("command", [("status", "{dir}"), ("new", "{dir}-new", "--playbook", "core")])
def test_an_address_with_a_password_is_exit_2_before_anything_is_written(tmp_path, command):
    folder = tmp_path / "e"
    assert (
        crmwb_here(
            "new", str(folder), "--playbook", "core", "--answers", str(RETAIL), env={"CRMWB_STORE": ""}
        ).returncode
        == 0
    )
    result = crmwb_here(
        *[part.format(dir=folder) for part in command],
        env={"CRMWB_STORE": "postgresql://ana:s3cret@db.example/crm"},
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(
        "$CRMWB_STORE: error: the store address postgresql://ana:***@db.example/crm holds a password; refused"
    )
    assert "s3cret" not in result.stderr + result.stdout and not (tmp_path / "e-new").exists()


def test_new_with_store_writes_it_to_engagement_yaml_and_later_commands_need_no_variable(pg_server, tmp_path):
    folder = tmp_path / "acme"
    made = crmwb_here(
        "new",
        str(folder),
        "--playbook",
        "core",
        "--answers",
        str(RETAIL),
        "--store",
        pg_server.address(),
        env={"CRMWB_STORE": ""},
    )
    assert made.returncode == 0, made.stderr
    assert (
        yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["store"]
        == pg_server.address()
    )
    assert not (folder / "state.db").exists()
    assert (
        crmwb_here(
            "task", str(folder), "start", "pre-01-kickoff", "--as", "ana", env={"CRMWB_STORE": ""}
        ).returncode
        == 0
    )
    status = crmwb_here("status", str(folder), "--json", env={"CRMWB_STORE": "sqlite"})  # the file wins
    assert (
        status.returncode in (0, 1)
        and '"in_progress"' in status.stdout
        and not (folder / "state.db").exists()
    )


def test_new_under_the_variable_remembers_the_address_and_store_sqlite_keeps_state_db(pg_server, tmp_path):
    team = {"CRMWB_STORE": pg_server.address()}
    assert crmwb_here("new", str(tmp_path / "a"), "--playbook", "core", env=team).returncode == 0
    assert "store" in yaml.safe_load((tmp_path / "a" / "engagement.yaml").read_text(encoding="utf-8"))
    assert (
        crmwb_here("new", str(tmp_path / "b"), "--playbook", "core", "--store", "sqlite", env=team).returncode
        == 0
    )
    assert (
        yaml.safe_load((tmp_path / "b" / "engagement.yaml").read_text(encoding="utf-8"))["store"] == "sqlite"
    )
    assert (tmp_path / "b" / "state.db").exists()
    assert crmwb_here("task", str(tmp_path / "b"), "start", "pre-01-kickoff", env=team).returncode == 0
    assert crmwb_here("status", str(tmp_path / "b"), "--json", env={"CRMWB_STORE": ""}).stdout.count(
        '"in_progress"'
    )


def test_a_password_in_store_flag_or_file_is_refused_and_located(tmp_path):
    result = crmwb_here(
        "new",
        str(tmp_path / "n"),
        "--playbook",
        "core",
        "--store",
        "postgresql://ana:s3cret@db/crm",
        env={"CRMWB_STORE": ""},
    )
    assert result.returncode == 2 and result.stderr.startswith(
        "--store: error: the store address postgresql://ana:***@db/crm holds a password"
    )
    assert not (tmp_path / "n").exists() and "s3cret" not in result.stderr
    folder = tmp_path / "e"
    assert crmwb_here("new", str(folder), "--playbook", "core", env={"CRMWB_STORE": ""}).returncode == 0
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    (folder / "engagement.yaml").write_text(
        text + "store: postgresql://ana:s3cret@db/crm\n", encoding="utf-8"
    )
    line = len(text.splitlines()) + 1
    result = crmwb_here("status", str(folder), env={"CRMWB_STORE": ""})
    assert result.returncode == 2, result.stderr
    assert f"{folder / 'engagement.yaml'}:{line}:" in result.stderr and "holds a password" in result.stderr
    assert "s3cret" not in result.stderr
