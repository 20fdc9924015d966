"""UAT readiness in `crmwb status` (text and JSON) and the weekly report: the Must scripts passed, failed
and not run, the open defects by severity and the go-live verdict, once there is UAT activity; in Persian
and Russian without English."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.engagement.lifecycle_helpers import fresh_engagement
from tests.uat.test_uat_cli import musts

LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _tested(run_cli, folder) -> list[str]:
    """One Must failed with a severity-2 defect, one passed, a minor defect logged beside them."""
    scripts = musts(run_cli, folder)
    assert run_cli("defect", folder, "log", "Stage lost", "--severity", "2", "--script", scripts[0])[0] == 0
    assert run_cli("defect", folder, "log", "Typo in a label", "--severity", "4")[0] == 0
    assert run_cli("uat", folder, "record", scripts[0], "fail", "--defect", "D-1")[0] == 0
    assert run_cli("uat", folder, "record", scripts[1], "pass")[0] == 0
    return scripts


def test_status_json_has_the_readiness_block_with_the_counts(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    start = str(yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["start"])
    code, out, _err = run_cli("status", folder, "--format", "json", "--today", start)
    got = json.loads(out)
    assert code == 0 and got["uat"] is None  # nothing tested on day one, go-live far away
    code, out, _err = run_cli("status", folder, "--format", "json", "--today", got["finish"])
    near = json.loads(out)["uat"]  # at the plan's end the go-live phase is here: shown, nothing run yet
    assert code == 0 and near["not_run"] == near["musts"] > 0 and near["ready"] is False
    scripts = _tested(run_cli, folder)

    code, out, err = run_cli("status", folder, "--format", "json", "--today", start)
    assert code == 0, err
    uat = json.loads(out)["uat"]
    assert (uat["musts"], uat["passed"], uat["failed"], uat["not_run"]) == (
        len(scripts),
        1,
        1,
        len(scripts) - 2,
    )
    assert uat["open_defects"] == {"1": 0, "2": 1, "3": 0, "4": 1}
    assert uat["ready"] is False
    assert [(c["id"], c["passed"], c["items"][:1]) for c in uat["criteria"]] == [
        ("uat-defects", False, ["D-1"]),
        ("uat-musts", False, [scripts[0].removeprefix("UAT-")]),
    ]


def test_status_text_shows_the_readiness(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    scripts = _tested(run_cli, folder)
    code, out, _err = run_cli("status", folder)
    section = out.split("UAT readiness\n", 1)[1]
    assert code == 0
    assert f"Must scripts: 1 passed, 1 failed, {len(scripts) - 2} not run, of {len(scripts)}." in section
    assert "Open defects by severity: 1 major, 1 cosmetic." in section
    assert section.rstrip().endswith("Go-live criteria: not met.")


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_the_report_has_the_uat_section_in_the_clients_language(run_cli, tmp_path, lang):
    folder = fresh_engagement(tmp_path)
    _tested(run_cli, folder)
    out = tmp_path / "reports"
    code, _out, err = run_cli("report", folder, "--format", "md", "--out", out, "--lang", lang)
    assert code == 0, err
    (md,) = out.glob("status-*.md")
    title = {"fa": "## آمادگی آزمون پذیرش", "ru": "## Готовность по приёмочному тестированию"}[lang]
    section = md.read_text(encoding="utf-8").split(title + "\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(lines) == 5
    words = {w for line in lines for w in LATIN_WORD.findall(line) if not w.isupper()}  # ids stay ids
    assert words == set()
    digits = "۰-۹" if lang == "fa" else "0-9"
    assert re.search(f"[{digits}]", lines[0]) and not re.search(
        "[0-9]" if lang == "fa" else "[۰-۹]", lines[0]
    )
