"""`crmwb store grant` sets up the team roles; a viewer of a team engagement (the steering committee's
database role) runs `status`, `report` and `portfolio` like anyone; a change is refused by PostgreSQL and
said plainly, and nothing is written."""

from __future__ import annotations

import json
import uuid

import psycopg

from tests.engagement.concurrency_helpers import crmwb_here
from workbench.store.postgres import VIEWER

NO_ENV_STORE = {"CRMWB_STORE": ""}


def test_a_viewer_reads_status_report_and_portfolio_and_cannot_change_a_task(pg_server, tmp_path):
    name = f"db_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server.address(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    address = pg_server.address(database=name)
    steering = f"steering_{uuid.uuid4().hex[:6]}"  # roles belong to the whole server, not one database
    folder = tmp_path / "acme"
    made = crmwb_here(
        "new",
        str(folder),
        "--playbook",
        "core",
        "--client",
        "Acme Team",
        "--start",
        "2026-01-05",
        "--store",
        address,
        env=NO_ENV_STORE,
    )
    assert made.returncode == 0, made.stderr
    started = crmwb_here("task", str(folder), "start", "pre-01-kickoff", "--as", "ana", env=NO_ENV_STORE)
    assert started.returncode == 0, started.stderr
    with psycopg.connect(address, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{steering}" LOGIN')  # the administrator's login for the committee
    missing = crmwb_here("store", "grant", address, "--viewer", "nobody_here", env=NO_ENV_STORE)
    assert missing.returncode == 2 and "no database role 'nobody_here'" in missing.stderr
    secret = crmwb_here("store", "grant", "postgresql://a:pw@db/x", env=NO_ENV_STORE)
    assert secret.returncode == 2 and "pw" not in secret.stderr.replace("password", "")
    granted = crmwb_here("store", "grant", address, "--viewer", steering, env=NO_ENV_STORE)
    assert granted.returncode == 0, granted.stderr
    assert f"{VIEWER} may only read" in granted.stdout and steering in granted.stdout
    again = crmwb_here("store", "grant", address, "--viewer", steering, env=NO_ENV_STORE)
    assert again.returncode == 0, again.stderr  # running it again changes nothing
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("user=postgres", f"user={steering}"), encoding="utf-8"
    )

    status = crmwb_here("status", str(folder), "--format", "json", env=NO_ENV_STORE)
    assert status.returncode in (0, 1), status.stderr
    assert "pre-01-kickoff" in status.stdout and json.loads(status.stdout)
    report = crmwb_here("report", str(folder), "--out", str(tmp_path / "report"), env=NO_ENV_STORE)
    assert report.returncode in (0, 1), report.stderr
    assert [f for f in (tmp_path / "report").rglob("*") if f.is_file() and f.stat().st_size]
    portfolio = crmwb_here("portfolio", str(folder), "--format", "json", env=NO_ENV_STORE)
    assert portfolio.returncode == 0, portfolio.stderr
    assert json.loads(portfolio.stdout)["engagements"][0]["client"] == "Acme Team"

    refused = crmwb_here(
        "task", str(folder), "done", "pre-01-kickoff", "--force", "x", "--as", "viewer-kate", env=NO_ENV_STORE
    )
    assert refused.returncode != 0 and "may only read" in refused.stderr
    assert "Traceback" not in refused.stderr
    shown = crmwb_here("task", str(folder), "show", "pre-01-kickoff", env=NO_ENV_STORE)
    assert shown.returncode == 0 and "viewer-kate" not in shown.stdout and "in progress" in shown.stdout
