"""Run a set of writers as one transaction: everything is written into a staging folder first and moved
into place only when every writer succeeded, so a failed export leaves the previous files intact."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from workbench.writers import registry
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext
from workbench.writers.manifest import build_manifest

Progress = Callable[[int, int, str], None]
"""progress(done, total, label): called before each writer runs and once at the end."""


@dataclass
class ExportResult:
    folder: Path
    files: list[Path]
    manifest: Path


def export(ctx: ExportContext, folder: Path, only: list[str] | None = None, formats: list[str] | None = None,
           progress: Progress | None = None) -> ExportResult:
    pairs = registry.select(only, formats)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".crmwb-export-", dir=folder))
    written: list[tuple[str, str, Path]] = []
    try:
        for index, (deliverable, fmt) in enumerate(pairs):
            if progress:
                progress(index, len(pairs), f"{deliverable} ({fmt})")
            for path in registry.writer(deliverable, fmt)(ctx, staging):
                written.append((deliverable, fmt, Path(path)))
        final: list[tuple[str, str, Path]] = []
        for deliverable, fmt, path in written:
            target = folder / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            final.append((deliverable, fmt, target))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = folder / "manifest.json"
    write_text_atomic(manifest, json.dumps(build_manifest(ctx, folder, final), ensure_ascii=False, indent=2) + "\n")
    if progress:
        progress(len(pairs), len(pairs), "done")
    return ExportResult(folder, [p for _, _, p in final], manifest)
