"""Playbook files parsed once per process (loading/parsed_playbooks.py): the same bytes are not parsed
twice, a changed byte is, an error is reported every time, and nothing a load does changes a kept tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.domain.resolve import resolve
from workbench.loading import parsed_playbooks
from workbench.loading.located_yaml import plain
from workbench.loading.parsed_playbooks import forget_parsed, read_playbook_file
from workbench.loading.playbooks import load_playbook

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The files parsed (not served from what was kept) from here on."""
    forget_parsed()
    seen: list[str] = []
    real = parsed_playbooks.parse_yaml_bytes

    def counting(raw: bytes, file: str, *args):
        seen.append(Path(file).name)
        return real(raw, file, *args)

    monkeypatch.setattr(parsed_playbooks, "parse_yaml_bytes", counting)
    return seen


def test_the_same_bytes_are_parsed_once_and_load_alike(tmp_path, parses):
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    first, second = load_playbook(path), load_playbook(path)
    assert parses == ["mini.yaml"]
    assert first.ok and second.ok
    assert first.model == second.model and first.problems == second.problems


def test_a_changed_byte_is_parsed_again_and_shows(tmp_path, parses):
    path = tmp_path / "mini.yaml"
    text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert load_playbook(path).model.version == "0.1"
    path.write_text(text.replace('version: "0.1"', 'version: "0.2"'), encoding="utf-8")
    assert load_playbook(path).model.version == "0.2"
    assert parses == ["mini.yaml", "mini.yaml"]


def test_a_file_that_does_not_parse_is_reported_every_time(tmp_path, parses):
    path = tmp_path / "bad.yaml"
    path.write_text("id: bad\nname: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        loaded = load_playbook(path)
        assert not loaded.ok
        assert [p.code for p in loaded.problems] == ["yaml"] and loaded.problems[0].line >= 2
    assert parses == ["bad.yaml", "bad.yaml"]


def test_loading_an_overlay_and_resolving_leave_the_kept_trees_as_parsed(tmp_path, parses):
    base = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", base)
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "extends: mini.yaml\nid: mini-overlay\nversion: '0.1.1'\nname: {en: Overlay, fa: لایه, ru: Слой}\n"
        "requirements:\n  - {id: R1, remove: true}\n",
        encoding="utf-8",
    )
    base_before = plain(read_playbook_file(base, "playbook"))
    overlay_before = plain(read_playbook_file(overlay, "playbook"))
    loaded = load_playbook(overlay)
    assert loaded.ok, [str(p) for p in loaded.problems]
    assert "R1" not in [r.id for r in loaded.model.requirements]
    resolve(loaded.model, {"modules": ["sales", "service"], "has_specialist": True})
    assert plain(read_playbook_file(base, "playbook")) == base_before
    assert plain(read_playbook_file(overlay, "playbook")) == overlay_before
    assert "R1" in [r.id for r in load_playbook(base).model.requirements]  # the base is still whole
    assert sorted(parses) == ["mini.yaml", "overlay.yaml"]


def test_big_files_are_parsed_each_time_and_never_kept(tmp_path, parses, monkeypatch):
    monkeypatch.setattr(parsed_playbooks, "KEPT_FILE_BYTES", 100)
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini.yaml", path)
    load_playbook(path)
    load_playbook(path)
    assert parses == ["mini.yaml", "mini.yaml"]


def test_only_the_last_few_files_are_kept(tmp_path, parses, monkeypatch):
    monkeypatch.setattr(parsed_playbooks, "KEPT_FILES", 2)
    paths = []
    for name in ("a", "b", "c"):
        paths.append(tmp_path / f"{name}.yaml")
        shutil.copy(DATA / "mini.yaml", paths[-1])
        load_playbook(paths[-1])
    load_playbook(paths[0])  # pushed out by c
    load_playbook(paths[2])  # still kept
    assert parses == ["a.yaml", "b.yaml", "c.yaml", "a.yaml"]
