"""`crmwb portfolio`: real engagements made with `crmwb new` and moved with `crmwb task`, read back from the
json, md and xlsx outputs; a broken folder is a row with its problem, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from workbench.cli.exit_codes import ExitCode

TODAY = "2026-03-02"


@pytest.fixture
def team(run_cli, tmp_path) -> Path:
    """Three engagements under one folder: Acme (core, a 3-month target, the kickoff blocked, late tasks),
    Beta (b2b-sales, Persian, untouched, starting later) and a broken one."""
    root = tmp_path / "team"
    answers = tmp_path / "acme.answers.yaml"
    answers.write_text(yaml.safe_dump({"client": "Acme Ltd", "answers": {"target_go_live_months": 3}}))
    code, _o, err = run_cli(
        "new", root / "acme", "--playbook", "core", "--answers", answers, "--start", "2026-01-05"
    )
    assert code == ExitCode.OK, err
    assert run_cli("task", root / "acme", "done", "pre-01-kickoff")[0] == ExitCode.OK
    assert (
        run_cli("task", root / "acme", "block", "pre-05-stakeholders", "--note", "no sponsor")[0]
        == ExitCode.OK
    )
    code, _o, err = run_cli("kpi", root / "acme", "record", "retention_rate", "1", "--date", "2026-02-01")
    assert code == ExitCode.OK, err  # 1 % retention: off track
    code, _o, err = run_cli(
        "new",
        root / "beta",
        "--playbook",
        "b2b-sales",
        "--client",
        "Beta Co",
        "--start",
        "2026-06-01",
        "--lang",
        "fa",
    )
    assert code == ExitCode.OK, err
    (root / "broken").mkdir()
    (root / "broken" / "engagement.yaml").write_text("client: [unclosed\n")
    return root


def _json(run_cli, *args) -> tuple[int, dict]:
    code, out, err = run_cli("portfolio", *args, "--today", TODAY, "--format", "json")
    return code, json.loads(out)


def _by_client(doc: dict) -> dict[str, dict]:
    return {e["client"]: e for e in doc["engagements"]}


def test_json_lists_every_engagement_with_its_figures_and_the_broken_one_with_its_problem(run_cli, team):
    before = {p: p.read_bytes() for p in team.rglob("*") if p.is_file()}
    code, doc = _json(run_cli, team)
    assert code == ExitCode.FINDINGS  # one engagement could not be read
    rows = _by_client(doc)
    assert set(rows) == {"Acme Ltd", "Beta Co", "broken"}
    acme = rows["Acme Ltd"]
    assert acme["playbook"] == "core" and acme["phase"] == "pre_deployment"
    assert 0 < acme["percent_done"] < 100
    assert acme["blocked"] == 1 and acme["late"] > 0 and acme["at_risk"] > 0
    assert acme["target_go_live"] == "2026-04-05"
    assert acme["forecast_go_live"] > acme["target_go_live"] and acme["slip_days"] > 0
    assert acme["next_gate"] and acme["next_gate_due"]
    assert acme["kpis_off_track"] == 1
    beta = rows["Beta Co"]
    assert beta["playbook"] == "b2b-sales" and beta["late"] == 0 and beta["percent_done"] == 0
    assert beta["target_go_live"] is None and beta["slip_days"] is None
    broken = rows["broken"]
    assert "engagement.yaml" in broken["problem"] and broken["percent_done"] is None
    after = {p: p.read_bytes() for p in team.rglob("*") if p.is_file()}
    assert after == before  # read-only: no sync, no write


def test_filter_keeps_matching_engagements_and_never_hides_a_broken_one(run_cli, team):
    _code, doc = _json(run_cli, team, "--filter", "blocked")
    assert [e["client"] for e in doc["engagements"]] == ["Acme Ltd", "broken"]
    _code, doc = _json(run_cli, team, "--filter", "off-track")
    assert [e["client"] for e in doc["engagements"]] == ["Acme Ltd", "broken"]
    _code, doc = _json(run_cli, team, "--filter", "late", "--filter", "off-track")
    assert [e["client"] for e in doc["engagements"]] == ["Acme Ltd", "broken"]
    _code, doc = _json(run_cli, team / "beta", "--filter", "late")
    assert doc["engagements"] == []


def test_sort_by_a_column_descending(run_cli, team):
    _code, doc = _json(run_cli, team, "--sort", "go-live", "--desc")
    dates = [e["forecast_go_live"] for e in doc["engagements"]]
    assert dates[:2] == sorted(dates[:2], reverse=True) and dates[0] != dates[1]
    assert doc["engagements"][-1]["client"] == "broken"  # no value to sort by: last either way
    _code, doc = _json(run_cli, team, "--sort", "client", "--desc")
    assert [e["client"] for e in doc["engagements"]] == ["Beta Co", "Acme Ltd", "broken"]
    _code, doc = _json(run_cli, team, "--sort", "late", "--desc")
    assert [e["client"] for e in doc["engagements"]] == ["Acme Ltd", "Beta Co", "broken"]


def test_folders_given_one_by_one_and_a_folder_without_engagements(run_cli, team, tmp_path):
    (tmp_path / "empty").mkdir()
    code, doc = _json(run_cli, team / "beta", tmp_path / "empty")
    rows = _by_client(doc)
    assert code == ExitCode.FINDINGS
    assert rows["Beta Co"]["playbook"] == "b2b-sales"
    assert "no engagement here" in rows["empty"]["problem"]


def test_markdown_table_has_a_row_per_engagement(run_cli, team):
    code, out, _err = run_cli("portfolio", team, "--today", TODAY, "--format", "md")
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    assert lines[0].startswith("| Client | Playbook | Phase")
    body = {line.split(" | ")[0][2:]: line for line in lines[1:]}
    assert set(body) == {"Acme Ltd", "Beta Co", "broken"}
    assert "| core |" in body["Acme Ltd"] and "Pre-deployment" in body["Acme Ltd"]


def test_xlsx_reads_back_with_numbers_dates_and_rtl_in_persian(run_cli, team, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "portfolio.xlsx"
    code, _o, err = run_cli(
        "portfolio", team, "--today", TODAY, "--format", "xlsx", "--out", out, "--lang", "fa"
    )
    assert code == ExitCode.FINDINGS, err
    ws = load_workbook(out).active
    assert ws.sheet_view.rightToLeft
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    acme = rows["Acme Ltd"]
    assert acme[1] == "core" and acme[5] == 1 and acme[4] > 0  # blocked, late as numbers
    assert 0 < acme[3] < 1  # percent done as a fraction, formatted as a percentage
    assert acme[8] == "۱۴۰۵/۰۱/۱۶"  # the target 2026-04-05 as a Solar Hijri date in Persian digits
    assert acme[9] > 0
    assert rows["broken"][13] and "engagement.yaml" in rows["broken"][13]


def test_text_in_russian_and_persian(run_cli, team):
    code, out, _e = run_cli("portfolio", team, "--today", TODAY, "--lang", "ru")
    assert "05.04.2026" in out and "Acme Ltd" in out
    code, out, _e = run_cli("portfolio", team, "--today", TODAY, "--lang", "fa")
    assert "۱۴۰۵/۰۱/۱۶" in out


def test_xlsx_needs_out_and_nothing_to_list_is_a_usage_error(run_cli, team):
    assert run_cli("portfolio", team, "--format", "xlsx")[0] == ExitCode.BAD_INPUT
    assert run_cli("portfolio")[0] == ExitCode.BAD_INPUT


def test_a_store_address_with_a_password_is_refused(run_cli, team):
    code, _out, err = run_cli("portfolio", "--store", "postgresql://me:secret@localhost/crm")
    assert code == ExitCode.BAD_INPUT and "secret" not in err and "password" in err
