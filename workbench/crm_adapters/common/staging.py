"""Stage the designed permissions of one or more CRMs into a transaction's staging folder.

Layout: DIR/<target>/ holds only the adapter's files (so `crmwb audit DESIGN --from <target> DIR/<target>`
reads back exactly what was written), DIR/limitations.md and .json say, per target, every designed right
the CRM cannot express and what the export did instead, and DIR/crm-export.json lists the files written.
The switch into DIR is `workbench.app.export`'s transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.writers.transaction import Transaction

MANIFEST = "crm-export.json"
LIMITATIONS = ("limitations.md", "limitations.json")


@dataclass
class CrmStaged:
    written: dict[str, list[str]] = field(default_factory=dict)
    """target -> files staged, relative to the output folder"""
    limits: dict[str, list] = field(default_factory=dict)
    """target -> the designed rights it cannot express"""
    owned: set[str] = field(default_factory=set)
    """files an earlier CRM export into the folder wrote (ours to replace)"""
    stale: set[str] = field(default_factory=set)
    """files of a re-exported target this export no longer writes (removed)"""


def stage_crm(pb: Any, label: str, adapters: list, txn: Transaction, out: Path) -> CrmStaged:
    """Every target's files, limitations.md/.json and crm-export.json, staged."""
    from workbench.crm_adapters.registry import mapping_for
    from workbench.writers.crm.limitations import limitations_json, limitations_md

    staged = CrmStaged()
    staging = txn.staging
    for crm in adapters:
        mapping = mapping_for(pb, crm.name)
        staged.limits[crm.name] = list(crm.project(pb, mapping).limitations)
        folder = staging / crm.name
        folder.mkdir()
        crm.write(pb, mapping, folder)
        staged.written[crm.name] = [rel for rel in txn.staged() if rel.startswith(crm.name + "/")]
    previous = previous_crm(out)
    all_limits = {**_previous_limits(out), **staged.limits}
    (staging / MANIFEST).write_text(
        json.dumps({**previous, **staged.written}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    (staging / "limitations.md").write_text(limitations_md(label, all_limits), encoding="utf-8")
    (staging / "limitations.json").write_text(limitations_json(label, all_limits), encoding="utf-8")
    staged.owned = owned_crm(out, previous)
    staged.stale = {rel for name in staged.written for rel in previous.get(name, [])}
    return staged


def owned_crm(out: Path, previous: dict[str, list[str]] | None = None) -> set[str]:
    """Every file an earlier CRM export into `out` wrote, its manifest and limitations included (a
    stranger's limitations.md, with no manifest of ours beside it, is not ours)."""
    previous = previous_crm(out) if previous is None else previous
    ours = {MANIFEST, *LIMITATIONS} if previous else set()
    return {rel for files in previous.values() for rel in files} | ours


def previous_crm(out: Path) -> dict[str, list[str]]:
    """The files an earlier export wrote, per target; only paths inside `out` are trusted."""
    data = _read_json(out / MANIFEST)
    if not isinstance(data, dict):
        return {}
    safe = {}
    for name, files in data.items():
        if isinstance(files, list):
            safe[name] = [f for f in files if isinstance(f, str) and _inside(out, f)]
    return safe


def _inside(out: Path, rel: str) -> bool:
    try:
        return (out / rel).resolve().is_relative_to(out.resolve()) and not Path(rel).is_absolute()
    except (OSError, ValueError):
        return False


def _previous_limits(out: Path) -> dict[str, list]:
    """Limitations of targets exported earlier into the same folder and not re-exported now, so
    limitations.md keeps describing every target folder present."""
    from workbench.domain.drift import Limitation

    data = _read_json(out / "limitations.json")
    try:
        return {name: [Limitation(**x) for x in items] for name, items in data.get("targets", {}).items()}
    except (TypeError, AttributeError):
        return {}


def _read_json(path: Path):
    """One of our own JSON files from an earlier run, or {} when it is missing, not a regular file (never
    followed through a link), too large or not JSON."""
    from workbench.loading.bounded import BoundedReadError, read_bounded

    if path.is_symlink() or not path.is_file():
        return {}
    try:
        return json.loads(read_bounded(path, 16 << 20, path.name).decode("utf-8"))
    except (BoundedReadError, UnicodeDecodeError, ValueError):
        return {}
