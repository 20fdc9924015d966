"""The export transaction: all or nothing, a manifest that traces outputs to inputs, clean unknown names."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from workbench.app.export import export
from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook
from workbench.writers import registry
from workbench.writers.context import ExportContext
from workbench.writers.manifest import answers_digest

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def ctx():
    loaded = load_playbook(DATA / "mini.yaml")
    answers = {"modules": ["sales"]}
    return ExportContext(
        resolve(loaded.playbook, answers),
        loaded.playbook,
        answers,
        "Acme",
        date(2026, 1, 5),
        "en",
        loaded.digest,
        answers_digest(answers),
    )


def good_writer(ctx, folder: Path):
    path = folder / "sub" / "good.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{ctx.client}: {len(ctx.playbook.requirements)} requirements")
    return [path]


def failing_writer(ctx, folder: Path):
    (folder / "partial.txt").write_text("half")
    raise RuntimeError("disk on fire")


@pytest.fixture
def fake_registry(monkeypatch):
    monkeypatch.setattr(registry, "REGISTRY", {"good": {"txt": "x:good"}, "bad": {"txt": "x:bad"}})
    monkeypatch.setattr(registry, "writer", lambda d, f: {"good": good_writer, "bad": failing_writer}[d])


def test_export_writes_files_and_a_manifest(ctx, tmp_path, fake_registry):
    seen = []
    result = export(ctx, tmp_path, only=["good"], progress=lambda d, t, label: seen.append((d, t, label)))
    written = tmp_path / "sub" / "good.txt"
    assert result.files == [written] and written.read_text() == "Acme: 1 requirements"
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    (entry,) = manifest["files"]
    assert entry["path"] == "sub/good.txt" and entry["bytes"] == written.stat().st_size
    assert entry["sha256"] == hashlib.sha256(written.read_bytes()).hexdigest()
    assert manifest["playbook"] == {
        "id": "mini",
        "version": "0.1",
        "extends": None,
        "sha256": ctx.playbook_digest,
    }
    assert manifest["answers"]["sha256"] == answers_digest({"modules": ["sales"]})
    assert seen == [(0, 1, "good (txt)"), (1, 1, "done")]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".crmwb-export-")]


def test_failed_export_leaves_previous_files_intact(ctx, tmp_path, fake_registry):
    export(ctx, tmp_path, only=["good"])
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    ctx.start = date(2026, 2, 2)
    with pytest.raises(RuntimeError):
        export(ctx, tmp_path, only=["good", "bad"])
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "partial.txt").exists()


def test_unknown_deliverable_and_format_name_the_valid_ones():
    with pytest.raises(registry.UnknownExport, match="expected one of: rfp, vendor-forms, roles"):
        registry.select(["rpf"], None)
    with pytest.raises(registry.UnknownExport, match="unknown format 'pdf'"):
        registry.select(None, ["pdf"])
    assert registry.select(["rfp"], ["xlsx"]) == [("rfp", "xlsx")]
