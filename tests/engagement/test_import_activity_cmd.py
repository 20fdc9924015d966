"""`crmwb import-activity DIR FILE.csv` on a real engagement: good exports in each encoding give exact KPI
values in one go; every broken export is refused with a located message and records nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from .kpi_helpers import ACTIVITY, engagement, measurements

AS_OF = "2025-03-31"
WEEK = ("--from", "2025-03-25")
"""the exports cover one week up to AS_OF, so activities per rep per week need no scaling"""


def values(folder) -> dict[str, float]:
    return {m.kpi_id: round(m.value, 2) for m in measurements(folder)}


@pytest.mark.parametrize("name", ["good_utf8.csv", "good_bom_semicolon.csv"])
def test_a_good_export_records_the_adoption_kpis_it_can(run_cli, tmp_path, name):
    folder = engagement(tmp_path)
    code, out, err = run_cli(
        "import-activity", folder, ACTIVITY / name, "--date", AS_OF, *WEEK, "--as", "Sara"
    )
    assert (code, err) == (0, "")
    expected = {"active_user_rate": 71.43, "activities_per_rep": 52.0}  # 5 of 7 people active; 104 / 2 reps
    if name == "good_utf8.csv":
        expected["training_completion"] = 57.14  # the Trained column: 4 of 7
    assert values(folder) == expected
    stored = measurements(folder)
    assert {m.measured_on for m in stored} == {date(2025, 3, 31)}
    encoding = "UTF-8" if name == "good_utf8.csv" else "UTF-8 with BOM"
    assert {m.source for m in stored} == {f"import-activity {name} ({encoding})"}
    assert (
        next(m.note for m in stored if m.kpi_id == "active_user_rate")
        == "active_users_30d=5, licensed_users=7"
    )
    delimiter = "','" if name == "good_utf8.csv" else "';'"
    assert out.splitlines()[:2] == [
        f"Read {name}: {encoding}, delimiter {delimiter}, 8 users",
        "  1 integration, service or test account left out of every count",
    ]
    assert "  entered by Service and after-sales: leads 0, deals 0, cases 68, activities 16" in out
    assert "  service_case_logging     needs service_contacts_received" in out
    assert "  sales_entry_coverage     needs invoices_with_deal, invoices_issued" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_russian_export_in_cp1251(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, err = run_cli(
        "import-activity", folder, ACTIVITY / "russian_cp1251.csv", "--date", AS_OF, *WEEK
    )
    assert (code, err) == (0, "")
    assert out.startswith("Read russian_cp1251.csv: cp1251, delimiter ';', 5 users\n")
    assert values(folder) == {"active_user_rate": 75.0, "activities_per_rep": 46.5}  # 3 of 4; 93 / 2


def test_persian_export_in_cp1256(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, err = run_cli(
        "import-activity", folder, ACTIVITY / "persian_cp1256.csv", "--date", AS_OF, *WEEK
    )
    assert (code, err) == (0, "")
    assert out.startswith("Read persian_cp1256.csv: cp1256, delimiter ',', 5 users\n")
    assert values(folder) == {"active_user_rate": 80.0, "activities_per_rep": 37.0}  # 4 of 5; 74 / 2


def test_measures_from_other_systems_complete_more_kpis(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, _ = run_cli(
        "import-activity",
        folder,
        ACTIVITY / "good_utf8.csv",
        "--date",
        AS_OF,
        *WEEK,
        "--json",
        "--measure",
        "service_contacts_received=80",
        "--measure",
        "invoices_issued=40",
        "--measure",
        "invoices_with_deal=30",
    )
    assert code == 0
    data = json.loads(out)
    assert {r["kpi"]: round(r["value"], 2) for r in data["recorded"]} == {
        "active_user_rate": 71.43,
        "sales_entry_coverage": 75.0,
        "service_case_logging": 85.0,
        "training_completion": 57.14,
        "activities_per_rep": 52.0,
    }
    assert data["not_computed"] == [
        {
            "kpi": "key_field_completeness",
            "missing": ["key_records_complete", "contact_records_total"],
            "reason": "needs key_records_complete, contact_records_total",
        },
        {
            "kpi": "duplicate_rate",
            "missing": ["duplicate_records", "contact_records_total"],
            "reason": "needs duplicate_records, contact_records_total",
        },
    ]
    assert (data["encoding"], data["users"], data["excluded_accounts"]) == ("UTF-8", 8, 1)
    assert data["records_by_group"]["sales"] == {
        "leads_created": 24,
        "deals_created": 9,
        "cases_created": 0,
        "activities_logged": 104,
    }
    assert len(measurements(folder)) == 5


def test_a_kpi_the_answers_dropped_is_not_computed(run_cli, tmp_path):
    folder = engagement(tmp_path, modules=["service"])
    code, out, _ = run_cli("import-activity", folder, ACTIVITY / "good_utf8.csv", "--date", AS_OF)
    assert code == 0 and set(values(folder)) == {"active_user_rate", "training_completion"}
    assert "activities_per_rep" not in out


def refused(run_cli, tmp_path, name, *extra):
    folder = engagement(tmp_path)
    code, out, err = run_cli("import-activity", folder, ACTIVITY / name, "--date", AS_OF, *extra)
    assert (code, out) == (2, "")
    assert measurements(folder) == []  # nothing half-imported
    assert err.endswith("crmwb import-activity: error: nothing was recorded; fix the file and run again\n")
    return err.splitlines()[:-1]


def test_missing_columns_are_listed_with_the_header_found(run_cli, tmp_path):
    path = ACTIVITY / "missing_columns.csv"
    assert refused(run_cli, tmp_path, "missing_columns.csv") == [
        (
            f"{path}:1:1: error: missing required column(s): last_login (or last_login_date, last_logon, "
            "last_sign_in); logins (or login_count, logins_count, number_of_logins); the header has: 'Name', "
            "'Team', 'Leads'"
        )
    ]


def test_bad_rows_are_each_located_with_value_and_expectation(run_cli, tmp_path):
    path = ACTIVITY / "bad_rows.csv"
    assert refused(run_cli, tmp_path, "bad_rows.csv") == [
        (
            f"{path}:2:11: error: row 2, column 'last_login': '2025-02-30' is not a real date; expected a "
            "date "
            "YYYY-MM-DD"
        ),
        f"{path}:3:24: error: row 3, column 'logins': 'twelve'; expected a whole number, 0 or more",
        (
            f"{path}:4:12: error: row 4, column 'last_login': '1403/12/10' looks like a Solar Hijri date; "
            "expected "
            "a Gregorian date YYYY-MM-DD"
        ),
        (
            f"{path}:5:14: error: row 5, column 'last_login': '2025-04-02' is after the measurement date "
            "2025-03-31; expected a date on or before it (set --date to the day of the export)"
        ),
        (
            f"{path}:6:1: error: row 6, column 'user': 'ana' is listed again (first on row 2); expected one "
            "row "
            "per user"
        ),
        (
            f"{path}:7:1: error: row 7 has 4 field(s), the header 5; expected one per column (a ',' inside a "
            "value "
            "needs quotes)"
        ),
    ]


def test_utf16_is_refused_with_how_to_save_it(run_cli, tmp_path):
    assert refused(run_cli, tmp_path, "utf16.csv") == [
        (
            f"{ACTIVITY / 'utf16.csv'}:1:1: error: the file is UTF-16 (Excel's 'Unicode text'); expected CSV "
            "in "
            "UTF-8, cp1251 or cp1256: save it as 'CSV UTF-8'"
        )
    ]


def test_an_encoding_that_makes_no_sense_is_refused(run_cli, tmp_path):
    assert refused(run_cli, tmp_path, "garbled_koi8r.csv") == [
        (
            f"{ACTIVITY / 'garbled_koi8r.csv'}:1:1: error: the file is not text in UTF-8, cp1251 (Russian) "
            "or "
            "cp1256 (Persian/Arabic): read in each, its words come out garbled; expected a file saved as "
            "'CSV UTF-8'"
        )
    ]


def test_bad_arguments(run_cli, tmp_path):
    folder = engagement(tmp_path)
    good = ACTIVITY / "good_utf8.csv"
    code, _, err = run_cli("import-activity", folder, good, "--measure", "invoices=3")
    assert (
        code == 2 and "unknown measure 'invoices'; did you mean invoices_issued, invoices_with_deal?" in err
    )
    code, _, err = run_cli("import-activity", folder, good, "--measure", "invoices_issued")
    assert code == 2 and "expected ID=NUMBER" in err
    code, _, err = run_cli("import-activity", folder, good, "--date", AS_OF, "--measure", "licensed_users=9")
    assert code == 2 and "--measure licensed_users comes from the file already" in err
    code, _, err = run_cli("import-activity", folder, good, "--date", "2999-01-01")
    assert code == 2 and "in the future" in err
    code, _, err = run_cli("import-activity", folder, tmp_path / "nope.csv", "--date", AS_OF)
    assert code == 2 and "cannot read the file: No such file or directory" in err
    assert measurements(folder) == []


def test_an_old_export_gets_a_warning(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, _, err = run_cli("import-activity", folder, ACTIVITY / "good_utf8.csv", "--date", "2025-04-30")
    assert code == 0
    assert err == (
        "crmwb import-activity: warning: the newest login in the file is on 2025-03-31, 30 days "
        "before 2025-04-30; is --date the day of the export?\n"
    )


def test_a_refused_write_records_nothing_and_says_so(run_cli, tmp_path, monkeypatch):
    import sqlite3

    from workbench.store.sqlite_store import SQLiteStore

    folder = engagement(tmp_path)
    real = SQLiteStore.record_measurements

    def half_then_fail(self, items, author):
        """Write the first value inside the transaction, then fail like a full disk would."""
        from workbench.store.migrations import transaction

        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO measurements (kpi_id, value, measured_on, recorded_at, author)"
                " VALUES (?, ?, ?, 'now', ?)",
                (items[0].kpi_id, items[0].value, "2025-03-31", author),
            )
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteStore, "record_measurements", half_then_fail)
    code, out, err = run_cli("import-activity", folder, ACTIVITY / "good_utf8.csv", "--date", AS_OF)
    assert (code, out) == (2, "")
    assert err == (
        "crmwb import-activity: error: nothing was recorded: the state store refused the write: "
        "database or disk is full\n"
    )
    monkeypatch.setattr(SQLiteStore, "record_measurements", real)
    assert measurements(folder) == []
