"""`crmwb check`: findings printed with their fix, exit 0 when only warnings, 1 on any error, 2 on bad
input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"


def seeded(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_clean_playbook_exits_0(run_cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    # R2 (should, 3) and R3 (could, 2) keep the Must-have R1 (5) at 50 % of the weight
    answers.write_text("modules: [sales, service]\nbusiness_model: b2b\n", encoding="utf-8")
    code, out, err = run_cli("check", DATA / "mini.yaml", "--answers", answers)
    assert code == 0, out + err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["info", "no-job-profile", "consultant:"]
    assert lines[1] == "        fix: add a job profile for consultant so HR can staff it"
    assert lines[-1] == "mini 0.1: 0 errors, 0 warnings, 1 note"


def test_warnings_alone_exit_0(run_cli):
    code, out, _ = run_cli("check", DATA / "mini.yaml")  # defaults: sales only, Must-haves 100 % of weight
    assert code == 0
    assert "warning moscow-balance" in out and out.splitlines()[-1].endswith("1 warning, 1 note")


def test_widened_scope_is_an_error_and_exits_1(run_cli, tmp_path):
    bad = seeded(tmp_path, "      settings: {read: all}\n", "      settings: {read: all, update: team}\n")
    code, out, _ = run_cli("check", bad)
    assert code == 1
    lines = out.splitlines()
    first = lines[0].split(None, 2)
    assert first[:2] == ["error", "lp:lp-settings"]
    assert first[2].startswith(
        "specialist/settings/update: specialist may update settings with scope team; the ceiling is none"
    )
    assert lines[1].strip() == "fix: lower the update right of specialist on settings to none"
    assert lines[-1].startswith("mini 0.1: 1 error,")


def test_json_format_for_scripts(run_cli, tmp_path):
    bad = seeded(tmp_path, "lead: {create: own, read: team, update: own}", "lead: {read: own, update: all}")
    code, out, _ = run_cli("check", bad, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["playbook"] == "mini"
    dependency = next(f for f in report["findings"] if f["rule"] == "dependency")
    assert dependency["cell"] == ["specialist", "lead", "update"] and dependency["severity"] == "error"
    assert report["counts"]["error"] == sum(f["severity"] == "error" for f in report["findings"]) >= 1


def test_loading_problems_exit_2(run_cli, tmp_path):
    code, out, err = run_cli("check", DATA / "broken" / "dependency_cycle.yaml")
    assert code == 2 and "cycle" in err and out == ""
    answers = tmp_path / "answers.yaml"
    answers.write_text("business_model: b2x\n", encoding="utf-8")
    code, _, err = run_cli("check", DATA / "mini.yaml", "--answers", answers)
    assert code == 2 and "answers.business_model" in err
    code, _, err = run_cli("check", "no-such-playbook")
    assert code == 2 and "no playbook named" in err
