"""`crmwb new` and `crmwb status` on real engagements (core playbook, retail-chain answers), and the
located errors a broken engagement folder gives."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml

from .lifecycle_helpers import RETAIL, START, answers_of, fresh_engagement, states


def test_new_from_core_and_the_retail_answers(run_cli, tmp_path):
    folder = tmp_path / "retail"
    code, out, err = run_cli(
        "new", folder, "--playbook", "core", "--answers", RETAIL, "--start", "2026-01-05", "--as", "ana"
    )
    assert (code, err) == (0, "")
    data = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    assert data["client"] == "Example Appliance Retail (demo)" and data["playbook"] == "core"
    assert (
        data["start"] == START and data["playbook_version"] == "1.0.0" and len(data["playbook_sha256"]) == 64
    )
    assert data["answers"]["crm_kinds"] == ["operational", "analytical"]
    assert list(data["answers"])[:2] == ["business_model", "industry"]  # questionnaire order
    tasks = states(folder)
    assert len(tasks) == 45 and {s.status for s in tasks.values()} == {"not_started"}
    assert "post-06-loyalty-programme" in tasks and "pre-04-hire-specialist" not in tasks
    assert "45 tasks in 3 phases" in out and "crmwb intake" in out
    assert all(len(line) <= 80 for line in out.splitlines() if str(folder) not in line)


def test_client_defaults_to_the_folder_and_start_to_today(run_cli, tmp_path):
    code, _, _ = run_cli("new", tmp_path / "acme-co", "--playbook", "core")
    data = yaml.safe_load((tmp_path / "acme-co" / "engagement.yaml").read_text(encoding="utf-8"))
    assert (
        code == 0 and data["client"] == "acme-co" and data["start"] == date.today() and data["answers"] == {}
    )
    code, _, _ = run_cli(
        "new", tmp_path / "b", "--playbook", "core", "--answers", RETAIL, "--client", "Other Ltd"
    )
    assert (
        code == 0
        and yaml.safe_load((tmp_path / "b" / "engagement.yaml").read_text())["client"] == "Other Ltd"
    )


def test_new_refuses_an_existing_engagement_and_bad_input(run_cli, tmp_path, capsys):
    folder = fresh_engagement(tmp_path)
    before = (folder / "engagement.yaml").read_bytes()
    code, _, err = run_cli("new", folder, "--playbook", "core")
    assert code == 2 and "already holds an engagement" in err
    assert (folder / "engagement.yaml").read_bytes() == before
    with pytest.raises(SystemExit) as stop:  # a usage error, from argparse
        run_cli("new", tmp_path / "x", "--playbook", "core", "--start", "05/01/2026")
    assert stop.value.code == 2 and "expected YYYY-MM-DD" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
    code, _, err = run_cli("new", tmp_path / "y", "--playbook", "no-such-playbook")
    assert code == 2 and "no playbook named 'no-such-playbook'" in err and not (tmp_path / "y").exists()


def test_a_wrong_answers_file_is_located_and_nothing_is_written(run_cli, tmp_path):
    bad = tmp_path / "bad.answers.yaml"
    bad.write_text(
        "client: X\nanswers:\n  business_model: b2c\n  loyalty_programme: maybe\n", encoding="utf-8"
    )
    code, _, err = run_cli("new", tmp_path / "z", "--playbook", "core", "--answers", bad)
    assert code == 2 and not (tmp_path / "z").exists()
    assert f"{bad}:4:22: error: answers.loyalty_programme:" in err and "expected yes/no" in err


def _break_answer(folder, question, value):
    path = folder / "engagement.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"  {question}:"))
    lines[index] = f"  {question}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def test_a_wrong_answer_in_engagement_yaml_is_located_for_every_command(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    line = _break_answer(folder, "business_model", "b2z")
    for args in (
        ["status"],
        ["task", folder, "list"],
        ["phase", folder, "list"],
        ["intake"],
        ["diff", folder, "--set", "loyalty_programme=no"],
    ):
        argv = args if len(args) > 1 else [args[0], folder]
        code, _, err = run_cli(*argv)
        assert code == 2, argv
        assert f"engagement.yaml:{line}:19: error: answers.business_model: answer 'b2z'" in err
        assert "Traceback" not in err


def test_a_missing_start_and_a_broken_store_are_reported(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    path = folder / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("start: 2026-01-05\n", "start: soon\n"), encoding="utf-8"
    )
    code, _, err = run_cli("status", folder)
    assert (
        code == 2
        and "engagement.yaml:7:8: error: start: 'start' is 'soon'; expected a date YYYY-MM-DD" in err
    )
    other = fresh_engagement(tmp_path, "other")
    (other / "state.db").write_bytes(b"this is not a database" * 100)
    code, _, err = run_cli("status", other)
    assert code == 2 and "state store cannot be used" in err and "Traceback" not in err
    code, _, err = run_cli("status", tmp_path / "nowhere")
    assert code == 2 and "no engagement.yaml here" in err


def _progress(run_cli, folder):
    ticks = [["check", "pre-01-kickoff", str(n)] for n in range(1, 6)]  # a gate: its checklist first
    for args in (
        ["start", "pre-01-kickoff"],
        *ticks,
        ["done", "pre-01-kickoff"],
        ["done", "pre-02-appoint-specialist", "--force", "letter signed on paper"],
        ["start", "pre-05-stakeholders"],
        ["block", "pre-06-drivers-barriers", "--note", "no workshop room"],
    ):
        assert run_cli("task", folder, *args, "--as", "ana")[0] == 0


def test_status_text(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    _progress(run_cli, folder)
    code, out, err = run_cli("status", folder, "--today", "2026-02-02")
    assert (code, err) == (0, "")
    assert out.startswith("Example Appliance Retail (demo)\ncore 1.0.0 · start 2026-01-05")
    assert "Pre-deployment         ██░░░░░░░░░░░░░░   13%  2/15 done, 1 active, 1 blocked" in out
    # the retail client is in Iran: the plan counts a Friday weekend and Iranian public holidays
    assert "\nLate (2)\n" in out and "\nBlocked (1)\n  pre-06-drivers-barriers  2026-02-15  blocked" in out
    assert "Critical path at risk (3)\n  pre-05-stakeholders      2026-01-20  13 days late" in out
    assert "Next actions\n  CRM specialist (crm_specialist)\n   *pre-05-stakeholders" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_status_json_for_scripts(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    _progress(run_cli, folder)
    code, out, _ = run_cli("status", folder, "--json", "--today", "2026-02-02")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {
        "client",
        "playbook",
        "playbook_version",
        "start",
        "finish",
        "today",
        "warnings",
        "phases",
        "late",
        "blocked",
        "at_risk",
        "next_actions",
        "schedule",
        "target",
        "calendar",
        "uat",
    }
    assert data["uat"] is None  # no UAT result or defect yet, and go-live is weeks away
    assert data["calendar"] == {"country": "IR", "weekend": [4]} and data["target"] is None
    assert (data["start"], data["today"], data["warnings"]) == ("2026-01-05", "2026-02-02", [])
    pre = data["phases"][0]
    assert pre == {
        "id": "pre_deployment",
        "total": 15,
        "closed": 2,
        "in_progress": 1,
        "blocked": 1,
        "percent": 13,
        "gate_closed": False,
    }
    blocked = data["blocked"][0]
    assert blocked["id"] == "pre-06-drivers-barriers" and blocked["due"] == "2026-02-15"
    assert set(blocked) == {
        "id",
        "phase",
        "name",
        "owner",
        "status",
        "assignee",
        "due",
        "planned_start",
        "critical",
    }
    assert all(date.fromisoformat(t["due"]) < date(2026, 2, 2) for t in data["late"])
    assert "pre-01-kickoff" not in [t["id"] for t in data["late"]]
    ready = [t["id"] for tasks in data["next_actions"].values() for t in tasks]
    assert "pre-05-stakeholders" in ready and "pre-06-drivers-barriers" not in ready  # blocked: not next


def test_status_warns_when_the_playbook_changed(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    digest = yaml.safe_load(text)["playbook_sha256"]
    path.write_text(text.replace(digest, "f" * 64), encoding="utf-8")
    code, out, _ = run_cli("status", folder)
    assert code == 0 and "warning: the playbook changed since this engagement was created" in " ".join(
        line.strip() for line in out.splitlines()
    )
    assert json.loads(run_cli("status", folder, "--json")[1])["warnings"][0].startswith(
        "the playbook changed"
    )
    assert answers_of(folder)["business_model"] == "b2c"
