"""The UAT workbook of every bundled playbook has exactly one script per Must and Should requirement that
survived the client's intake (read back from the xlsx), with its traceability row; Persian and Russian
workbooks carry no English words outside ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT
from workbench.domain.resolve import resolve
from workbench.loading.answers import load_answers
from workbench.loading.playbooks import load_playbook

EXAMPLES = ROOT / "playbooks" / "examples"
CASES = [
    ("core", EXAMPLES / "retail-chain.answers.yaml"),
    ("b2b-sales", EXAMPLES / "b2b-software.answers.yaml"),
    ("b2c-retail-loyalty", EXAMPLES / "retail-chain.answers.yaml"),
    ("financial-services", EXAMPLES / "bank.answers.yaml"),
]
ENGLISH_WORD = re.compile(r"\b(?![A-Z]+-\d)[A-Za-z]{3,}\b")
"""an English word; ids such as UAT-SFA-001, MKT-001 and D-1 are not words"""


def surviving(playbook: str, answers_file: Path) -> tuple[set[str], set[str]]:
    """(Must and Should ids after the intake, Must and Should ids of the playbook before it)."""
    pb = load_playbook(playbook).playbook
    answers = load_answers(answers_file, pb).answers
    kept = {r.id for r in resolve(pb, answers).requirements if r.priority in ("must", "should")}
    return kept, {r.id for r in pb.requirements if r.priority in ("must", "should")}


def make(run_cli, tmp_path: Path, playbook: str, answers: Path, lang: str = "en") -> Path:
    folder = tmp_path / playbook
    code, _out, err = run_cli(
        "new", folder, "--playbook", playbook, "--answers", answers, "--start", "2026-01-05", "--lang", lang
    )
    assert code == 0, err
    return folder


@pytest.mark.parametrize("playbook,answers", CASES, ids=[c[0] for c in CASES])
def test_one_script_per_surviving_must_and_should(run_cli, tmp_path, playbook, answers):
    folder = make(run_cli, tmp_path, playbook, answers)
    code, out, err = run_cli("uat", "scripts", folder, "--out", tmp_path / "uat.xlsx")
    assert code == 0, err
    kept, before = surviving(playbook, answers)
    assert kept and kept < before or kept == before  # the intake may drop some; then they get no script
    wb = load_workbook(tmp_path / "uat.xlsx")
    scripts = wb.worksheets[0]
    header = [c.value for c in scripts[1]]
    assert header[:3] == ["Script", "Requirement", "Priority"] and "Result" in header and "Steps" in header
    rows = [[c.value for c in row] for row in scripts.iter_rows(min_row=2)]
    requirements = [row[1] for row in rows]
    assert len(requirements) == len(set(requirements)) == len(kept)
    assert set(requirements) == kept
    assert all(row[0] == f"UAT-{row[1]}" and row[2] in ("Must", "Should") for row in rows)
    assert all(row[header.index("Steps")] and row[header.index("Expected result")] for row in rows)
    assert all(row[header.index("Tester")] for row in rows)
    trace = wb.worksheets[1]
    assert {row[0].value for row in trace.iter_rows(min_row=2)} == kept
    assert f"{len(kept)} scripts" in out


def test_a_requirement_the_intake_drops_gets_no_script(tmp_path, run_cli):
    kept, before = surviving("core", EXAMPLES / "retail-chain.answers.yaml")
    dropped = before - kept
    assert dropped, "the retail answers drop some Must/Should requirements of core"
    folder = make(run_cli, tmp_path, "core", EXAMPLES / "retail-chain.answers.yaml")
    code, out, _err = run_cli("uat", folder, "list", "--format", "json")
    import json

    listed = {row["requirement"] for row in json.loads(out)}
    assert code == 0 and listed == kept and not listed & dropped


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_persian_and_russian_workbooks_have_no_english(run_cli, tmp_path, lang):
    folder = make(run_cli, tmp_path, "core", EXAMPLES / "retail-chain.answers.yaml", lang)
    run_cli(
        "defect",
        folder,
        "log",
        "Ошибка" if lang == "ru" else "خطا",
        "--severity",
        "2",
        "--script",
        "UAT-SFA-001",
    )
    run_cli("uat", folder, "record", "UAT-SFA-001", "fail", "--defect", "D-1")
    run_cli("uat", folder, "record", "UAT-SFA-002", "pass")
    code, _out, err = run_cli("uat", folder, "scripts")
    assert code == 0, err
    wb = load_workbook(folder / "uat-scripts.xlsx")
    assert [bool(ws.sheet_view.rightToLeft) for ws in wb.worksheets] == [lang == "fa"] * 3
    ours = [ws.title for ws in wb.worksheets] + [c.value for ws in wb.worksheets for c in ws[1]]
    scripts, trace, defects = wb.worksheets
    for row in scripts.iter_rows(min_row=2):  # priority, result and the test-data wording are ours
        ours += [row[2].value, row[9].value or "", row[8].value.split(":")[0]]
    for row in trace.iter_rows(min_row=2):  # priority, result, defect statuses, accepted
        ours += [row[1].value, row[3].value, row[4].value or "", row[6].value]
    for row in defects.iter_rows(min_row=2):  # severity and status
        ours += [row[2].value, row[3].value]
    english = {word for text in ours for word in ENGLISH_WORD.findall(text)}
    assert not english, sorted(english)
    assert len(ours) > 3 * 80
    steps = wb.worksheets[0].cell(row=2, column=7).value
    if lang == "fa":
        assert steps.startswith("۱. ") and "1" not in steps.split(" ")[0]
    else:
        assert steps.startswith("1. ")
