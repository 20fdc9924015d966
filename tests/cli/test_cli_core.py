"""The core commands on real files: exit codes, located messages, JSON for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_subprocess

DATA = Path(__file__).parent.parent / "data"


def test_validate_ok_exits_0(run_cli):
    code, out, err = run_cli("validate", DATA / "mini.yaml")
    assert code == 0 and "ok — mini 0.1" in out and err == ""


def test_validate_reports_every_problem_of_a_file_and_exits_2(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        'id: bad\nversion: "1.0"\nname: Bad\nroles:\n  - id: r\n    name: R\n    summary: S\n'
        "    duties: [x]\n    permissions: {lead: {read: everyone}}\nrequirments: []\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("validate", bad)
    assert code == 2
    lines = [line for line in err.splitlines() if "error:" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:9:32: error: roles[0].permissions.lead.read: value 'everyone'")
    assert lines[1].startswith(f"{bad}:10:1: error: requirments: unknown key 'requirments'")
    assert "Traceback" not in err


def test_validate_json_format(run_cli, tmp_path):
    code, out, _ = run_cli("validate", DATA / "broken" / "dependency_cycle.yaml", "--format", "json")
    found = json.loads(out)
    assert code == 2
    assert found[0]["line"] == 23 and found[0]["severity"] == "error" and "cycle" in found[0]["message"]


def test_validate_checks_answers_files(run_cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "answers:\n  business_model: b2x\n  modules: [sales, legal]\n  colour: red\n", encoding="utf-8"
    )
    code, _, err = run_cli("validate", DATA / "mini.yaml", "--answers", answers)
    assert code == 2
    assert f"{answers}:2:19: error: answers.business_model: answer 'b2x'" in err
    assert f"{answers}:3:12: error: answers.modules: answer ['sales', 'legal']" in err
    assert f"{answers}:4:11: error: answers.colour: unknown question 'colour'" in err


def test_unknown_playbook_name(run_cli):
    code, _, err = run_cli("validate", "no-such-playbook")
    assert code == 2 and "no playbook named 'no-such-playbook'" in err


def test_show_resolves_answers(run_cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("modules: [sales, service]\nbusiness_model: b2c\n", encoding="utf-8")
    code, out, _ = run_cli("show", DATA / "mini.yaml", "--answers", answers, "--section", "requirements")
    data = yaml.safe_load(out)
    assert code == 0 and [r["id"] for r in data["requirements"]] == ["R1", "R2"]
    code, out, _ = run_cli("show", DATA / "mini.yaml", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "mini"


def test_show_unknown_section(run_cli):
    code, _, err = run_cli("show", DATA / "mini.yaml", "--section", "nope")
    assert code == 2 and "unknown section 'nope'" in err


def test_usage_error_exits_2():
    result = run_subprocess("validate")
    assert result.returncode == 2 and "usage:" in result.stderr


def test_committed_schema_is_current(run_cli):
    code, out, _ = run_cli("schema")
    assert code == 0
    assert json.loads(out) == json.loads(
        (ROOT / "schema" / "playbook.schema.json").read_text(encoding="utf-8")
    )
    assert "requirements" in json.loads(out)["properties"]


def test_schema_out_writes_file(run_cli, tmp_path):
    code, _, _ = run_cli("schema", "--out", tmp_path / "s.json")
    assert code == 0 and json.loads((tmp_path / "s.json").read_text())["title"] == "CRM Workbench playbook"


def test_playbooks_lists_bundled_and_local(run_cli, tmp_path):
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "playbooks" / "mine.yaml").write_text('id: mine\nversion: "1.0"\nname: Mine\n')
    code, out, _ = run_cli("playbooks", "--format", "json", cwd=tmp_path)
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and rows["core"]["origin"] == "bundled" and rows["mine"]["origin"] == "local"
