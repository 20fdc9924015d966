"""Where playbooks come from: the bundled ones, `./playbooks`, and folders in $CRMWB_PLAYBOOKS."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
REPO_ROOT = PACKAGE_ROOT.parent


def resource_dir(name: str) -> Path:
    """A shipped folder (playbooks, templates, schema): inside the wheel, or beside the source tree."""
    bundled = PACKAGE_ROOT / "_bundled" / name
    return bundled if bundled.is_dir() else REPO_ROOT / name


def bundled_dir() -> Path:
    return resource_dir("playbooks")


@dataclass(frozen=True)
class PlaybookFile:
    id: str
    path: Path
    origin: str  # "bundled" or "local"


def search_dirs() -> list[tuple[Path, str]]:
    dirs = [(bundled_dir(), "bundled"), (Path.cwd() / "playbooks", "local")]
    for extra in os.environ.get("CRMWB_PLAYBOOKS", "").split(os.pathsep):
        if extra:
            dirs.append((Path(extra), "local"))
    return dirs


def discover() -> list[PlaybookFile]:
    """Every playbook file found, bundled first; a file seen twice (same path) is listed once."""
    seen: set[Path] = set()
    found: list[PlaybookFile] = []
    for folder, origin in search_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                found.append(PlaybookFile(path.stem, path, origin))
    return found


def find(ref: str, relative_to: Path | None = None) -> Path | None:
    """A playbook by file path (absolute, relative to cwd or to the referring file) or by bundled id."""
    candidates = [Path(ref)]
    if relative_to is not None:
        candidates.insert(0, relative_to.parent / ref)
    for candidate in candidates:
        if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
            return candidate
    for entry in discover():
        if entry.id == ref:
            return entry.path
    if relative_to is not None:
        sibling = relative_to.parent / f"{ref}.yaml"
        if sibling.is_file():
            return sibling
    return None
