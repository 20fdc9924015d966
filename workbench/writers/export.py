"""Run a set of writers as one transaction (`workbench.writers.transaction`): every file is written into a
staging folder inside the output folder, the manifest is built from exactly those files, and the whole set
is switched in only when every writer succeeded and the folder passed its checks. After a failure or a
kill the folder holds the previous export with its manifest or the new one with its manifest."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.i18n import _
from workbench.writers import registry
from workbench.writers.context import ExportContext
from workbench.writers.manifest import MANIFEST, build_manifest, foreign_reason, owned_paths, read_manifest
from workbench.writers.transaction import Changes, FolderRefused, Rules, Transaction

Progress = Callable[[int, int, str], None]
"""progress(done, total, label): called before each writer runs and once at the end."""


@dataclass
class ExportResult:
    folder: Path
    files: list[Path]
    manifest: Path
    changes: Changes = field(default_factory=Changes)


def export(
    ctx: ExportContext,
    folder: Path,
    only: list[str] | None = None,
    formats: list[str] | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> ExportResult:
    """Write the deliverables into `folder` all or nothing. Raises FolderRefused (nothing changed) when the
    folder holds another client's export or files that are not ours (unless `force`), OSError when the
    disk fails (nothing changed either), and whatever a writer raises (nothing changed)."""
    pairs = registry.select(only, formats)
    folder = Path(folder)
    with Transaction(folder) as txn:
        previous = read_manifest(folder)
        reason = foreign_reason(previous, ctx) if previous else None
        if reason and not force:
            message = _(
                "{folder} holds the export of {whose}; choose another folder or pass --force to "
                "replace it; nothing was changed"
            )
            raise FolderRefused(message.format(folder=folder, whose=reason))
        written = _run_writers(ctx, txn, pairs, progress)
        manifest = build_manifest(ctx, txn.staging, written)
        (txn.staging / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        owned = owned_paths(previous) if previous else set()
        changes = txn.commit(Rules(owned=owned, remove=owned, force=force), last=[MANIFEST])
    if progress:
        progress(len(pairs), len(pairs), "done")
    return ExportResult(
        folder, [folder / entry["path"] for entry in manifest["files"]], folder / MANIFEST, changes
    )


def _run_writers(
    ctx: ExportContext, txn: Transaction, pairs: list[tuple[str, str]], progress: Progress | None
) -> list[tuple[str, str, Path]]:
    """Each staged file is credited to the writer that created it, whether or not the writer returned it,
    so the manifest lists every file the export puts in the folder."""
    written: list[tuple[str, str, Path]] = []
    seen: set[str] = set()
    for index, (deliverable, fmt) in enumerate(pairs):
        if progress:
            progress(index, len(pairs), f"{deliverable} ({fmt})")
        registry.writer(deliverable, fmt)(ctx, txn.staging)
        for rel in txn.staged():
            if rel not in seen and rel != MANIFEST:
                seen.add(rel)
                written.append((deliverable, fmt, txn.staging / rel))
    return written
