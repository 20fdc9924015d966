"""Trust item 6: every deliverable command takes an engagement folder in place of PLAYBOOK, with the
engagement's answers, RFP overrides, client and start date; explicit flags still override."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
import yaml

from tests.conftest import DATA
from tests.writers.export_checks import assert_consistent, files_in

MINI = DATA / "mini.yaml"
ANSWERS = {
    "business_model": "b2b",
    "modules": ["sales", "service"],
    "has_specialist": True,
    "specialist_share": 40,
}


def comparable(files: dict[str, bytes]) -> dict[str, object]:
    """Files by content; a workbook or document by its parts, without the creation time openpyxl and
    python-docx stamp into docProps/core.xml."""

    def parts(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}

    return {
        k: parts(v) if k.endswith((".xlsx", ".docx")) else v for k, v in files.items() if k != "manifest.json"
    }


@pytest.fixture
def engagement(tmp_path, run_cli):
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"client": "Acme", "answers": ANSWERS}), encoding="utf-8")
    folder = tmp_path / "eng"
    code, _, err = run_cli(
        "new", folder, "--playbook", MINI, "--answers", answers, "--client", "Acme", "--start", "2026-02-02"
    )
    assert code == 0, err
    return folder, answers


def test_export_from_an_engagement_equals_export_from_its_playbook_and_answers(engagement, tmp_path, run_cli):
    folder, answers = engagement
    assert run_cli("export", folder, "--out", tmp_path / "a", "--quiet")[0] == 0
    assert (
        run_cli(
            "export",
            MINI,
            "--answers",
            answers,
            "--client",
            "Acme",
            "--start",
            "2026-02-02",
            "--out",
            tmp_path / "b",
            "--quiet",
        )[0]
        == 0
    )
    a, b = assert_consistent(tmp_path / "a"), assert_consistent(tmp_path / "b")
    assert a["start"] == "2026-02-02" and a["client"] == "Acme" and a["engagement"]
    assert (a["answers"], a["playbook"]) == (b["answers"], b["playbook"])
    assert [f["path"] for f in a["files"]] == [f["path"] for f in b["files"]]
    assert comparable(files_in(tmp_path / "a")) == comparable(files_in(tmp_path / "b"))


def test_flags_override_the_engagement_and_overrides_are_applied(engagement, tmp_path, run_cli):
    folder, _ = engagement
    data = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    data["overrides"] = {"requirements": {"R1": {"priority": "could"}}}
    (folder / "engagement.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(
        "export",
        folder,
        "--out",
        out,
        "--start",
        "2026-05-04",
        "--client",
        "Acme Ltd",
        "--only",
        "rfp",
        "--format",
        "md",
    )
    assert code == 0, err
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["start"], manifest["client"]) == ("2026-05-04", "Acme Ltd")
    r1 = next(line for line in (out / "rfp.md").read_text().splitlines() if line.startswith("| R1 "))
    assert "| Could |" in r1


def test_the_same_engagement_renamed_is_not_a_foreign_export(engagement, tmp_path, run_cli):
    folder, _ = engagement
    out = tmp_path / "out"
    assert run_cli("export", folder, "--out", out, "--only", "plan")[0] == 0
    assert run_cli("export", folder, "--out", out, "--only", "plan", "--client", "Acme Group")[0] == 0
    other = tmp_path / "other"
    assert run_cli("new", other, "--playbook", MINI, "--client", "Acme Group")[0] == 0
    code, _, err = run_cli("export", other, "--out", out, "--only", "plan")
    assert code == 2 and "another engagement" in err


def test_answers_with_an_engagement_is_refused(engagement, tmp_path, run_cli):
    folder, answers = engagement
    code, _, err = run_cli("export", folder, "--answers", answers, "--out", tmp_path / "x")
    assert code == 2 and "an engagement carries its own answers" in err
    assert not (tmp_path / "x").exists()


def test_jobdesc_and_check_from_an_engagement(engagement, tmp_path, run_cli):
    folder, answers = engagement
    for source, out in (((folder,), "a"), ((MINI, "--answers", answers), "b")):
        args = ("jobdesc", "--all", "--playbook", *source[:1])
        code, _, err = run_cli(
            *args, *source[1:], "--out", tmp_path / out, "--date", "2026-01-05", "--format", "md,html"
        )
        assert code == 0, err
    assert comparable(files_in(tmp_path / "a")) == comparable(files_in(tmp_path / "b")) != {}
    from_engagement = run_cli("check", folder, "--format", "json")
    from_playbook = run_cli("check", MINI, "--answers", answers, "--format", "json")
    assert from_engagement == from_playbook and from_engagement[0] in (0, 1)
    assert json.loads(from_engagement[1])["playbook"] == "mini"


@pytest.mark.parametrize(
    "command", [("crm-export", "--to", "odoo", "--out"), ("jobdesc", "--all", "--out"), ("export", "--out")]
)
def test_every_deliverable_command_takes_the_folder(engagement, tmp_path, run_cli, command):
    folder, _ = engagement
    name, *rest = command
    where = ("--playbook", folder) if name == "jobdesc" else (folder,)
    code, _, err = run_cli(name, *where, *rest, tmp_path / "out")
    assert code == 0, err
    assert not (tmp_path / "out" / ".crmwb-export").exists()
