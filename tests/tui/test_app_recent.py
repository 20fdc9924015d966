"""The recent-engagements list: state under $XDG_STATE_HOME, atomic, and never a reason to fail."""

from __future__ import annotations

import json

from workbench.app.recent import LIMIT, Recent, forget, load_recent, recent_file, remember


def entry(n: int, folder=None) -> Recent:
    return Recent(
        str(folder or f"/clients/c{n}"), f"Client {n}", "core 1.0.0", f"2026-03-{n:02d}T10:00:00+00:00"
    )


def test_remember_puts_the_latest_first_once(state_home, tmp_path):
    assert recent_file() == state_home / "crmwb" / "recent.json"
    remember(entry(1, tmp_path / "a"))
    remember(entry(2, tmp_path / "b"))
    remember(entry(3, tmp_path / "a"))
    assert [(r.client, r.folder) for r in load_recent()] == [
        ("Client 3", str(tmp_path / "a")),
        ("Client 2", str(tmp_path / "b")),
    ]
    assert not list(recent_file().parent.glob(".recent.json.*"))  # the atomic write left no temp file


def test_the_list_is_capped_and_forget_removes_one():
    for n in range(1, LIMIT + 5):
        remember(entry(n))
    items = load_recent()
    assert len(items) == LIMIT and items[0].client == f"Client {LIMIT + 4}"
    forget(items[0].folder)
    assert items[0].folder not in [r.folder for r in load_recent()]


def test_a_broken_file_reads_as_an_empty_list_and_is_replaced():
    recent_file().parent.mkdir(parents=True)
    for broken in ("{not json", "[1, 2]", '{"recent": "nope"}', "\xff\xfe"):
        recent_file().write_text(broken, encoding="latin-1")
        assert load_recent() == []
    recent_file().write_text(json.dumps({"recent": [{"folder": "/x", "client": 3}, entry(1).__dict__]}))
    assert [r.client for r in load_recent()] == ["Client 1"]  # the bad entry is skipped, not fatal
    remember(entry(2))
    assert [r.client for r in load_recent()] == ["Client 2", "Client 1"]


def test_an_unwritable_state_folder_is_not_an_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))  # crmwb/ cannot be made under a file
    assert remember(entry(1))[0].client == "Client 1"
    assert load_recent() == []
