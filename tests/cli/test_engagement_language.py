"""The engagement's `language:` field: written by `crmwb new`, validated on read, merged like any other
field, and the one rule every command follows: --lang > the engagement's language > $CRMWB_LANG > en."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "playbooks" / "examples" / "retail-chain.answers.yaml"


def _new(run_cli, folder: Path, *extra: str) -> None:
    code, out, err = run_cli(
        "new", folder, "--playbook", "core", "--answers", EXAMPLE, "--start", "2026-03-02", *extra
    )
    assert code == 0, err


def test_new_writes_the_language_and_every_command_speaks_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("CRMWB_LANG", raising=False)
    _new(run_cli, tmp_path / "e", "--lang", "ru")
    assert "language: ru" in (tmp_path / "e" / "engagement.yaml").read_text(encoding="utf-8")
    code, out, _err = run_cli("status", tmp_path / "e", "--today", "2026-04-15")
    assert code == 0 and "\nЭтапы\n" in out and "02.03.2026" not in out.splitlines()[0]
    assert "начало 02.03.2026" in out


def test_the_flag_wins_over_the_engagement_and_the_engagement_over_the_environment(
    run_cli, tmp_path, monkeypatch
):
    monkeypatch.setenv("CRMWB_LANG", "ru")
    _new(run_cli, tmp_path / "e", "--lang", "fa")
    assert run_cli("phase", tmp_path / "e", "list")[1].startswith("پیش از استقرار")
    assert run_cli("phase", tmp_path / "e", "list", "--lang", "en")[1].startswith("Pre-deployment")
    assert run_cli("phase", tmp_path / "e", "--lang", "ru", "list")[1].startswith("Подготовка к внедрению")


def test_new_defaults_to_crmwb_lang_then_english(run_cli, tmp_path, monkeypatch):
    from workbench.store.engagement import read

    monkeypatch.setenv("CRMWB_LANG", "fa")
    _new(run_cli, tmp_path / "fa")
    monkeypatch.delenv("CRMWB_LANG")
    _new(run_cli, tmp_path / "en")
    assert (read(tmp_path / "fa").language, read(tmp_path / "en").language) == ("fa", "en")


def test_an_engagement_without_the_field_follows_crmwb_lang(run_cli, tmp_path, monkeypatch):
    monkeypatch.delenv("CRMWB_LANG", raising=False)
    _new(run_cli, tmp_path / "e", "--lang", "ru")
    path = tmp_path / "e" / "engagement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: ru\n", ""), encoding="utf-8")
    assert run_cli("phase", tmp_path / "e", "list")[1].startswith("Pre-deployment")
    monkeypatch.setenv("CRMWB_LANG", "ru")
    assert run_cli("phase", tmp_path / "e", "list")[1].startswith("Подготовка к внедрению")


@pytest.mark.parametrize("value", ["de", "[fa]", "''"])
def test_an_unknown_language_is_a_located_error(run_cli, tmp_path, value):
    _new(run_cli, tmp_path / "e", "--lang", "ru")
    path = tmp_path / "e" / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("language: ru\n", f"language: {value}\n"), encoding="utf-8")
    line = text.splitlines().index("language: ru") + 1
    code, _out, err = run_cli("status", tmp_path / "e")
    assert code == 2 and f"engagement.yaml:{line}:" in err and "expected one of: en, fa, ru" in err


def test_a_hand_edited_language_is_kept_by_a_later_save(run_cli, tmp_path):
    """Another writer (here: a hand edit) changed the language after this one loaded the file: the answer
    save merges onto it instead of writing the old language back."""
    from dataclasses import replace

    from workbench.store.engagement import read
    from workbench.store.engagement_save import save_engagement

    _new(run_cli, tmp_path / "e", "--lang", "ru")
    loaded = read(tmp_path / "e")
    path = tmp_path / "e" / "engagement.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("language: ru", "language: fa"), encoding="utf-8"
    )
    answers = dict(loaded.answers, sponsor_named=True)
    result = save_engagement(loaded, replace(loaded, answers=answers))
    written = read(tmp_path / "e")
    assert written.language == "fa" and written.answers["sponsor_named"] is True
    assert "language" in result.taken


def test_the_workbench_tui_keeps_its_own_language(tmp_path, monkeypatch):
    import argparse

    from workbench.cli.engagement_args import resolve_language

    monkeypatch.delenv("CRMWB_LANG", raising=False)
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / "engagement.yaml").write_text("language: fa\n", encoding="utf-8")
    assert resolve_language(argparse.Namespace(command="open", folder=folder)) == "en"
