"""`crmwb data-audit --reconcile`: a trial load with 50 planted differences (records dropped, records
added, values changed) and many harmless ones (phones reformatted, e-mails upper-cased, Arabic letters
turned Persian, columns reordered) finds exactly the 50."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from openpyxl import load_workbook

from tests.data_audit.planted import HEADERS, generate, write_csv
from workbench.cli.exit_codes import ExitCode

NAME, PHONE, EMAIL, COMPANY = 0, 1, 2, 3


def _harmless(row: list[str]) -> list[str]:
    """What a CRM import does to a record without changing it."""
    out = list(row)
    digits = "".join(c for c in out[PHONE] if c.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):  # an Iranian number written nationally
        digits = "98" + digits[1:]
    out[PHONE] = "+" + digits
    out[EMAIL] = out[EMAIL].upper()
    out[NAME] = out[NAME].replace("ی", "ي").replace("ک", "ك")
    return out


def _trial_load(tmp_path: Path) -> tuple[Path, Path, dict]:
    rnd = random.Random(50)
    table, _truth = generate(2000, seed=21, dup_share=0, invalid_share=0, household_share=0)
    for number, row in enumerate(table):
        row.append(f"C{number:05d}")  # the legacy id: the key
    source = tmp_path / "legacy.csv"
    with open(source, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([[*HEADERS["en"], "Legacy ID"], *table])
    target_rows = [_harmless(r) for r in table]
    picked = rnd.sample(range(len(table)), 35)
    missing = {target_rows[i][-1] for i in picked[:15]}
    altered = {}
    for i in picked[15:]:
        column = rnd.choice((NAME, EMAIL, COMPANY))
        target_rows[i][column] = target_rows[i][column] + " X" if column != EMAIL else "changed@example.ir"
        altered[(target_rows[i][-1], HEADERS["en"][column])] = True
    target_rows = [r for r in target_rows if r[-1] not in missing]
    extra = {f"N{n:05d}" for n in range(15)}
    target_rows += [["Новый Клиент", "+79160000000", "new@example.ru", "", "", "", "", key] for key in extra]
    rnd.shuffle(target_rows)
    order = [7, 0, 2, 1, 3, 4, 5, 6]  # the CRM exports its columns in another order
    target = tmp_path / "crm.csv"
    with open(target, "w", encoding="utf-8", newline="") as out:
        header = [*HEADERS["en"], "Legacy ID"]
        csv.writer(out, delimiter=";").writerows([[r[i] for i in order] for r in [header, *target_rows]])
    return source, target, {"missing": missing, "extra": extra, "altered": set(altered)}


def test_fifty_planted_differences_and_nothing_else(run_cli, tmp_path):
    source, target, planted = _trial_load(tmp_path)
    assert sum(len(v) for v in planted.values()) == 50
    code, out, err = run_cli(
        "data-audit",
        "--reconcile",
        source,
        target,
        "--key",
        "Legacy ID",
        "--region",
        "IR",
        "--format",
        "json",
        "--out",
        tmp_path / "reconcile.xlsx",
    )
    assert code == ExitCode.FINDINGS, err
    result = json.loads(out)
    assert {m["key"].upper() for m in result["missing"]} == planted["missing"]
    assert {m["key"].upper() for m in result["extra"]} == planted["extra"]
    assert {(a["key"].upper(), a["column"]) for a in result["altered"]} == planted["altered"]
    assert result["differences"] == 50
    assert result["matched"] == 2000 - 15 == result["source_rows"] - len(result["missing"])
    wb = load_workbook(tmp_path / "reconcile.xlsx")
    assert wb.sheetnames == ["Summary", "Missing", "Extra", "Altered"]
    assert (
        wb["Missing"].max_row - 1 == 15 and wb["Extra"].max_row - 1 == 15 and wb["Altered"].max_row - 1 == 20
    )


def test_identical_exports_reconcile_clean_and_a_missing_key_column_is_bad_input(run_cli, tmp_path):
    table, _truth = generate(300, seed=2)
    source = write_csv(tmp_path / "a.csv", table)
    code, out, err = run_cli("data-audit", "--reconcile", source, source, "--key", "E-mail,Phone")
    assert code == ExitCode.OK, err
    assert "missing in the target: 0" in out
    code, _out, err = run_cli("data-audit", "--reconcile", source, source, "--key", "Customer no")
    assert code == ExitCode.BAD_INPUT
    assert err.startswith(f"{source}:1:1: no key column Customer no")
    code, _out, err = run_cli("data-audit", "--reconcile", source, source)
    assert code == ExitCode.BAD_INPUT and "--key" in err
