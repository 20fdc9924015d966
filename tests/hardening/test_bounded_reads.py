"""Paths that are not regular files (a FIFO, /dev/zero behind a symlink, /dev/stdin, a folder) and `extends:`
reaching outside the overlay's folder: refused before anything is read, with exit 2, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening.conftest import MINI, assert_bad_input, crmwb

SECRET = "TOPSECRET-do-not-print"


def hostile_paths(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    stdin = tmp_path / "stdin.yaml"
    stdin.symlink_to("/dev/stdin")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    return {"fifo": fifo, "zero": zero, "stdin": stdin, "folder": folder}


@pytest.mark.parametrize("kind", ["fifo", "zero", "stdin", "folder"])
def test_playbook_that_is_not_a_regular_file_is_refused(tmp_path, kind):
    path = hostile_paths(tmp_path)[kind]
    result = crmwb("validate", path.name, cwd=tmp_path)
    expected = "is a folder" if kind == "folder" else "not a regular file"
    assert_bad_input(result, path.name, expected)


@pytest.mark.parametrize("kind", ["fifo", "zero", "folder"])
@pytest.mark.parametrize("command", ["validate", "show"])
def test_answers_file_that_is_not_a_regular_file_is_refused(tmp_path, command, kind):
    path = hostile_paths(tmp_path)[kind]
    result = crmwb(command, MINI, "--answers", path.name, cwd=tmp_path)
    assert_bad_input(result, path.name, "answers file")


def test_engagement_whose_playbook_is_a_fifo_is_refused(tmp_path, run_cli):
    code, _, err = run_cli("new", tmp_path / "eng", "--playbook", MINI, "--client", "Acme")
    assert code == 0, err
    os.mkfifo(tmp_path / "eng" / "pb.yaml")
    path = tmp_path / "eng" / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"playbook: {MINI}", "playbook: pb.yaml"), encoding="utf-8")
    assert "playbook: pb.yaml" in path.read_text(encoding="utf-8")
    result = crmwb("status", "eng", cwd=tmp_path)
    assert_bad_input(result, "eng/pb.yaml", "not a regular file")


def overlay(folder: Path, extends: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "overlay.yaml"
    path.write_text(f'id: overlay\nversion: "1.0"\nname: Overlay\nextends: {extends}\n', encoding="utf-8")
    return path


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.yaml"
    path.write_text(f"{SECRET}\n", encoding="utf-8")  # a scalar: the old loader quoted it in its error
    return path


@pytest.mark.parametrize(
    ("extends", "fragment"),
    [
        ("../secret.yaml", "outside the overlay's folder"),
        ("{secret}", "an absolute path"),
        ("sub/../../secret.yaml", "outside the overlay's folder"),
        ("link.yaml", "outside the overlay's folder"),
        ("zero.yaml", "outside the overlay's folder"),
    ],
)
def test_extends_outside_the_overlay_folder_is_refused_unread(tmp_path, secret, extends, fragment):
    folder = tmp_path / "work"
    path = overlay(folder, extends.format(secret=secret))
    (folder / "link.yaml").symlink_to(secret)
    (folder / "zero.yaml").symlink_to("/dev/zero")
    result = crmwb("validate", path.relative_to(tmp_path), cwd=tmp_path)
    assert_bad_input(result, "work/overlay.yaml:4:10", fragment)
    assert SECRET not in result.stderr + result.stdout


def test_extends_may_name_a_file_under_the_overlay_folder_or_a_bundled_id(tmp_path):
    (tmp_path / "bases").mkdir()
    (tmp_path / "bases" / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    overlay(tmp_path, "bases/mini.yaml")
    result = crmwb("validate", "overlay.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "overlay 1.0" in result.stdout
    overlay(tmp_path, "core")
    result = crmwb("validate", "overlay.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_extends_of_a_non_mapping_base_does_not_echo_its_content(tmp_path):
    (tmp_path / "base.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    overlay(tmp_path, "base.yaml")
    result = crmwb("validate", "overlay.yaml", cwd=tmp_path)
    assert_bad_input(result, f"{tmp_path / 'base.yaml'}:1:1", "must be a YAML mapping")
    assert SECRET not in result.stderr + result.stdout


def test_symlink_loops_are_bad_input_not_a_crash(tmp_path):
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "playbooks" / "loop.yaml").symlink_to("loop.yaml")  # on the search path
    (tmp_path / "self.yaml").symlink_to("self.yaml")
    result = crmwb("validate", "core", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = crmwb("validate", "loop", cwd=tmp_path)
    assert_bad_input(result, str(tmp_path / "playbooks" / "loop.yaml"), "symbolic links")
    result = crmwb("validate", "self.yaml", cwd=tmp_path)
    assert_bad_input(result, "self.yaml", "symbolic links")
    overlay(tmp_path / "work", "self.yaml")
    (tmp_path / "work" / "self.yaml").symlink_to("self.yaml")
    result = crmwb("validate", "work/overlay.yaml", cwd=tmp_path)
    assert_bad_input(result, "work/overlay.yaml:4:10", "loops back on itself")
