"""The export manifest: which inputs made which outputs, so a consultant can trace any file back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from workbench import __version__
from workbench.i18n import _
from workbench.loading.bounded import BoundedReadError, read_bounded
from workbench.writers.context import ExportContext, issued_at
from workbench.writers.transaction import safe_rel

MANIFEST = "manifest.json"
UNNAMED = "Client"
"""the client name of an export whose answers name none: then only the answers tell two clients apart"""
MANIFEST_LIMIT = 16 << 20
GENERATOR = "crmwb"


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
        "created": issued_at().isoformat(timespec="seconds"),
        "client": ctx.client,
        "engagement": ctx.engagement,
        "playbook": {
            "id": ctx.playbook.id,
            "version": ctx.playbook.version,
            "extends": ctx.playbook.extends,
            "sha256": ctx.playbook_digest,
        },
        "answers": {"sha256": ctx.answers_digest, "count": len(ctx.answers)},
        "start": ctx.start.isoformat(),
        "files": [
            {
                "deliverable": d,
                "format": f,
                "path": p.relative_to(folder).as_posix(),
                "bytes": p.stat().st_size,
                "sha256": sha256_file(p),
            }
            for d, f, p in files
        ],
    }


def read_manifest(folder: Path) -> dict | None:
    """The manifest of an earlier export of ours in `folder`, or None: no manifest, or a manifest.json that
    is not ours (then it is a foreign file like any other, and the folder checks treat it so)."""
    path = Path(folder) / MANIFEST
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = json.loads(read_bounded(path, MANIFEST_LIMIT, "export manifest").decode("utf-8"))
    except (BoundedReadError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not str(data.get("generator", "")).startswith(GENERATOR + " "):
        return None
    if not isinstance(data.get("files"), list):
        return None
    return data


def owned_paths(manifest: dict) -> set[str]:
    """The files a manifest of ours lists (and the manifest itself); paths that would leave the folder are
    not trusted."""
    paths = {entry.get("path") for entry in manifest.get("files", []) if isinstance(entry, dict)}
    return {p for p in paths if isinstance(p, str) and safe_rel(p)} | {MANIFEST}


def foreign_reason(previous: dict, ctx: ExportContext) -> str | None:
    """Why the previous export in the folder belongs to someone else, or None when it is this client's:
    the same engagement, or the same client name and playbook (changed answers or a new playbook version
    are an update). Exports with no client name are told apart by their answers."""
    playbook = previous.get("playbook")
    if not isinstance(playbook, dict):
        playbook = {}
    theirs = previous.get("engagement") or ""
    if theirs and ctx.engagement:  # the engagement is the identity: a renamed client is still the client
        if theirs == ctx.engagement:
            return None
        return _("another engagement ({engagement})").format(engagement=theirs)
    if previous.get("client") != ctx.client:
        return _("another client ({client!r})").format(client=previous.get("client"))
    if playbook.get("id") != ctx.full.id:
        return _("another playbook ({playbook!r})").format(playbook=playbook.get("id"))
    answers = previous.get("answers")
    if not isinstance(answers, dict):
        answers = {}
    if not theirs and ctx.client == UNNAMED and answers.get("sha256") != ctx.answers_digest:
        return _(
            "a client with no name and other answers (name the client in the answers file, or pass "
            "--client, so that exports of the same client are recognised)"
        )
    return None
