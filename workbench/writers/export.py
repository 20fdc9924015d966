"""Stage the deliverables of one export (`workbench.writers.registry`'s writers) into a transaction's
staging folder, with the manifest built from exactly those files. The transaction itself — stage, check,
switch in, all or nothing, together with the CRM files when asked — is `workbench.app.export`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from workbench.i18n import _
from workbench.writers import registry
from workbench.writers.context import ExportContext
from workbench.writers.manifest import MANIFEST, build_manifest, foreign_reason, owned_paths, read_manifest
from workbench.writers.transaction import FolderRefused, Transaction

Progress = Callable[[int, int, str], None]
"""progress(done, total, label): called before each writer runs and once at the end."""


def previous_deliverables(ctx: ExportContext, folder: Path, force: bool) -> set[str]:
    """The files the folder's previous export of ours lists (they may be replaced or removed). Raises
    FolderRefused (nothing changed) when that export is another client's, unless `force`."""
    previous = read_manifest(folder)
    reason = foreign_reason(previous, ctx) if previous else None
    if reason and not force:
        message = _(
            "{folder} holds the export of {whose}; choose another folder or pass --force to "
            "replace it; nothing was changed"
        )
        raise FolderRefused(message.format(folder=folder, whose=reason))
    return owned_paths(previous) if previous else set()


def stage_deliverables(
    ctx: ExportContext, txn: Transaction, pairs: list[tuple[str, str]], progress: Progress | None
) -> dict:
    """Run the writers into the staging folder and write the manifest of what they staged; returns it.
    Runs before anything else is staged, since every new staged file is credited to a writer."""
    written = _run_writers(ctx, txn, pairs, progress)
    manifest = build_manifest(ctx, txn.staging, written)
    (txn.staging / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest


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
