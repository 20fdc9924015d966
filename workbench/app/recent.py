"""Recently opened engagements, for the start screen and the palette's "engagement: open ..." entries.

Kept in the platform's state folder (platformdirs: `$XDG_STATE_HOME/crmwb`, default `~/.local/state/crmwb`
on Linux, `~/Library/Application Support/crmwb` on macOS, `%LOCALAPPDATA%\\crmwb` on Windows), or
`$CRMWB_STATE_DIR`: state, not configuration, and never inside an engagement folder. Written
atomically; a missing, unreadable or corrupt file reads as an empty list, because a lost recent list must
never stop anyone from working. No Textual here.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.store.engagement_file import is_engagement
from workbench.writers.atomic import write_text_atomic

LIMIT = 12
FILE_NAME = "recent.json"


@dataclass(frozen=True)
class Recent:
    folder: str
    """absolute path of the engagement folder"""
    client: str
    playbook: str
    opened: str
    """when it was last opened, ISO 8601"""

    @property
    def exists(self) -> bool:
        return is_engagement(self.folder)


def state_dir() -> Path:
    override = os.environ.get("CRMWB_STATE_DIR", "").strip()
    if override:
        return Path(override)
    from platformdirs import user_state_path

    return user_state_path("crmwb", appauthor=False)


def recent_file() -> Path:
    return state_dir() / FILE_NAME


def _parse(item: object) -> Recent | None:
    if not isinstance(item, dict):
        return None
    folder, client, playbook, opened = (item.get(key) for key in ("folder", "client", "playbook", "opened"))
    if not (
        isinstance(folder, str)
        and isinstance(client, str)
        and isinstance(playbook, str)
        and isinstance(opened, str)
    ):
        return None
    return Recent(folder, client, playbook, opened) if folder else None


def load_recent(path: Path | None = None) -> list[Recent]:
    """Most recent first; entries that cannot be read are skipped, a broken file gives []."""
    try:
        data = json.loads((path or recent_file()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = data.get("recent") if isinstance(data, dict) else None
    return [r for r in map(_parse, items if isinstance(items, list) else []) if r is not None]


def _save(items: list[Recent], path: Path | None) -> None:
    text = json.dumps({"recent": [asdict(r) for r in items[:LIMIT]]}, ensure_ascii=False, indent=2) + "\n"
    try:
        write_text_atomic(path or recent_file(), text)
    except OSError:
        pass  # a read-only home must not stop the workbench; the list is a convenience


def remember(entry: Recent, path: Path | None = None) -> list[Recent]:
    """Put `entry` first (replacing an older entry for the same folder); returns the new list."""
    entry = Recent(str(Path(entry.folder).resolve()), entry.client, entry.playbook, entry.opened)
    items = [entry] + [r for r in load_recent(path) if r.folder != entry.folder]
    _save(items, path)
    return items[:LIMIT]


def forget(folder: str, path: Path | None = None) -> list[Recent]:
    """Drop `folder` from the list (the folder itself is left alone)."""
    items = [r for r in load_recent(path) if r.folder != folder]
    _save(items, path)
    return items
