"""The export manifest: which inputs made which outputs, so a consultant can trace any file back."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from workbench import __version__
from workbench.writers.context import ExportContext


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def answers_digest(answers: dict) -> str:
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def build_manifest(ctx: ExportContext, folder: Path, files: list[tuple[str, str, Path]]) -> dict:
    """files: (deliverable, format, path) for each written file; paths are recorded relative to `folder`."""
    return {
        "generator": f"crmwb {__version__}",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "client": ctx.client,
        "playbook": {"id": ctx.playbook.id, "version": ctx.playbook.version, "extends": ctx.playbook.extends,
                     "sha256": ctx.playbook_digest},
        "answers": {"sha256": ctx.answers_digest, "count": len(ctx.answers)},
        "start": ctx.start.isoformat(),
        "files": [{"deliverable": d, "format": f, "path": p.relative_to(folder).as_posix(),
                   "bytes": p.stat().st_size, "sha256": sha256_file(p)} for d, f, p in files],
    }
