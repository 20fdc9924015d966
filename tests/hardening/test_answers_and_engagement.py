"""Hostile answers files and engagement.yaml through the real CLI (`validate --answers`, `show`, `new`,
`status`): strict shapes, located problems, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.conftest import MINI, assert_bad_input, crmwb, line_col


def answers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "fragment", "at"),
    [
        ("business_model: 2024-02-30\n", "not a real date", "2024"),
        ("specialist_share: " + "9" * 5000 + "\n", "5,000 characters", "9999"),
        ("specialist_share: .nan\n", "not a finite number", ".nan"),
        ("specialist_share: -.inf\n", "not a finite number", "-.inf"),
        ("answers: []\n", "'answers' is an empty list; expected a mapping", "[]"),
        ("answers:\n  - b2b\n", "'answers' is a list; expected a mapping", "- b2b"),
        ("client: [a]\nanswers: {business_model: b2b}\n", "'client' is a list; expected the client's", "[a]"),
        ("client: {name: x}\nanswers: {}\n", "'client' is a mapping", "{name"),
        ("playbook: [mini]\nanswers: {}\n", "'playbook' is a list", "[mini]"),
        ("business_model: b2b\nnotes: a\x00b\n", "U+0000 (NUL)", "\x00"),
        ('business_model: "b2\\0b"\n', "U+0000 (NUL)", '"b2'),
        ("- business_model\n", "must be a mapping of question id -> answer; found a list", "- business"),
    ],
)
@pytest.mark.parametrize("command", ["validate", "show"])
def test_bad_answers_file_is_located(tmp_path, command, text, fragment, at):
    answers(tmp_path, text)
    result = crmwb(command, MINI, "--answers", "a.yaml", cwd=tmp_path)
    assert_bad_input(result, f"a.yaml:{line_col(text, at)}", fragment)


def test_new_refuses_a_bad_answers_file_and_writes_nothing(tmp_path):
    answers(tmp_path, "specialist_share: .nan\n")
    result = crmwb("new", "eng", "--playbook", MINI, "--answers", "a.yaml", cwd=tmp_path)
    assert_bad_input(result, "a.yaml:1:19", "not a finite number")
    assert not (tmp_path / "eng").exists()


def test_new_refuses_a_client_name_with_a_control_character(tmp_path):
    result = crmwb("new", "eng", "--playbook", MINI, "--client", "Acme\x1b[31m", cwd=tmp_path)
    assert result.returncode == 2 and "control character" in result.stderr, result.stderr
    assert not (tmp_path / "eng" / "engagement.yaml").exists()


@pytest.fixture
def engagement(tmp_path, run_cli) -> tuple[Path, str]:
    """A real engagement made by `crmwb new`; returns its folder and the text of its engagement.yaml."""
    code, _, err = run_cli(
        "new", tmp_path / "eng", "--playbook", MINI, "--start", "2025-02-03", "--client", "Acme"
    )
    assert code == 0, err
    folder = tmp_path / "eng"
    return folder, (folder / "engagement.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "fragment", "at"),
    [
        ("start: 2025-02-03", "start: 2025-02-30", "not a real date", "2025-02-30"),
        ("start: 2025-02-03", "start: 2025-13-01", "not a real date", "2025-13-01"),
        ("client: Acme", "client: [a]", "'client' is a list; expected the client's name", "[a]"),
        ("answers: {}", "answers: []", "'answers' is an empty list; expected a mapping", "[]"),
        ("answers: {}", "answers: {specialist_share: .nan}", "not a finite number", ".nan"),
        ("answers: {}", "answers: {specialist_share: " + "1" * 4400 + "}", "4,400 characters", "1111"),
        (
            "answers: {}",
            "answers: {}\noverrides: []",
            "'overrides' is an empty list; expected a mapping",
            "[]",
        ),
        ("client: Acme", 'client: "Ac\\0me"', "U+0000 (NUL)", '"Ac'),
        ("client: Acme", "client: Ac\x00me", "U+0000 (NUL)", "\x00"),
    ],
)
def test_bad_engagement_file_is_located_by_status(engagement, old, new, fragment, at):
    folder, text = engagement
    assert old in text
    edited = text.replace(old, new, 1)
    (folder / "engagement.yaml").write_text(edited, encoding="utf-8")
    result = crmwb("status", "eng", cwd=folder.parent)
    assert_bad_input(result, f"eng/engagement.yaml:{line_col(edited, at)}", fragment)


def test_unchanged_engagement_still_opens(engagement):
    folder, _ = engagement
    result = crmwb("status", "eng", cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    assert "Acme" in result.stdout
