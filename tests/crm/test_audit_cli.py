"""`crmwb crm-export` and `crmwb audit --from` on the fake target: exit codes, exact drift rows, the
table, unreadable inputs, and the export's limitations and stale-file handling."""

from __future__ import annotations

import json

from tests.crm.audit_fixtures import (  # noqa: F401
    MINI,
    drift_rows,
    edit_lines,
    exported_fixture,
    fake_target_fixture,
)


def test_crm_export_writes_target_folder_limitations_and_manifest(exported):
    out = exported.parent
    assert (exported / "permissions.csv").read_text().splitlines()[0] == "role,object,action,scope"
    assert json.loads((out / "crm-export.json").read_text()) == {"fake": ["fake/permissions.csv"]}
    limits = json.loads((out / "limitations.json").read_text())
    assert limits["targets"] == {"fake": []}
    assert "Everything in the design is expressed exactly." in (out / "limitations.md").read_text()


def test_round_trip_is_clean(run_cli, exported):
    code, out, err = run_cli("audit", MINI, "--from", "fake", exported)
    assert code == 0, err
    assert "clean" in out


def test_seeded_drift_found_exactly(run_cli, exported):
    csv = exported / "permissions.csv"
    edit_lines(
        csv,
        {
            "CRM_specialist,lead,read,team": "CRM_specialist,lead,read,all",  # widened
            "CRM_specialist,lead,update,own": None,
        },  # missing right
        add=[
            "CRM_intruder,lead,read,all",  # extra role
            "CRM_specialist,invoice,read,all",  # unknown object
            "CRM_consultant,lead,delete,own",
        ],
    )  # extra right
    code, out, err = run_cli("audit", MINI, "--from", "fake", exported, "--format", "json")
    assert code == 1, err
    assert drift_rows(out) == [
        ("error", "extra", "consultant", "lead", "delete", "none", "own"),
        ("error", "unknown-object", "CRM_specialist", "invoice", None, None, None),
        ("error", "unknown-role", "CRM_intruder", None, None, None, None),
        ("error", "wider", "specialist", "lead", "read", "team", "all"),
        ("warning", "missing", "specialist", "lead", "update", "own", "none"),
    ]
    lines = {d["kind"]: d["line"] for d in json.loads(out)["drifts"]}
    assert lines["wider"] == 5 and lines["unknown-role"] == 7


def test_table_shows_columns_and_summary(run_cli, exported):
    edit_lines(
        exported / "permissions.csv", {"CRM_specialist,lead,read,team": "CRM_specialist,lead,read,all"}
    )
    code, out, _ = run_cli("audit", MINI, "--from", "fake", exported)
    assert code == 1
    lines = out.splitlines()
    assert lines[1].split() == ["severity", "kind", "role", "object", "action", "design", "live"]
    assert lines[3].split() == ["error", "wider", "specialist", "lead", "read", "team", "all"]
    assert "1 drift: 1 error(s), 0 warning(s) (1 wider)" in out


def test_missing_role_is_a_warning(run_cli, exported):
    csv = exported / "permissions.csv"
    edit_lines(
        csv, {line: None for line in csv.read_text().splitlines() if line.startswith("CRM_consultant")}
    )
    code, out, _ = run_cli("audit", MINI, "--from", "fake", exported, "--format", "json")
    assert code == 1
    rows = drift_rows(out)
    assert ("warning", "missing-role", "consultant", None, None, None, None) in rows
    assert {r[1] for r in rows} == {"missing", "missing-role"}


def test_unreadable_input_exits_2_with_located_problem(run_cli, exported):
    (exported / "permissions.csv").write_bytes(
        "role,object,action,scope\nCRM_sp\xe9cialist,,,\n".encode("latin-1")
    )
    code, out, err = run_cli("audit", MINI, "--from", "fake", exported)
    assert code == 2
    assert f"{exported / 'permissions.csv'}:1:1: error: not UTF-8" in err
    assert "nothing was compared" in err and out == ""


