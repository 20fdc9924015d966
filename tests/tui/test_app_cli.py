"""The TUI's ways in: `crmwb` alone, `crmwb open DIR`, `crmwb demo`; exit codes; light imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.tui.conftest import TODAY
from tests.unit.test_import_hygiene import HEAVY, loaded_after
from workbench.cli import demo_cmd, open_cmd
from workbench.store.sqlite_store import SQLiteStore


def test_crmwb_alone_without_a_terminal_prints_the_usage(run_cli):
    code, out, _ = run_cli()
    assert code == 0 and out.startswith("usage: crmwb") and "open" in out


def test_open_needs_a_terminal(run_cli, engagement):
    code, _, err = run_cli("open", engagement)
    assert code == 2 and "needs a terminal" in err


def test_open_reports_a_folder_without_an_engagement_before_any_screen(run_cli, monkeypatch, tmp_path):
    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    code, _, err = run_cli("open", tmp_path)
    assert code == 2 and "no engagement.yaml here" in err


def test_the_cli_exits_with_the_app_return_code(monkeypatch, engagement):
    from workbench.app.engagements import open_session
    from workbench.tui import app as app_module

    class Quits(app_module.WorkbenchApp):
        def on_ready(self) -> None:
            self.exit(return_code=3)

    def fake_make_app(folder=None, **kwargs):
        session = open_session(folder, "ana") if folder else None
        return Quits(session, author="ana", today=TODAY)

    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    monkeypatch.setattr(app_module.WorkbenchApp, "run", lambda self: app_module.App.run(self, headless=True))
    assert open_cmd.launch(engagement) == 3


def test_demo_without_a_terminal_is_the_walk_through(run_cli, tmp_path):
    code, out, _ = run_cli("demo", cwd=tmp_path)
    assert code == 0 and "Bundled playbooks:" in out and "opens the workbench" in out
    assert not (tmp_path / "crmwb-demo").exists()
    code, out, _ = run_cli("demo", "--no-tui", cwd=tmp_path)
    assert code == 0 and "Bundled playbooks:" in out and "opens the workbench" not in out


@pytest.mark.parametrize(
    ("lang", "heading", "digits"),
    [("ru", "Задачи по этапам:", "18 задач"), ("fa", "کارها در هر مرحله:", "۱۸ کار")],
)
def test_the_walk_through_speaks_the_interface_language(run_cli, tmp_path, lang, heading, digits):
    """Every fixed word of the walk-through from the catalogue, numbers written the language's way; what
    stays Latin is ids, file names and the product's name."""
    import re

    from workbench.loading.catalog import discover
    from workbench.loading.playbooks import load_playbook

    code, out, _ = run_cli("demo", "--lang", lang, cwd=tmp_path)
    assert code == 0 and heading in out and digits in out
    names = {e.id for e in discover()} | {p.id for p in load_playbook(demo_cmd.DEMO_PLAYBOOK).model.processes}
    names |= {"RFP", "KPI", "SFA", "Example", "Appliance", "Retail", "demo", "crmwb"}  # acronyms, the client
    ids = re.compile(r"[\w.-]*[-_.][\w.-]*")  # ids with a dash, dot or underscore, and file names
    latin = set(re.findall(r"[A-Za-z]{3,}", ids.sub(" ", out))) - names
    assert not latin, sorted(latin)


def test_demo_creates_the_engagement_once_and_opens_it_on_the_phases(run_cli, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    monkeypatch.setattr(open_cmd, "launch", lambda *args, **kwargs: opened.append((args, kwargs)) or 0)
    assert run_cli("demo", cwd=tmp_path)[0] == 0
    assert opened == [((Path("crmwb-demo"), None, "demo"), {"section": "phases", "lang": None})]
    folder = tmp_path / "crmwb-demo"
    before = (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert "playbook: b2c-retail-loyalty" in before and "Example Appliance Retail" in before
    assert run_cli("demo", cwd=tmp_path)[0] == 0  # reused, not made again
    assert (folder / "engagement.yaml").read_text(encoding="utf-8") == before


def test_the_demo_engagement_has_work_under_way(tmp_path):
    folder = demo_cmd.ensure_demo(tmp_path / "demo", date(2026, 3, 18))
    with SQLiteStore(folder / "state.db") as store:
        statuses = [s.status for s in store.tasks().values()]
        assert statuses.count("done") == 3 and statuses.count("in_progress") == 2
        assert statuses.count("blocked") == 1
        measured = store.measurements()
        assert len({m.kpi_id for m in measured}) == 3 and len(measured) == 9
        assert max(m.measured_on for m in measured) == date(2026, 3, 18)


def test_the_demo_never_takes_over_a_folder_with_other_files(tmp_path, run_cli, monkeypatch):
    (tmp_path / "crmwb-demo").mkdir()
    (tmp_path / "crmwb-demo" / "notes.txt").write_text("mine")
    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    code, _, err = run_cli("demo", cwd=tmp_path)
    assert code == 2 and "not a demo engagement" in err


@pytest.mark.parametrize("argv", [["open", "--help"], ["demo", "--help"], ["--help"]])
def test_tui_commands_keep_help_light(argv):
    loaded = loaded_after(
        "import contextlib, io\nfrom workbench.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try:\n        main({argv!r})\n    except SystemExit:\n        pass"
    )
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]


def test_open_and_demo_pass_lang_to_the_workbench(run_cli, monkeypatch, tmp_path, engagement):
    """`--lang` reaches the TUI as the person's explicit choice (above $CRMWB_LANG and the settings)."""
    import workbench.tui.app as app_module

    made = []
    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    monkeypatch.setattr(app_module, "make_app", lambda *args, **kwargs: made.append(kwargs) or _NoRun())
    assert run_cli("open", str(engagement), "--lang", "fa")[0] == 0
    assert made[-1]["lang"] == "fa"
    assert run_cli("open", str(engagement))[0] == 0
    assert made[-1]["lang"] is None  # not given: the app decides (environment, settings, engagement)
    opened = []
    monkeypatch.setattr(open_cmd, "launch", lambda *args, **kwargs: opened.append(kwargs) or 0)
    assert run_cli("demo", "--lang", "ru", cwd=tmp_path)[0] == 0
    assert opened[-1]["lang"] == "ru"


class _NoRun:
    return_code = 0
    open_failure = None

    def run(self) -> None:
        """The test checks what the app is made with; it need not run."""
