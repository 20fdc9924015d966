"""Writers at the same time on one engagement.yaml: the CLI in real processes, the TUI's Session API, and
a person editing the file by hand. Changes to different fields all land; the same field changed to two
values refuses the later save by name; nothing is lost silently."""

from __future__ import annotations

import sys

import yaml

from tests.engagement.concurrency_helpers import StaleWriter, crmwb
from tests.engagement.lifecycle_helpers import answers_of, fresh_engagement, states


def _doc(folder):
    return yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))


def test_two_processes_that_loaded_the_same_file_change_different_answers_and_both_land(tmp_path):
    folder = fresh_engagement(tmp_path)
    first_revision = _doc(folder)["revision"]
    one, two = StaleWriter(folder, "sponsor_named", "yes"), StaleWriter(folder, "budget_approved", "no")
    (code_one, out_one), (code_two, out_two) = one.save(), two.save()
    assert (code_one, code_two) == (0, 0), out_one + out_two
    assert "kept answers.sponsor_named" in out_two  # the second writer merged the first one's change
    doc = _doc(folder)
    assert (doc["answers"]["sponsor_named"], doc["answers"]["budget_approved"]) == (True, False)
    assert doc["revision"] == first_revision + 2


def test_the_same_answer_changed_by_two_processes_refuses_the_second_and_names_it(tmp_path):
    folder = fresh_engagement(tmp_path)
    one, two = StaleWriter(folder, "sponsor_named", "yes"), StaleWriter(folder, "sponsor_named", "no")
    code_one, _ = one.save()
    code_two, out = two.save()
    assert (code_one, code_two) == (0, 3)
    assert "not saved" in out and "answers.sponsor_named (yours: False; now in the file: True)" in out
    assert answers_of(folder)["sponsor_named"] is True


def test_the_cli_refuses_an_answer_another_writer_changed_between_its_load_and_its_save(
    tmp_path, monkeypatch, capsys
):
    """Another writer slips in after `diff --apply` read the file: a hand edit made while the CLI waits
    for the folder lock. Its `sponsor_named` stays; the CLI exits 2 naming the field; nothing is
    half-saved."""
    import workbench.store.engagement_save as saving
    from workbench.cli.main import main

    folder = fresh_engagement(tmp_path)
    real_lock = saving.folder_lock
    path = folder / "engagement.yaml"

    def hand_edit_then_lock(where):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("answers:\n", "answers:\n  sponsor_named: false\n", 1), encoding="utf-8")
        return real_lock(where)

    monkeypatch.setattr(saving, "folder_lock", hand_edit_then_lock)
    before = states(folder)
    code = main(
        ["diff", str(folder), "--set", "sponsor_named=yes", "--set", "loyalty_programme=no", "--apply"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "crmwb diff: error:" in err
    assert "answers.sponsor_named (yours: True; now in the file: False)" in err
    answers = answers_of(folder)
    assert answers["sponsor_named"] is False and answers["loyalty_programme"] is True  # nothing of the CLI's
    assert states(folder) == before


def test_a_hand_edit_of_another_answer_is_kept_by_the_cli(tmp_path, monkeypatch):
    import workbench.store.engagement_save as saving
    from workbench.cli.main import main

    folder = fresh_engagement(tmp_path)
    real_lock = saving.folder_lock
    path = folder / "engagement.yaml"
    revision = _doc(folder)["revision"]

    def hand_edit_then_lock(where):
        path.write_text(
            path.read_text(encoding="utf-8").replace("client: ", "client: Renamed ", 1), encoding="utf-8"
        )
        return real_lock(where)

    monkeypatch.setattr(saving, "folder_lock", hand_edit_then_lock)
    assert main(["diff", str(folder), "--set", "sponsor_named=yes", "--apply"]) == 0
    doc = _doc(folder)
    assert doc["client"].startswith("Renamed ") and doc["answers"]["sponsor_named"] is True
    assert doc["revision"] == revision + 1


def test_a_tui_session_save_after_a_cli_apply_keeps_the_cli_change(tmp_path):
    """The reproduction: intake open in the TUI, `crmwb diff --set sponsor_named=yes --apply` in a shell,
    then an edit in the TUI. The CLI's answer used to disappear."""
    from workbench.app.session import Session

    folder = fresh_engagement(tmp_path)
    session = Session.open(folder, "tui-user")
    try:
        screen_answers = dict(session.opened.engagement.answers)  # what the intake screen holds
        result = crmwb(
            "diff",
            str(folder),
            "--set",
            "sponsor_named=yes",
            "--set",
            "loyalty_programme=no",
            "--apply",
            "--as",
            "cli-user",
        )
        assert result.returncode == 0, result.stderr
        archived = {t for t, s in states(folder).items() if s.archived}
        assert archived
        screen_answers["budget_approved"] = True
        saved = session.save_answers(screen_answers)
        assert set(saved.taken) == {"answers.sponsor_named", "answers.loyalty_programme"}
        assert saved.changed == ["answers.budget_approved"] and saved.sync_error is None
        answers = answers_of(folder)
        assert (answers["sponsor_named"], answers["loyalty_programme"], answers["budget_approved"]) == (
            True,
            False,
            True,
        )
        # the session re-opened on the merged answers: the CLI's archived tasks stay archived
        assert archived.isdisjoint(session.states())
        assert session.opened.engagement.answers == answers
    finally:
        session.close()


def test_a_tui_rfp_edit_after_a_cli_apply_keeps_both(tmp_path):
    from workbench.app.session import Session

    folder = fresh_engagement(tmp_path)
    session = Session.open(folder, "tui-user")
    try:
        req = session.opened.resolved.requirements[0]
        assert crmwb("diff", str(folder), "--set", "sponsor_named=yes", "--apply").returncode == 0
        result = session.save_overrides({"requirements": {req.id: {"priority": "could", "weight": 2}}})
        assert "answers.sponsor_named" in result.taken
        doc = _doc(folder)
        assert doc["answers"]["sponsor_named"] is True
        assert doc["overrides"] == {"requirements": {req.id: {"priority": "could", "weight": 2}}}
    finally:
        session.close()


def test_a_session_answer_changed_by_the_cli_too_is_refused_and_the_cli_value_stays(tmp_path):
    from workbench.app.session import Session
    from workbench.store.engagement_save import EditConflict

    folder = fresh_engagement(tmp_path)
    session = Session.open(folder, "tui-user")
    try:
        screen = dict(session.opened.engagement.answers)
        assert crmwb("diff", str(folder), "--set", "sponsor_named=yes", "--apply").returncode == 0
        screen["sponsor_named"] = False
        try:
            session.save_answers(screen)
        except EditConflict as exc:
            assert exc.fields == ["answers.sponsor_named"]
            assert "another program or a hand edit changed the same field" in str(exc)
        else:
            raise AssertionError("the conflicting save was not refused")
        assert answers_of(folder)["sponsor_named"] is True
    finally:
        session.close()


def test_the_revision_counts_every_write_and_a_bad_one_is_a_located_error(tmp_path):
    folder = fresh_engagement(tmp_path)
    assert _doc(folder)["revision"] == 1  # `new` wrote it once
    assert crmwb("diff", str(folder), "--set", "sponsor_named=yes", "--apply").returncode == 0
    assert crmwb("diff", str(folder), "--set", "sponsor_named=yes", "--apply").returncode == 0  # no change
    assert _doc(folder)["revision"] == 2
    path = folder / "engagement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("revision: 2", "revision: -4"), encoding="utf-8")
    result = crmwb("status", str(folder))
    line = next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("revision:")
    )
    assert result.returncode == 2
    expected = f"engagement.yaml:{line}:11: error: revision: -4; expected a whole number, 0 or more"
    assert expected in result.stderr


def test_two_new_commands_racing_for_one_folder_create_it_once(tmp_path):
    import subprocess
    import sys

    from tests.engagement.concurrency_helpers import ROOT
    from tests.engagement.lifecycle_helpers import RETAIL

    target = tmp_path / "race"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "workbench",
                "new",
                str(target),
                "--playbook",
                "core",
                "--answers",
                str(RETAIL),
                "--client",
                name,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("First", "Second")
    ]
    results = [(p.wait(120), p.stderr.read()) for p in procs]
    assert sorted(code for code, _ in results) == [0, 2]
    assert any("already holds an engagement" in err for _, err in results)
    assert _doc(target)["revision"] == 1