def test_bad_line_is_located(run_cli, exported):
    edit_lines(exported / "permissions.csv", add=["CRM_specialist,lead,read,everything"])
    code, _, err = run_cli("audit", MINI, "--from", "fake", exported)
    assert code == 2
    assert f"{exported / 'permissions.csv'}:8:" in err


def test_missing_input_and_unknown_target_exit_2(run_cli, exported, tmp_path):
    code, _, err = run_cli("audit", MINI, "--from", "fake", tmp_path / "nope")
    assert code == 2 and "no such file or folder" in err
    code, _, err = run_cli("audit", MINI, "--from", "sap", exported)
    assert code == 2 and "unknown CRM target 'sap'" in err and "salesforce" in err


def test_usage_errors_exit_2(run_cli, exported, tmp_path):
    assert run_cli("audit", MINI)[0] == 2
    code, _, err = run_cli("audit", MINI, "--from", "fake", exported, "--format", "xlsx")
    assert code == 2 and "--out" in err
    assert run_cli("audit", "no-such-playbook", "--from", "fake", exported)[0] == 2
    assert run_cli("crm-export", MINI, "--to", "nowhere", "--out", tmp_path / "x")[0] == 2


def test_json_to_file_and_limitations_listed(run_cli, fake_target, tmp_path):
    pb = tmp_path / "pb.yaml"
    pb.write_text(
        MINI.read_text().replace(
            "lead: {create: own, read: team, update: own}",
            "lead: {create: own, read: team, update: own, delete: team}",
        )
    )
    run_cli("crm-export", pb, "--to", "fake", "--out", tmp_path / "out")
    limits = json.loads((tmp_path / "out" / "limitations.json").read_text())["targets"]["fake"]
    assert [(x["role"], x["object"], x["action"], x["wanted"], x["expressed"]) for x in limits] == [
        ("specialist", "lead", "delete", "team", "own")
    ]
    report = tmp_path / "audit.json"
    code, out, _ = run_cli(
        "audit", pb, "--from", "fake", tmp_path / "out" / "fake", "--format", "json", "--out", report
    )
    assert code == 0 and out == ""
    doc = json.loads(report.read_text())
    assert doc["clean"] and doc["summary"]["limitations"] == 1


def test_reexport_removes_files_it_no_longer_writes(run_cli, fake_target, tmp_path):
    out = tmp_path / "out"
    run_cli("crm-export", MINI, "--to", "fake", "--out", out)
    (out / "crm-export.json").write_text(
        json.dumps({"fake": ["fake/permissions.csv", "fake/old.csv", "../outside.txt"]})
    )
    (out / "fake" / "old.csv").write_text("stale")
    (out / "fake" / "mine.txt").write_text("not ours")
    (tmp_path / "outside.txt").write_text("never touched")
    assert run_cli("crm-export", MINI, "--to", "fake", "--out", out, "--quiet")[0] == 0
    assert not (out / "fake" / "old.csv").exists()
    assert (out / "fake" / "mine.txt").exists() and (tmp_path / "outside.txt").exists()


def test_engagement_folder_is_audited_without_creating_state(run_cli, fake_target, tmp_path):
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", MINI, "--client", "Acme")[0] == 0
    (folder / "state.db").unlink()
    code, _, err = run_cli("crm-export", folder, "--to", "fake", "--out", tmp_path / "out")
    assert code == 0, err
    code, out, _ = run_cli("audit", folder, "--from", "fake", tmp_path / "out" / "fake")
    assert code == 0 and "engagement Acme (mini 0.1)" in out
    assert not (folder / "state.db").exists()
    assert run_cli("audit", folder, "--answers", MINI, "--from", "fake", tmp_path / "out" / "fake")[0] == 2
    assert run_cli("audit", tmp_path, "--from", "fake", tmp_path / "out" / "fake")[0] == 2
