"""Tailoring to size in every output that lists roles: the roles workbook (read back with openpyxl), the
RACI, the job descriptions, the plan's owners and the staffing advice agree on the roles a 40-person firm
without an IT unit has; `show --section questions` lists conditional questions with their condition."""

from __future__ import annotations

import json

import openpyxl
import pytest
import yaml

from tests.playbooks.test_size_tailoring import ABSENT, ABSENT_VENDOR, FORTY_PEOPLE, LARGER, bundled
from workbench.domain.resolve import resolve
from workbench.domain.text import tr

GONE = {**ABSENT, **ABSENT_VENDOR}


def answers_file(tmp_path, answers: dict) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"client": "Forty People Ltd", "answers": answers}), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from workbench.cli.main import main

    tmp = tmp_path_factory.mktemp("forty")
    out = tmp / "out"
    args = ["export", "core", "--answers", answers_file(tmp, FORTY_PEOPLE), "--out", str(out)]
    assert main([*args, "--only", "roles,jobdesc,plan", "--format", "xlsx,md", "--start", "2026-03-02"]) == 0
    return out


def test_roles_workbook_raci_job_descriptions_and_plan_name_only_the_roles_the_firm_has(exported):
    pb = resolve(bundled("core"), FORTY_PEOPLE)
    names = {r.id: tr(r.name) for r in pb.roles}
    gone_names = {tr(r.name) for r in bundled("core").roles if r.id in GONE}
    book = openpyxl.load_workbook(exported / "roles.xlsx")
    listed = [row[0] for row in book["Roles"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert listed == [r.id for r in pb.roles]
    matrix = [row[0] for row in book["Permissions"].iter_rows(min_row=3, values_only=True) if row[0] in names]
    assert matrix and set(matrix) <= set(names)
    raci_header = [c.value for c in book["RACI"][1]][4:]
    assert raci_header and set(raci_header) <= set(names.values())
    assert gone_names.isdisjoint(raci_header)
    raci_rows = list(book["RACI"].iter_rows(min_row=2, values_only=True))
    tasks = [row for row in raci_rows if row[1] and str(row[1]).count("-") >= 2]
    assert tasks and all(row[4:].count("A") == 1 for row in tasks)
    described = {p.name.split(".")[0] for p in (exported / "jobdesc").glob("*.en.md")}
    assert described == {p.id for p in pb.job_profiles}
    assert described.isdisjoint(GONE) and "crm_manager" in described
    analyst_duty = next(p for p in bundled("core").job_profiles if p.id == "crm_analyst").duties[0]
    first_words = " ".join(tr(analyst_duty.text).split()[:6])
    assert first_words in " ".join((exported / "jobdesc" / "crm_manager.en.md").read_text("utf-8").split())
    plan = openpyxl.load_workbook(exported / "plan.xlsx")["Plan"]
    owners = {row[3] for row in plan.iter_rows(min_row=2, values_only=True) if row[1] and row[3]}
    assert owners and owners <= set(names.values())


def test_staffing_advice_lists_the_roles_the_firm_does_not_have(tmp_path, run_cli):
    code, out, _err = run_cli(
        "staffing", "core", "--answers", answers_file(tmp_path, FORTY_PEOPLE), "--format", "json"
    )
    assert code == 0
    merged = {m["role"]: m["into"] for m in json.loads(out)["merged_roles"]}
    assert merged == GONE
    code, out, _err = run_cli(
        "staffing", "core", "--answers", answers_file(tmp_path, FORTY_PEOPLE), "--lang", "ru"
    )
    assert code == 0 and "Роли, которых у этого заказчика нет" in out and "ИТ-директор" in out
    code, out, _err = run_cli(
        "staffing", "core", "--answers", answers_file(tmp_path, LARGER), "--format", "json"
    )
    assert code == 0 and json.loads(out)["merged_roles"] == []


def test_show_lists_conditional_questions_with_their_condition(run_cli):
    code, out, _err = run_cli("show", "core", "--section", "questions", "--format", "json")
    assert code == 0
    questions = {q["id"]: q for q in json.loads(out)["questions"]}
    assert set(questions) == {q.id for q in bundled("core").questions}
    conditional = [q for q in bundled("core").questions if q.when is not None]
    assert conditional
    for question in conditional:
        assert questions[question.id]["when"]["question"] == question.when.question
    assert questions["specialist_time_share"]["asked"] is False  # no specialist answered: it is skipped


def test_an_answer_change_says_which_roles_it_drops(tmp_path, run_cli):
    folder = tmp_path / "grows-smaller"
    code, _out, err = run_cli(
        "new", folder, "--playbook", "core", "--answers", answers_file(tmp_path, LARGER)
    )
    assert code == 0, err
    args = ["--set", "company_size=small", "--set", "has_it_unit=false", "--format", "json"]
    code, out, err = run_cli("diff", folder, *args)
    assert code == 0, err
    removed = {item["id"] for item in json.loads(out)["removed"]["roles"]}
    assert removed == {"crm_analyst", "data_analyst", "it_manager"}
    assert json.loads(out)["added"]["roles"] == []
