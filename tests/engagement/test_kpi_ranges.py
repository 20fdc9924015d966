"""KPI values are read in the user's notation and checked against the KPI's valid range (declared
`range:` or the unit's default), so an impossible value is refused instead of stored "on track"."""

from __future__ import annotations

import json

import pytest

from workbench.domain.kpi_values import range_text
from workbench.loading.playbooks import load_playbook

from .kpi_helpers import engagement, measurements


def record(run_cli, folder, kpi, value):
    return run_cli("kpi", folder, "record", kpi, value, "--date", "2025-03-01")


@pytest.mark.parametrize(
    ("kpi", "value", "message"),
    [
        ("csat", "150", "150 is outside the valid range of csat (percent); expected 0 to 100 %"),
        (
            "first_response_time",
            "-3",
            "-3 is outside the valid range of first_response_time (hours); expected 0 h or more",
        ),
        ("nps", "101", "101 is outside the valid range of nps (score); expected -100 to 100"),
        (
            "marketing_roi",
            "-150",
            "-150 is outside the valid range of marketing_roi (percent); expected -100 % or more",
        ),
    ],
)
def test_out_of_range_values_are_refused_and_nothing_is_stored(run_cli, tmp_path, kpi, value, message):
    folder = engagement(tmp_path)
    code, out, err = record(run_cli, folder, kpi, value)
    assert (code, out) == (2, "")
    assert err == f"crmwb kpi record: error: VALUE {message}\n"
    assert measurements(folder) == []


def test_a_refused_negative_value_never_becomes_the_baseline(run_cli, tmp_path):
    folder = engagement(tmp_path)
    assert record(run_cli, folder, "first_response_time", "-3")[0] == 2
    assert record(run_cli, folder, "first_response_time", "6,5")[0] == 0
    listed = run_cli("kpi", folder, "list", "--json")[1]
    row = next(r for r in json.loads(listed) if r["kpi"] == "first_response_time")
    assert (row["latest"], row["baseline"], row["on_track"]) == (6.5, 6.5, False)


@pytest.mark.parametrize(
    ("value", "stored"), [("6,1", 6.1), ("6.1", 6.1), ("۶٫۱", 6.1), ("٦,١", 6.1), ("0", 0.0), ("100", 100.0)]
)
def test_values_in_the_users_notation(run_cli, tmp_path, value, stored):
    folder = engagement(tmp_path)
    code, out, err = record(run_cli, folder, "churn_rate", value)
    assert (code, err) == (0, "")
    assert out == f"recorded churn_rate = {stored:g} % on 2025-03-01 (target ≤ 5 %: " + (
        "off track)\n" if stored > 5 else "on track)\n"
    )
    assert [m.value for m in measurements(folder)] == [pytest.approx(stored)]


def test_grouped_thousands_for_an_open_ended_kpi(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, _ = record(run_cli, folder, "resolution_time", "1 234,5")
    assert code == 0 and out.startswith("recorded resolution_time = 1,234 h")  # format_value rounds >= 1000
    assert [m.value for m in measurements(folder)] == [1234.5]
    code, _, err = record(run_cli, folder, "resolution_time", "1,234")
    assert code == 2 and "could be read two ways (1234 or 1.234)" in err


def test_bundled_playbooks_declare_the_ranges_their_units_get_wrong():
    core = {k.id: k for k in load_playbook("core").playbook.kpis}
    assert range_text(core["csat"]) == "0 to 100 %"
    assert range_text(core["nps"]) == "-100 to 100"
    assert range_text(core["marketing_roi"]) == "-100 % or more"
    assert range_text(core["first_response_time"]) == "0 h or more"
    for pid in ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services"):
        loaded = load_playbook(pid)
        assert loaded.ok and len(loaded.playbook.kpis) >= 20, [str(p) for p in loaded.problems]
        for kpi in loaded.playbook.kpis:  # every baseline and target is a value the KPI can take
            assert not kpi.out_of_range(float(kpi.target)), kpi.id
            assert kpi.baseline is None or not kpi.out_of_range(float(kpi.baseline)), kpi.id


def test_values_stored_before_ranges_were_checked_are_flagged_not_on_track(run_cli, tmp_path):
    from datetime import date

    from workbench.domain.tracking import Measurement
    from workbench.store.sqlite_store import SQLiteStore

    folder = engagement(tmp_path)
    with SQLiteStore(folder / "state.db") as store:  # as an older crmwb stored them, unchecked
        store.record_measurements(
            [
                Measurement("first_response_time", -3.0, date(2025, 2, 1)),
                Measurement("first_response_time", 6.0, date(2025, 3, 1)),
                Measurement("csat", 150.0, date(2025, 3, 1)),
            ],
            "old",
        )
    rows = {r["kpi"]: r for r in json.loads(run_cli("kpi", folder, "list", "--json")[1])}
    assert (rows["first_response_time"]["baseline"], rows["first_response_time"]["on_track"]) == (6.0, False)
    assert (rows["csat"]["latest"], rows["csat"]["on_track"]) == (150.0, None)
    listed = run_cli("kpi", folder, "list")[1]
    assert next(line for line in listed.splitlines() if line.startswith("csat ")).split()[-2:] == [
        "range",
        "2025-03-01",
    ]
    assert "out of range" in run_cli("kpi", folder, "trend", "csat")[1]
