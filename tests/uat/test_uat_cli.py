"""`crmwb uat` and `crmwb defect` on a real engagement: results and defects stored with their history,
impossible moves refused with exit 2 and the possible moves, the readiness criteria (exit 1 until they
hold) and `phase close` of the go-live phase reading them; Persian and Russian output without English."""

from __future__ import annotations

import json
import re

import pytest

from tests.engagement.lifecycle_helpers import fresh_engagement
from workbench.store.sqlite_store import SQLiteStore


def musts(run_cli, folder) -> list[str]:
    code, out, _err = run_cli("uat", folder, "list", "--format", "json")
    assert code == 0
    return [row["script"] for row in json.loads(out) if row["priority"] == "must"]


def test_a_defect_blocks_go_live_until_it_is_closed_and_the_musts_pass(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    scripts = musts(run_cli, folder)
    first = scripts[0]
    code, out, err = run_cli(
        "defect",
        folder,
        "log",
        "Pipeline stage lost on save",
        "--severity",
        "2",
        "--script",
        first,
        "--owner",
        "vendor",
        "--as",
        "ana",
    )
    assert (code, out) == (0, "D-1 logged (open): Pipeline stage lost on save\n"), err
    code, out, _ = run_cli("uat", folder, "record", first.removeprefix("UAT-"), "fail", "--defect", "D-1")
    assert code == 0 and out.startswith(f"{first} (")
    code, _out, err = run_cli("defect", folder, "set", "D-1", "status", "closed")
    assert code == 2 and "D-1 cannot go from open to closed; from open it can go to: fixed, rejected" in err
    code, _out, err = run_cli("uat", folder, "record", first, "fail", "--defect", "D-9")
    assert code == 2 and "no defect D-9" in err
    code, _out, err = run_cli("uat", folder, "record", "UAT-NOPE-1", "pass")
    assert code == 2 and "no UAT script 'UAT-NOPE-1'" in err

    code, out, _ = run_cli("uat", folder, "readiness", "--format", "json")
    got = json.loads(out)
    assert code == 1 and not got["ready"]
    assert [(c["id"], c["passed"]) for c in got["criteria"]] == [("uat-defects", False), ("uat-musts", False)]
    assert got["criteria"][0]["items"] == ["D-1"] and len(got["criteria"][1]["items"]) == len(scripts)

    for status in ("fixed", "retest", "closed"):
        assert run_cli("defect", folder, "set", "D-1", "status", status, "--as", "boris")[0] == 0
    with SQLiteStore(folder / "state.db") as store:
        for script in scripts:
            store.record_result(script, "pass", [], "ana")
    code, out, _ = run_cli("uat", folder, "readiness")
    assert code == 0 and out.count("✓ ") == 2

    code, out, _ = run_cli("defect", folder, "show", "D-1", "--format", "json")
    shown = json.loads(out)
    assert (shown["status"], shown["severity"], shown["requirement"], shown["script"], shown["owner"]) == (
        "closed",
        2,
        first.removeprefix("UAT-"),
        first,
        "vendor",
    )
    assert [(h["kind"], h["old"], h["new"], h["author"]) for h in shown["history"]] == [
        ("defect", None, "open", "ana"),
        ("defect-status", "open", "fixed", "boris"),
        ("defect-status", "fixed", "retest", "boris"),
        ("defect-status", "retest", "closed", "boris"),
    ]
    code, out, _ = run_cli("defect", folder, "list", "--open")
    assert code == 0 and out == "0 defects\n"


def test_the_go_live_phase_does_not_close_on_open_severe_defects(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    with SQLiteStore(folder / "state.db") as store:
        for tid in store.tasks():
            if tid.startswith("dep-"):
                for item in range(len(store.tasks()[tid].checklist)):
                    store.check_item(tid, item, True, "ana")
                store.set_status(tid, "done", "ana")
    for script in musts(run_cli, folder):
        run_cli("uat", folder, "record", script, "pass")
    run_cli("defect", folder, "log", "Data loss on merge", "--severity", "1")
    code, out, _ = run_cli("phase", folder, "close", "deployment")
    assert code == 1
    assert "Go-live readiness: 1 severity-1 or severity-2 defect is not closed or rejected:" in out
    assert "gate task" not in out  # every gate task is done: only the defect holds the phase
    run_cli("defect", folder, "set", "D-1", "status", "rejected", "--note", "a change request")
    code, out, _ = run_cli("phase", folder, "close", "deployment", "--as", "ana")
    assert code == 0 and out.startswith("Deployment closed by ana: every gate task is done or skipped.")


def test_overriding_readiness_records_what_was_open(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    with SQLiteStore(folder / "state.db") as store:
        for tid in store.tasks():
            if tid.startswith("dep-"):
                store.set_status(tid, "skipped", "ana")
    code, out, _ = run_cli("phase", folder, "close", "deployment", "--override", "pilot go-live, UAT later")
    assert code == 0
    code, out, _ = run_cli("phase", folder, "list", "--format", "json")
    deployment = next(p for p in json.loads(out) if p["id"] == "deployment")
    assert deployment["missing_at_close"] == ["uat-musts"]


LATIN_WORD = re.compile(r"\b(?![A-Z]+-\d)(?!UAT\b)[A-Za-z]{3,}\b")


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_persian_and_russian_output_has_no_english(run_cli, tmp_path, lang):
    folder = fresh_engagement(tmp_path)
    first = musts(run_cli, folder)[0]
    outputs = [
        run_cli("defect", folder, "log", "—", "--severity", "2", "--script", first, "--lang", lang)[1],
        run_cli("uat", folder, "record", first, "fail", "--defect", "D-1", "--lang", lang)[1],
        run_cli("defect", folder, "set", "D-1", "status", "fixed", "--lang", lang)[1],
        run_cli("defect", folder, "set", "D-1", "status", "closed", "--lang", lang)[2].replace(
            "crmwb defect", ""
        ),
        run_cli("defect", folder, "list", "--lang", lang)[1],
        run_cli("defect", folder, "show", "D-1", "--lang", lang)[1],
        run_cli("uat", folder, "readiness", "--lang", lang)[1],
        run_cli("uat", folder, "list", "--lang", lang)[1],
    ]
    text = "\n".join(outputs)
    assert all(outputs)
    words = (
        set(LATIN_WORD.findall(text))
        - {"CRM", "crmwb", "ana", "root"}
        - set(re.findall(r"[a-z_]+", str(folder)))
    )
    assert not words, sorted(words)
    if lang == "fa":
        assert "۲" in outputs[4]


def test_the_parser_s_defect_fields_are_the_domain_s():
    from workbench.cli.defect_cmd import FIELDS
    from workbench.domain.defects import DEFECT_FIELDS, FIELD_LABELS

    assert FIELDS == DEFECT_FIELDS == tuple(FIELD_LABELS)
