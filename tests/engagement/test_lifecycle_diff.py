"""`crmwb diff`: what an answer change adds and removes, nothing written without --apply, and with
--apply dropped tasks archived with their history while new ones appear not started."""

from __future__ import annotations

import json

import yaml

from .lifecycle_helpers import answers_of, fresh_engagement, history, states


def test_diff_shows_the_change_and_writes_nothing(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    before = (folder / "engagement.yaml").read_bytes(), states(folder)
    code, out, err = run_cli("diff", folder, "--set", "loyalty_programme=no", "--set", "has_crm_specialist=n")
    assert (code, err) == (0, "")
    assert (
        "Answers that change (2):\n  loyalty_programme   yes -> no\n  has_crm_specialist  yes -> no\n" in out
    )
    assert "\nAdds:\n  tasks (" in out and "    + pre-04-hire-specialist" in out
    assert (
        "\nRemoves:\n  tasks (" in out and "    - post-06-loyalty-programme  Run the loyalty programme" in out
    )
    assert "  questions (1)\n    - specialist_time_share" in out
    assert "add --apply to save" in out and all(len(line) <= 80 for line in out.splitlines())
    assert ((folder / "engagement.yaml").read_bytes(), states(folder)) == before


def test_diff_against_an_answers_file_as_json(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    new = tmp_path / "new.answers.yaml"
    answers = answers_of(folder) | {"modules": ["sales"], "loyalty_programme": False}
    new.write_text(yaml.safe_dump({"client": "x", "answers": answers}), encoding="utf-8")
    code, out, _ = run_cli("diff", folder, "--answers", new, "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] is False
    assert {c["question"] for c in data["changes"]} == {"modules", "loyalty_programme"}
    removed = {t["id"] for t in data["removed"]["tasks"]}
    assert {
        "post-06-loyalty-programme",
        "dep-07-marketing-automation",
        "dep-08-service-automation",
    } <= removed
    assert all(set(item) == {"id", "name"} for item in data["removed"]["requirements"])
    assert len(data["removed"]["requirements"]) > 12  # the text output stops at 12; JSON lists all


def test_apply_archives_with_history_and_adds_not_started(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    run_cli("task", folder, "start", "post-06-loyalty-programme", "--as", "ana")
    run_cli("task", folder, "note", "post-06-loyalty-programme", "tiers agreed", "--as", "ana")
    code, out, _ = run_cli(
        "diff",
        folder,
        "--set",
        "loyalty_programme=no",
        "--set",
        "has_crm_specialist=no",
        "--apply",
        "--as",
        "boris",
    )
    assert code == 0 and "Saved to" in out and "archived (their history is kept)" in out
    answers = answers_of(folder)
    assert answers["loyalty_programme"] is False and answers["has_crm_specialist"] is False
    all_states = states(folder)
    assert all_states["post-06-loyalty-programme"].archived
    assert all_states["post-06-loyalty-programme"].status == "in_progress"
    kinds = [(e.kind, e.author) for e in history(folder, "post-06-loyalty-programme")]
    assert kinds == [("create", "ana"), ("status", "ana"), ("note", "ana"), ("archive", "boris")]
    added = all_states["pre-04-hire-specialist"]
    assert (added.status, added.archived) == ("not_started", False)
    assert "post-06-loyalty-programme" not in states(folder, include_archived=False)
    # back again: the task returns with its state and history
    code, out, _ = run_cli("diff", folder, "--set", "loyalty_programme=yes", "--apply", "--json")
    data = json.loads(out)
    assert data["applied"] and data["tasks_synced"]["restored"] == ["post-06-loyalty-programme"]
    assert states(folder)["post-06-loyalty-programme"].status == "in_progress"
    assert history(folder, "post-06-loyalty-programme")[-1].kind == "restore"


def test_clearing_an_answer_and_no_change(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    code, out, _ = run_cli("diff", folder, "--set", "modules=", "--apply")
    assert code == 0 and "modules" in out and "marketing, sales, service -> (none)" in out
    assert "modules" not in answers_of(folder)
    code, out, _ = run_cli("diff", folder, "--set", "business_model=b2c")
    assert code == 0 and out == "No answer changes.\n"


def test_bad_diff_requests(run_cli, tmp_path):
    folder = fresh_engagement(tmp_path)
    before = (folder / "engagement.yaml").read_bytes()
    for args, message in (
        (["--set", "loyalty=no"], "unknown question 'loyalty'; did you mean loyalty_programme?"),
        (["--set", "modules=sales,crm"], "unknown option 'crm'"),
        (["--set", "sales_team_size=-4"], "expected at least 0"),
        (["--set", "noequals"], "expected QUESTION=VALUE"),
        ([], "give --answers FILE or --set QUESTION=VALUE"),
    ):
        code, _, err = run_cli("diff", folder, *args, "--apply")
        assert code == 2 and message in err, args
    bad = tmp_path / "bad.yaml"
    bad.write_text("business_model: b2c\nloyalty_programme: perhaps\n", encoding="utf-8")
    code, _, err = run_cli("diff", folder, "--answers", bad, "--apply")
    assert code == 2 and f"{bad}:2:20: error: answers.loyalty_programme:" in err
    assert (folder / "engagement.yaml").read_bytes() == before
