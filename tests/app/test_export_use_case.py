"""The export use case (`workbench.app.export`): called directly it writes what the commands write, and
deliverables and CRM files go into one folder as one transaction — a failing writer of either kind leaves
the folder exactly as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.crm.audit_fixtures import MINI, fake_target_fixture  # noqa: F401
from workbench.app.design import load_design
from workbench.app.export import (
    CrmRequest,
    JobdescRequest,
    crm_adapters,
    export,
    export_context,
    export_crm,
    export_jobdescs,
)
from workbench.writers import registry
from workbench.writers.transaction import WORK

START = date(2026, 1, 5)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder (staging debris included), by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _context(lang: str = "en"):
    design, problems = load_design(str(MINI), None)
    assert design is not None, problems
    return design, export_context(design, lang, "Acme", START)


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767571200")  # 2026-01-05: same manifest stamp both ways


def test_export_writes_what_crmwb_export_writes(run_cli, tmp_path):
    code, _out, err = run_cli(
        "export",
        MINI,
        "--out",
        tmp_path / "cli",
        "--client",
        "Acme",
        "--start",
        START.isoformat(),
        "--format",
        "md,csv",
        "--quiet",
    )
    assert code == 0, err
    _design, ctx = _context()
    result = export(ctx, tmp_path / "app", formats=["md", "csv"])
    cli, app = _tree(tmp_path / "cli"), _tree(tmp_path / "app")
    assert "manifest.json" in cli and len(cli) > 3
    assert cli == app
    assert sorted(p.relative_to(tmp_path / "app").as_posix() for p in result.files) == sorted(
        set(app) - {"manifest.json"}
    )


def test_export_crm_writes_what_crmwb_crm_export_writes(run_cli, fake_target, tmp_path):
    code, _out, err = run_cli("crm-export", MINI, "--to", fake_target, "--out", tmp_path / "cli", "--quiet")
    assert code == 0, err
    design, _ctx = _context()
    written, limits, changes = export_crm(
        design.playbook, design.label, crm_adapters(fake_target), tmp_path / "app"
    )
    assert written == {"fake": ["fake/permissions.csv"]} and limits == {"fake": []}
    assert sorted(changes.added) == sorted(_tree(tmp_path / "app"))
    assert _tree(tmp_path / "cli") == _tree(tmp_path / "app")


def test_export_jobdescs_writes_what_crmwb_jobdesc_writes(run_cli, tmp_path):
    code, _out, err = run_cli(
        "jobdesc",
        "--all",
        "--playbook",
        MINI,
        "--lang",
        "en,fa",
        "--out",
        tmp_path / "cli",
        "--date",
        "2026-01-05",
        "--quiet",
    )
    assert code == 0, err
    design, _ctx = _context()
    from workbench.writers.jobdesc import roles_with_profiles

    request = JobdescRequest(
        design.playbook, roles_with_profiles(design.playbook), ["en", "fa"], ["md"], START
    )
    names, _changes = export_jobdescs(request, tmp_path / "app")
    assert names and sorted(names) == sorted(_tree(tmp_path / "app"))
    assert _tree(tmp_path / "cli") == _tree(tmp_path / "app")


def test_deliverables_and_crm_files_in_one_transaction(fake_target, tmp_path):
    design, ctx = _context()
    out = tmp_path / "out"
    result = export(
        ctx, out, formats=["md"], crm=CrmRequest(design.playbook, design.label, crm_adapters(fake_target))
    )
    files = _tree(out)
    assert {"manifest.json", "crm-export.json", "limitations.md", "fake/permissions.csv"} <= set(files)
    assert result.crm_written == {"fake": ["fake/permissions.csv"]}
    assert sorted(result.changes.added) == sorted(files)
    # the deliverables manifest lists its own files only; a re-export of either part alone is not refused
    assert "fake/permissions.csv" not in files["manifest.json"].decode()
    again = export(ctx, out, formats=["md"])
    assert again.changes.removed == [] and set(_tree(out)) == set(files)
    export_crm(design.playbook, design.label, crm_adapters(fake_target), out)
    assert set(_tree(out)) == set(files)


def _break_crm(monkeypatch):
    from tests.crm import fake_target

    def broken(_pb, _mapping, folder):
        (folder / "permissions.csv").write_text("role,object,act", encoding="utf-8")  # half a file
        raise RuntimeError("the CRM writer broke")

    monkeypatch.setattr(fake_target, "write", broken)


def _break_deliverable(monkeypatch, after: int):
    """The writer of the `after`-th pair (0-based) raises; earlier ones write their files."""
    real = registry.writer
    calls = []

    def writer(deliverable, fmt):
        calls.append((deliverable, fmt))
        if len(calls) > after:

            def broken(*_args):
                raise RuntimeError("the deliverable writer broke")

            return broken
        return real(deliverable, fmt)

    monkeypatch.setattr(registry, "writer", writer)


@pytest.mark.parametrize("breaks", ["crm", "deliverable"])
def test_a_failing_writer_leaves_the_previous_export_whole(fake_target, tmp_path, monkeypatch, breaks):
    design, ctx = _context()
    out = tmp_path / "out"
    crm = CrmRequest(design.playbook, design.label, crm_adapters(fake_target))
    export(ctx, out, formats=["md"], crm=crm)
    before = _tree(out)
    assert "manifest.json" in before and "fake/permissions.csv" in before
    _design, changed = _context("ru")  # every deliverable would change: a half-written folder would show
    if breaks == "crm":
        _break_crm(monkeypatch)
    else:
        _break_deliverable(monkeypatch, after=2)
    crm = CrmRequest(design.playbook, design.label, crm_adapters(fake_target))
    with pytest.raises(RuntimeError, match="broke"):
        export(changed, out, formats=["md"], crm=crm)
    assert _tree(out) == before
    assert not (out / WORK).exists()


@pytest.mark.parametrize("breaks", ["crm", "deliverable"])
def test_a_failing_writer_leaves_no_new_folder(fake_target, tmp_path, monkeypatch, breaks):
    design, ctx = _context()
    (_break_crm if breaks == "crm" else lambda mp: _break_deliverable(mp, after=1))(monkeypatch)
    with pytest.raises(RuntimeError, match="broke"):
        export(
            ctx,
            tmp_path / "new",
            formats=["md"],
            crm=CrmRequest(design.playbook, design.label, crm_adapters(fake_target)),
        )
    assert not (tmp_path / "new").exists()


def test_a_playbook_design_is_loaded_once(monkeypatch):
    from workbench.loading import playbooks

    calls = []
    real = playbooks.load_playbook
    monkeypatch.setattr(playbooks, "load_playbook", lambda ref: (calls.append(ref), real(ref))[1])
    design, problems = load_design(str(MINI), None)
    assert design is not None and design.digest, problems
    assert calls == [str(MINI)]
