"""`crmwb portfolio --store URL` on a real PostgreSQL server: an engagement whose folder is given gets its
full row from the team store; one the database holds without a folder here is listed with what the store
alone knows (its task progress) and says that its engagement.yaml is needed for the rest."""

from __future__ import annotations

import json
import uuid

import psycopg

from tests.engagement.concurrency_helpers import crmwb
from workbench.store.postgres import PostgresStore


def test_portfolio_lists_the_team_store_with_and_without_folders(pg_server, tmp_path):
    name = f"db_{uuid.uuid4().hex[:10]}"  # a database of its own: other tests' engagements are not listed
    with psycopg.connect(pg_server.address(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    address = pg_server.address(database=name)
    team = {"CRMWB_STORE": address}
    made = crmwb(
        "new",
        str(tmp_path / "acme"),
        "--playbook",
        "core",
        "--client",
        "Acme Team",
        "--start",
        "2026-01-05",
        env=team,
    )
    assert made.returncode == 0, made.stderr
    blocked = crmwb(
        "task", str(tmp_path / "acme"), "block", "pre-01-kickoff", "--note", "no sponsor", env=team
    )
    assert blocked.returncode == 0, blocked.stderr
    with PostgresStore(address, "orphan-portfolio") as store:  # rows whose folder is on another machine
        store.sync_tasks([("t-1", "pre_deployment", 0), ("t-2", "pre_deployment", 0)], "test")
        store.set_status("t-1", "done", "test")
    listed = crmwb(
        "portfolio",
        "--store",
        address,
        str(tmp_path / "acme"),
        "--format",
        "json",
        "--today",
        "2026-02-02",
        env={"CRMWB_STORE": ""},
    )
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["engagements"]
    acme = [r for r in rows if r["client"] == "Acme Team"]
    assert len(acme) == 1  # listed once: from its folder, not again as a store-only row
    assert acme[0]["store"] == "postgresql" and acme[0]["blocked"] == 1 and acme[0]["playbook"] == "core"
    orphan = next(r for r in rows if r["engagement_id"] == "orphan-portfolio")
    assert orphan["percent_done"] == 50 and "engagement.yaml" in orphan["problem"]
