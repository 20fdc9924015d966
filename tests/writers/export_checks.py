"""What "one consistent export" means, checked on the folder itself: a manifest of ours, every file it lists
present with its size and sha256, no file it does not list, and no staging folder of any run."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from workbench.writers.transaction import LEGACY_PREFIXES, WORK


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under folder (links included, never followed), relative POSIX path -> bytes."""
    found = {}
    for root, dirs, names in os.walk(folder):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = Path(root) / name
            rel = path.relative_to(folder).as_posix()
            found[rel] = b"<link>" if path.is_symlink() else path.read_bytes()
    return found


def assert_consistent(folder: Path) -> dict:
    """The folder holds exactly one export: returns its manifest."""
    leftovers = [p.name for p in folder.iterdir() if p.name == WORK or p.name.startswith(LEGACY_PREFIXES)]
    assert leftovers == [], f"staging debris: {leftovers}"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["generator"].startswith("crmwb ")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert listed, "the manifest lists no file"
    present = files_in(folder)
    assert set(present) - {"manifest.json"} == set(listed)
    for rel, entry in listed.items():
        data = present[rel]
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), rel
    return manifest
