"""Where playbooks come from: the bundled ones, `./playbooks`, and folders in $CRMWB_PLAYBOOKS."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workbench.i18n import _

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


def real_path(path: Path) -> Path:
    """`path` with its links followed; as given when they cannot be (a link loop makes `resolve()` raise
    RuntimeError on Python 3.11, and reading it then fails with a clean, located error instead)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


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
            real = real_path(path)
            if real not in seen:
                seen.add(real)
                found.append(PlaybookFile(path.stem, path, origin))
    return found


def find(ref: str) -> Path | None:
    """A playbook by id: bundled first, then `./playbooks` and the folders in $CRMWB_PLAYBOOKS."""
    for entry in discover():
        if entry.id == ref:
            return entry.path
    return None


class BaseRefused(Exception):
    """`extends:` names a file the overlay may not read; the message says why, never what the file holds."""


def find_base(ref: str, overlay: Path) -> Path | None:
    """The base playbook an overlay's `extends:` names, or None when there is none by that name.

    A base is a playbook id from the search path (bundled, `./playbooks`, $CRMWB_PLAYBOOKS) or a file
    under the overlay's own folder (`base.yaml`, `bases/retail.yaml`). An overlay is often a file someone
    sent: `extends: /etc/...` or `../../secret.yaml` must not make crmwb read, and then quote in an error,
    any YAML file on the machine, so absolute paths and paths leaving the folder (symlinks included)
    raise BaseRefused before anything is read."""
    as_path = Path(ref)
    is_path = as_path.suffix in (".yaml", ".yml") or "/" in ref or "\\" in ref
    if not is_path:
        found = find(ref)
        if found is not None:
            return found
        as_path = Path(f"{ref}.yaml")
    if as_path.is_absolute() or as_path.drive:
        raise BaseRefused(_("an absolute path; expected a playbook id or a file in the overlay's folder"))
    folder = real_path(overlay).parent
    try:
        candidate = (folder / as_path).resolve()
    except (OSError, RuntimeError):
        raise BaseRefused(
            _("a link that loops back on itself; expected a playbook id or a file in the overlay's folder")
        ) from None
    if not candidate.is_relative_to(folder):
        raise BaseRefused(
            _(
                "a file outside the overlay's folder {folder}; expected a playbook id or a file "
                "in that folder"
            ).format(folder=folder)
        )
    if candidate.is_file():
        return folder / as_path
    if is_path and as_path.parent == Path("."):  # `extends: core.yaml` for the bundled core
        return find(as_path.stem)
    return None
