"""`crmwb data-audit` on real files made by the planted generator: duplicates found with precision and
recall >= 0.95, every planted invalid phone and e-mail reported, cp1251/cp1256/xlsx inputs, the input left
byte for byte as it was, the workbook read back, the KPIs recorded in an engagement, bad input located."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from openpyxl import Workbook, load_workbook

from tests.data_audit.planted import generate, write_csv, write_xlsx
from tests.engagement.kpi_helpers import engagement, measurements
from workbench.cli.exit_codes import ExitCode


def _audit_json(run_cli, *args: object) -> dict:
    code, out, err = run_cli("data-audit", *args, "--format", "json")
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err
    return json.loads(out)


def _precision_recall(found: dict, truth_pairs: set[tuple[int, int]]) -> tuple[float, float]:
    pairs = set()
    for cluster in found["clusters"]:
        rows = sorted(cluster["rows"])
        pairs.update((a, b) for i, a in enumerate(rows) for b in rows[i + 1 :])
    hits = len(pairs & truth_pairs)
    return hits / len(pairs), hits / len(truth_pairs)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    table, truth = generate(8000, seed=7)
    return write_csv(folder / "contacts.csv", table, encoding="utf-8-sig"), table, truth


def test_planted_duplicates_are_found_with_precision_and_recall_of_095(run_cli, planted):
    path, _table, truth = planted
    result = _audit_json(run_cli, path, "--region", "IR")
    precision, recall = _precision_recall(result, truth.pairs)
    assert len(truth.pairs) > 1000
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert result["records"] == truth.rows
    assert result["duplicate_records"] == sum(len(c["rows"]) - 1 for c in result["clusters"])


def test_every_planted_invalid_phone_and_email_is_reported(run_cli, planted):
    path, _table, truth = planted
    result = _audit_json(run_cli, path, "--region", "IR")
    reported = {(v["row"], v["field"]) for v in result["invalid"]}
    assert len(truth.invalid) > 50
    assert truth.invalid <= reported
    assert reported == truth.invalid  # and no valid planted phone or e-mail is called invalid


def test_every_planted_kind_is_found(run_cli, tmp_path):
    """One customer per kind of copy issue 19 names: each pair is a duplicate, with its reason."""
    rows = [
        ["Ali Rezaei", "+98 912 111 2233", "ali@example.ir", "", "", "", ""],
        ["علی رضایی", "09121112233", "", "", "", "", ""],  # transliterated, another notation
        ["كريم كاظمي", "0935 222 3344", "karim@example.ir", "", "", "", ""],
        ["کریم کاظمی", "+989352223344", "", "", "", "", ""],  # Arabic ك/ي vs Persian ک/ی
        ["Пётр Королёв", "+7 916 555 66 77", "petr@example.ru", "", "", "", ""],
        ["ПЕТР КОРОЛЕВ", "", "petr@example.ru", "", "", "", ""],  # ё/е and case
        ["Иван Иванов", "+7 (903) 123-45-67", "ivan@example.ru", "", "", "", ""],
        ["Ivanov Ivan", "0079031234567", "", "", "", "", ""],
    ]  # transliterated, another notation
    path = write_csv(tmp_path / "kinds.csv", rows)
    result = _audit_json(run_cli, path, "--region", "IR")
    assert sorted(sorted(c["rows"]) for c in result["clusters"]) == [[2, 3], [4, 5], [6, 7], [8, 9]]
    assert {tuple(p["evidence"]) for p in result["pairs"]} == {("same-phone",), ("same-email",)}


@pytest.mark.parametrize(
    ("encoding", "langs", "headers"), [("cp1251", ("ru",), "ru"), ("cp1256", ("fa",), "fa")]
)
def test_single_byte_encodings_are_detected(run_cli, tmp_path, encoding, langs, headers):
    table, truth = generate(1500, seed=3, langs=langs)
    path = write_csv(tmp_path / f"{encoding}.csv", table, headers=headers, encoding=encoding)
    result = _audit_json(run_cli, path, "--region", "IR")
    assert set(result["columns"]) >= {"name", "phone", "email", "company", "birth_date"}
    assert result["columns"]["phone"] == {"ru": "Телефон", "fa": "تلفن"}[headers]
    precision, recall = _precision_recall(result, truth.pairs)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    forced = _audit_json(run_cli, path, "--region", "IR", "--encoding", encoding)
    assert forced["pairs"] == result["pairs"]


def test_xlsx_input_is_read(run_cli, tmp_path):
    table, truth = generate(1500, seed=5)
    path = write_xlsx(tmp_path / "contacts.xlsx", table, headers="fa")
    result = _audit_json(run_cli, path, "--region", "IR")
    assert result["records"] == truth.rows
    precision, recall = _precision_recall(result, truth.pairs)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert {(v["row"], v["field"]) for v in result["invalid"]} == truth.invalid


def test_the_input_file_is_left_unchanged(run_cli, tmp_path):
    table, _truth = generate(800, seed=11)
    path = write_csv(tmp_path / "contacts.csv", table)
    before, stamp = hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns
    code, _out, err = run_cli("data-audit", path, "--out", tmp_path / "report.xlsx")
    assert code == ExitCode.FINDINGS, err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert os.stat(path).st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv", "report.xlsx"]


def test_the_workbook_reads_back_with_every_pair_and_a_survivor_per_cluster(run_cli, tmp_path):
    table, _truth = generate(1200, seed=13)
    path = write_csv(tmp_path / "contacts.csv", table)
    result = _audit_json(run_cli, path, "--region", "IR", "--out", tmp_path / "audit.xlsx")
    wb = load_workbook(tmp_path / "audit.xlsx")
    assert wb.sheetnames == ["Summary", "Invalid values", "Duplicate pairs", "Clusters"]
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Records"] == result["records"]
    assert summary["Duplicate rate"] == pytest.approx(result["duplicate_rate"] / 100)
    pairs = list(wb["Duplicate pairs"].iter_rows(min_row=2, values_only=True))
    assert [(p[0], p[2]) for p in pairs] == [tuple(p["rows"]) for p in result["pairs"]]
    assert all(p[5].startswith("same ") for p in pairs)
    clusters = list(wb["Clusters"].iter_rows(min_row=2, values_only=True))
    keep = {c[0]: c[1] for c in clusters if c[5] == "keep (survivor)"}
    assert sorted(keep.values()) == sorted(c["survivor"] for c in result["clusters"])
    merged = [c for c in clusters if c[5] != "keep (survivor)"]
    assert all(c[5] == f"merge into row {keep[c[0]]}" for c in merged)
    assert len(clusters) == sum(len(c["rows"]) for c in result["clusters"])
    invalid = list(wb["Invalid values"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in invalid] == [(v["row"], v["value"]) for v in result["invalid"]]


def test_a_formula_in_the_legacy_file_stays_text_in_the_workbook(run_cli, tmp_path):
    rows = [
        ['=HYPERLINK("http://x")', "+98 912 111 2233", "a@example.ir", "", "", "", ""],
        ['=HYPERLINK("http://x")', "09121112233", "a@example.ir", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "evil.csv", rows)
    code, _out, err = run_cli("data-audit", path, "--region", "IR", "--out", tmp_path / "a.xlsx")
    assert code == ExitCode.FINDINGS, err
    cell = load_workbook(tmp_path / "a.xlsx")["Duplicate pairs"]["B2"]
    assert cell.data_type == "s" and cell.quotePrefix


def test_kpis_are_recorded_in_the_engagement(run_cli, tmp_path):
    folder = engagement(tmp_path)
    table, _truth = generate(1000, seed=17)
    path = write_csv(tmp_path / "contacts.csv", table)
    result = _audit_json(run_cli, path, "--engagement", folder)
    assert result["region"] == "IR"  # the retail client's answered country
    recorded = {m.kpi_id: m.value for m in measurements(folder)}
    assert recorded["duplicate_rate"] == result["duplicate_rate"] > 0
    assert recorded["key_field_completeness"] == result["completeness"] > 0
    code, out, err = run_cli("kpi", folder, "list", "--format", "json")
    assert code == ExitCode.OK, err
    latest = {k["kpi"]: k["latest"] for k in json.loads(out)}
    assert latest["duplicate_rate"] == result["duplicate_rate"]


def test_the_mapping_workbook_names_columns_no_synonym_knows(run_cli, tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_text(
        "F1,F2,F3\nAli Rezaei,+98 912 111 2233,bad-email\nAli Rezaei,09121112233,\n", encoding="utf-8"
    )
    code, _out, err = run_cli("data-audit", path)
    assert code == ExitCode.BAD_INPUT
    assert err.startswith(f"{path}:1:1: no column is recognised")
    mapping = tmp_path / "mapping.xlsx"
    wb = Workbook()
    for row in (("Legacy column", "Field"), ("F1", "name"), ("F2", "Телефон"), ("F3", "ایمیل")):
        wb.active.append(row)
    wb.save(mapping)
    result = _audit_json(run_cli, path, "--mapping", mapping, "--region", "IR")
    assert result["columns"] == {"name": "F1", "phone": "F2", "email": "F3"}
    assert [v["value"] for v in result["invalid"]] == ["bad-email"]
    assert [c["rows"] for c in result["clusters"]] == [[2, 3]]


def test_unreadable_input_is_located(run_cli, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"Name,Phone\n\xff\xfe\x00\x00garbage\n")
    code, _out, err = run_cli("data-audit", path, "--encoding", "latin-9")
    assert code == ExitCode.BAD_INPUT
    assert err.startswith(f"{path}:1:1: unknown encoding 'latin-9'")
    code, _out, err = run_cli("data-audit", tmp_path / "missing.csv")
    assert code == ExitCode.BAD_INPUT and "missing.csv" in err


def test_an_unwritable_out_is_bad_input_and_nothing_is_written(run_cli, tmp_path):
    table, _truth = generate(200, seed=31)
    path = write_csv(tmp_path / "contacts.csv", table)
    (tmp_path / "file").write_text("not a folder")
    code, _out, err = run_cli("data-audit", path, "--out", tmp_path / "file" / "audit.xlsx")
    assert code == ExitCode.BAD_INPUT
    assert "nothing more was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv", "file"]


def test_completeness_needs_a_name_and_a_working_phone_or_email(run_cli, tmp_path):
    rows = [
        ["Ali Rezaei", "09121112233", "", "", "", "", ""],  # complete: a phone
        ["Sara Karimi", "bad", "sara@example.ir", "", "", "", ""],  # complete: an e-mail
        ["Reza Alavi", "bad", "", "", "", "", ""],  # no working channel
        ["", "09351112233", "x@example.ir", "", "", "", ""],
    ]  # no name
    result = _audit_json(run_cli, write_csv(tmp_path / "c.csv", rows), "--region", "IR")
    assert result["required"] == ["name", "phone_or_email"]
    assert result["complete_records"] == 2 and result["completeness"] == 50.0


def test_a_big_file_checked_by_worker_processes_gives_the_same_audit(tmp_path, monkeypatch):
    """Chunks checked in two worker processes and merged in file order: the same records, invalid values,
    pairs and clusters as one process checking every row."""
    import concurrent.futures

    import workbench.app.data_audit as use_case

    table, _truth = generate(3000, seed=37)
    path = write_csv(tmp_path / "contacts.csv", table)
    alone = use_case.audit_file(path, "contact", "IR").to_dict()
    submitted = []

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(args[-1])  # the chunk's first row
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(use_case, "CHUNK_ROWS", 400)
    monkeypatch.setattr(use_case.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    chunked = use_case.audit_file(path, "contact", "IR").to_dict()
    assert submitted == list(range(2, 3002, 400))
    assert chunked == alone
    assert alone["records"] == 3000 and alone["clusters"] and alone["invalid"]