def test_a_hand_edit_that_breaks_the_file_mid_save_is_a_located_error_not_a_crash(
    tmp_path, monkeypatch, capsys
):
    import workbench.store.engagement_save as saving
    from workbench.cli.main import main

    folder = fresh_engagement(tmp_path)
    real_lock = saving.folder_lock
    path = folder / "engagement.yaml"

    def break_then_lock(where):
        path.write_text(path.read_text(encoding="utf-8").replace("start: ", "start: [", 1), encoding="utf-8")
        return real_lock(where)

    monkeypatch.setattr(saving, "folder_lock", break_then_lock)
    code = main(["diff", str(folder), "--set", "sponsor_named=yes", "--apply"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path}:" in err and "internal error" not in err
    assert "start: [" in path.read_text(encoding="utf-8")  # the person's file is left as they wrote it


def test_a_store_that_cannot_be_made_leaves_no_engagement_behind(tmp_path):
    from tests.engagement.lifecycle_helpers import RETAIL

    target = tmp_path / "new"
    (target / "state.db").mkdir(parents=True)  # state.db cannot be opened as a file
    result = crmwb("new", str(target), "--playbook", "core", "--answers", str(RETAIL))
    assert result.returncode == 2, result.stderr
    assert "state.db" in result.stderr and "internal error" not in result.stderr
    assert not (target / "engagement.yaml").exists()


def test_intake_in_a_terminal_keeps_a_shell_change_and_does_not_overwrite_the_same_answer(
    run_cli, tmp_path, monkeypatch
):
    """`crmwb intake` running while another program saves: before the first answer is saved, a shell sets
    sponsor_named and budget_approved, both of which the interview then answers differently: each is
    refused and said so, the shell's values stay, and the interview's other answer is saved beside them."""
    import workbench.store.engagement_save as saving

    from .test_lifecycle_intake_cli import Typist

    folder = fresh_engagement(tmp_path)
    real_lock, calls = saving.folder_lock, []

    def shell_first(where):
        if not calls:
            result = crmwb(
                "diff", str(folder), "--set", "sponsor_named=no", "--set", "budget_approved=yes", "--apply"
            )
            assert result.returncode == 0, result.stderr
        calls.append(where)
        return real_lock(where)

    monkeypatch.setattr(saving, "folder_lock", shell_first)
    monkeypatch.setattr(sys, "stdin", Typist(["y", "n", "12", ""], interrupt=False))
    code, out, err = run_cli("intake", folder, "--as", "ana")
    assert code == 0, err
    assert "answers.sponsor_named (yours: True; now in the file: False)" in out
    assert "answers.budget_approved (yours: False; now in the file: True)" in out
    assert "Not saved (see above): answers.sponsor_named, answers.budget_approved." in out
    answers = answers_of(folder)
    assert (answers["sponsor_named"], answers["budget_approved"], answers["target_go_live_months"]) == (
        False,
        True,
        12,
    )
