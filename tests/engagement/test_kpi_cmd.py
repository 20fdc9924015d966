"""`crmwb kpi DIR record|list|trend` on a real engagement (core playbook, retail-chain answers)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from .kpi_helpers import engagement, measurements


def record(run_cli, folder, kpi, value, when, *extra):
    return run_cli("kpi", folder, "record", kpi, value, "--date", when, *extra)


def test_record_keeps_value_date_source_note_and_author(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, err = record(
        run_cli,
        folder,
        "active_user_rate",
        "72.5",
        "2025-03-01",
        "--source",
        "CRM audit log",
        "--note",
        "after the first training wave",
        "--as",
        "Sara",
    )
    assert (code, err) == (0, "")
    assert out == "recorded active_user_rate = 72.5 % on 2025-03-01 (target ≥ 90 %: off track)\n"
    [m] = measurements(folder)
    assert (m.kpi_id, m.value, m.measured_on, m.source, m.note) == (
        "active_user_rate",
        72.5,
        date(2025, 3, 1),
        "CRM audit log",
        "after the first training wave",
    )
    from workbench.store.sqlite_store import SQLiteStore

    with SQLiteStore(folder / "state.db") as store:
        assert store.conn.execute("SELECT author FROM measurements").fetchone() == ("Sara",)
    code, out, _ = record(run_cli, folder, "duplicate_rate", "1.5", "2025-03-01")
    assert out.endswith("(target ≤ 2 %: on track)\n")


def test_record_refuses_unknown_kpis_with_the_closest_ids(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, err = record(run_cli, folder, "active_users", "70", "2025-03-01")
    assert (code, out) == (2, "")
    assert err == (
        "crmwb kpi record: error: unknown KPI 'active_users'; did you mean active_user_rate, "
        "activities_per_rep, loyalty_active_rate?\n"
    )
    code, _, err = record(run_cli, folder, "zzz", "70", "2025-03-01")
    assert code == 2 and "expected one of: active_user_rate, key_field_completeness," in err
    assert measurements(folder) == []


def test_record_refuses_a_kpi_the_answers_dropped(run_cli, tmp_path):
    folder = engagement(tmp_path, modules=["sales"])
    code, _, err = record(run_cli, folder, "service_case_logging", "80", "2025-03-01")
    assert code == 2
    assert err == (
        "crmwb kpi record: error: KPI 'service_case_logging' does not apply to this client: its "
        "condition is false for the answers in engagement.yaml\n"
    )


@pytest.mark.parametrize("value", ["abc", "72,,5", "nan", "inf", ""])
def test_record_refuses_values_that_are_not_numbers(run_cli, tmp_path, value):
    folder = engagement(tmp_path)
    code, _, err = record(run_cli, folder, "active_user_rate", value, "2025-03-01")
    assert code == 2
    assert err == (
        f"crmwb kpi record: error: VALUE {value!r} is not a number; expected e.g. 42, 6,1, 87.5, "
        "۶٫۱ or 1 234,5\n"
    )
    assert measurements(folder) == []


def test_record_refuses_bad_and_future_dates(run_cli, tmp_path, capsys):
    folder = engagement(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        record(run_cli, folder, "active_user_rate", "70", "01.03.2025")
    assert (
        exit_info.value.code == 2
        and "'01.03.2025' is not a date; expected YYYY-MM-DD" in capsys.readouterr().err
    )
    code, _, err = record(run_cli, folder, "active_user_rate", "70", "2999-01-01")
    assert code == 2 and "--date 2999-01-01 is in the future" in err
    assert measurements(folder) == []


def test_record_defaults_to_today(run_cli, tmp_path):
    folder = engagement(tmp_path)
    assert run_cli("kpi", folder, "record", "nps", "-12")[0] == 0
    [m] = measurements(folder)
    assert (m.value, m.measured_on) == (-12.0, date.today())


def fill(run_cli, folder):
    for when, value in (("2025-02-03", "41"), ("2025-03-03", "58.5"), ("2025-04-01", "92")):
        assert record(run_cli, folder, "active_user_rate", value, when)[0] == 0
    assert record(run_cli, folder, "duplicate_rate", "4", "2025-03-31", "--source", "dedupe report")[0] == 0
    assert (
        record(run_cli, folder, "duplicate_rate", "6", "2025-02-28")[0] == 0
    )  # recorded late, sorted by date


def test_list_shows_every_kpi_of_the_engagement(run_cli, tmp_path):
    folder = engagement(tmp_path)
    fill(run_cli, folder)
    code, out, err = run_cli("kpi", folder, "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["KPI", "latest", "baseline", "target", "status", "date"]
    assert lines[1].split() == [
        "active_user_rate",
        "92",
        "%",
        "41",
        "%",
        "≥",
        "90",
        "%",
        "on",
        "track",
        "2025-04-01",
    ]
    assert lines[3].split() == [
        "duplicate_rate",
        "4",
        "%",
        "6",
        "%",
        "≤",
        "2",
        "%",
        "off",
        "track",
        "2025-03-31",
    ]
    assert lines[2].split() == ["key_field_completeness", "—", "—", "≥", "95", "%", "not", "measured", "—"]
    assert len(lines) == 1 + 20 and all(len(line) <= 80 for line in lines)
    code, out, _ = run_cli("kpi", folder, "list", "--json")
    data = {row["kpi"]: row for row in json.loads(out)}
    assert len(data) == 20
    assert data["active_user_rate"] | {"sparkline": ""} == {
        "kpi": "active_user_rate",
        "name": "Active users",
        "kind": "adoption",
        "unit": "percent",
        "direction": "up",
        "latest": 92.0,
        "date": "2025-04-01",
        "baseline": 41.0,
        "target": 90.0,
        "on_track": True,
        "measurements": 3,
        "sparkline": "",
    }
    assert data["duplicate_rate"]["on_track"] is False and data["csat"]["on_track"] is None


def test_trend_of_one_kpi(run_cli, tmp_path):
    folder = engagement(tmp_path)
    fill(run_cli, folder)
    code, out, err = run_cli("kpi", folder, "trend", "active_user_rate")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == [
        "active_user_rate",
        "▁▃█",
        "92",
        "%",
        "base",
        "41",
        "%",
        "≥",
        "90",
        "%",
        "on",
        "track",
    ]
    assert lines[2] == "Active users: 3 measurements; ↑ higher is better"
    assert [line.split()[:3] for line in lines[3:]] == [
        ["2025-02-03", "41", "%"],
        ["2025-03-03", "58.5", "%"],
        ["2025-04-01", "92", "%"],
    ]
    assert "+51 vs baseline" in lines[-1]
    code, out, _ = run_cli("kpi", folder, "trend", "duplicate_rate", "--json")
    data = json.loads(out)
    assert [(p["date"], p["value"], p["source"]) for p in data["points"]] == [
        ("2025-02-28", 6.0, None),
        ("2025-03-31", 4.0, "dedupe report"),
    ]
    assert (data["baseline"], data["target"], data["on_track"], data["sparkline"]) == (6.0, 2.0, False, "█▁")


def test_trend_all(run_cli, tmp_path):
    folder = engagement(tmp_path)
    fill(run_cli, folder)
    code, out, _ = run_cli("kpi", folder, "trend", "--all")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 20 and all(len(line) <= 80 for line in lines)
    assert lines[0].startswith("active_user_rate       ▁▃█") and lines[0].endswith("on track")
    assert lines[1].split() == ["key_field_completeness", "—", "base", "—", "≥", "95", "%", "not", "measured"]
    code, out, _ = run_cli("kpi", folder, "trend", "--all", "--json")
    data = json.loads(out)
    assert len(data) == 20 and [len(d["points"]) for d in data[:3]] == [3, 0, 2]


def test_trend_usage_errors(run_cli, tmp_path):
    folder = engagement(tmp_path)
    assert run_cli("kpi", folder, "trend") == (2, "", "crmwb kpi trend: error: give one KPI id or --all\n")
    assert run_cli("kpi", folder, "trend", "csat", "--all")[0] == 2
    code, _, err = run_cli("kpi", folder, "trend", "csatt")
    assert code == 2 and "unknown KPI 'csatt'; did you mean csat?" in err


def test_kpi_on_a_folder_that_is_no_engagement(run_cli, tmp_path, capsys):
    code, out, err = run_cli("kpi", tmp_path, "list")
    assert (code, out) == (2, "") and "no engagement.yaml here" in err
    with pytest.raises(SystemExit) as exit_info:
        run_cli("kpi", tmp_path, "frobnicate")
    assert exit_info.value.code == 2 and "invalid choice: 'frobnicate'" in capsys.readouterr().err
