"""The first frame comes before the heavy work: the start screen loads no store, loader, pydantic model or
writer; `crmwb open` starts opening the engagement while the TUI loads, shows its section first when it is
open by then, else a loading screen until it is, or ends with exit 2 and the located problems. Import
budgets, not timings (speed is in benchmarks/)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from textual.widgets import LoadingIndicator, Static

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.app.session import Session
from workbench.cli import open_cmd
from workbench.tui import app as app_module
from workbench.tui.app import make_app
from workbench.tui.screens.opening import OpeningScreen
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.screens.start import StartScreen

ROOT = Path(__file__).resolve().parents[2]
WRITERS = ("openpyxl", "docx", "jinja2")
"""never before the first frame, nor on opening an engagement: only an export or a deliverable needs them"""
STORE_AND_LOADERS = (
    "pydantic",
    "yaml",
    "networkx",
    "sqlite3",
    "workbench.store.engagement",
    "workbench.store.sqlite_store",
    "workbench.loading.playbooks",
    "workbench.domain.playbook",
)
SECTION_SCREENS = tuple(
    f"workbench.tui.screens.{name}" for name in ("intake", "phases", "export", "jobdesc", "deliverables")
)


def after_first_screen(argv: tuple[str, ...], report: str, tmp_path: Path) -> list[str]:
    """Run `crmwb ARGV` in a fresh interpreter until its first working screen is painted (headless), then
    run `report` (Python that sets `said`, a string) there; the words it said. The exit code must be 0."""
    probe = f"from workbench.cli.main import main\ncode = main({list(argv)!r})\n{report}\nprint(code, said)"
    env = {**os.environ, "CRMWB_EXIT_AFTER_FIRST_SCREEN": "1", "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    code, *said = result.stdout.strip().splitlines()[-1].split()
    assert code == "0", result.stderr
    return said


def modules_after_first_screen(*argv: str, tmp_path: Path) -> set[str]:
    """What `crmwb ARGV` imported by the time its first working screen is painted."""
    return set(after_first_screen(argv, "import sys\nsaid = ' '.join(sorted(sys.modules))", tmp_path))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_the_start_screen_loads_no_store_loader_writer_or_section_screen(tmp_path):
    modules = modules_after_first_screen(tmp_path=tmp_path)
    assert "workbench.tui.screens.start" in modules and "textual.app" in modules  # it did show
    assert loaded(modules, WRITERS + STORE_AND_LOADERS + SECTION_SCREENS) == []


def test_opening_an_engagement_loads_no_writer_nor_networkx(engagement, tmp_path):
    modules = modules_after_first_screen("open", str(engagement), tmp_path=tmp_path)
    assert "workbench.store.engagement" in modules and "workbench.tui.screens.intake" in modules  # it opened
    assert loaded(modules, WRITERS + ("networkx",)) == []


async def test_crmwb_open_shows_a_loading_screen_then_the_engagement(engagement, monkeypatch):
    from workbench.app import engagements

    release, real_open = threading.Event(), engagements.open_session

    def slow_open(folder, author):
        assert release.wait(30), "the test never let the engagement open"
        return real_open(folder, author)

    monkeypatch.setattr(engagements, "open_session", slow_open)
    app = make_app(engagement, today=TODAY, section="phases", background=True)
    assert app.session is None  # nothing is opened before the app runs
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert not app.screen.query(LoadingIndicator)  # an engagement that opens at once: nothing flashes
        for _ in range(100):  # SHOW_AFTER, on a machine that may be busy
            await pilot.pause(0.05)
            if app.screen.query(LoadingIndicator):
                break
        assert str(engagement) in text_of(app.screen.query_one("#opening-text", Static))
        assert app.screen.query(LoadingIndicator)
        await pilot.press("f4")  # a section that needs the engagement: refused with a notice, no crash
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen) and app.is_running
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen) and app.screen.session is app.session
        assert app.session is not None and app.session.folder == engagement and app.session.synced
        assert "opening" not in app._modes  # the loading screen is gone for good
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert app.open_failure is None


@pytest.mark.parametrize("arrives_after", [0.25, 0.27, 0.29, 0.31, 0.33])
async def test_the_engagement_arriving_as_the_loading_screen_appears_never_ends_the_app(
    arrives_after, engagement, monkeypatch
):
    """Around SHOW_AFTER the loading screen is being drawn while the opened engagement is installed. With
    the header it once had, Textual's title watcher (queued by the new subtitle) found no title widget in
    the header being mounted, and its error ended the app: 5 of 8 timings in this window."""
    from workbench.app import engagements

    real_open = engagements.open_session

    def arriving_late(folder, author):
        started = time.monotonic()
        session = real_open(folder, author)
        time.sleep(max(0.0, arrives_after - (time.monotonic() - started)))
        return session

    monkeypatch.setattr(engagements, "open_session", arriving_late)
    app = make_app(engagement, today=TODAY, section="phases", background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, PhasesScreen) or not app.is_running:
                break
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, PhasesScreen)
    assert app.return_code in (None, 0) and app.open_failure is None


async def test_an_app_opened_on_an_engagement_builds_the_start_screen_only_when_asked(
    engagement, monkeypatch
):
    """It used to be built and laid out three times under the engagement's section, never seen: a fifth of
    the CPU of every TUI test that opens on an engagement."""
    built: list[StartScreen] = []
    compose_body = StartScreen.compose_body

    def noted(self):
        built.append(self)
        return compose_body(self)

    monkeypatch.setattr(StartScreen, "compose_body", noted)
    app = make_app(engagement, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen) and built == []
        assert "opening" not in app._modes
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen) and len(built) == 1


def open_future(session=None, error: BaseException | None = None) -> Future:
    future: Future = Future()
    if error is not None:
        future.set_exception(error)
    elif session is not None:
        future.set_result(session)
    return future


async def test_an_engagement_opened_before_the_app_mounts_is_its_first_screen(engagement, monkeypatch):
    """`crmwb open` starts opening the engagement while Textual is imported: open by the time the app
    mounts, its section is the first screen; no loading screen is shown and no worker opens it again."""
    from workbench.app import engagements

    def never(folder, author):
        raise AssertionError("opened a second time")

    early = open_future(engagements.open_session(engagement, "ana"))
    monkeypatch.setattr(engagements, "open_session", never)
    app = make_app(engagement, today=TODAY, section="phases", background=True, opened_early=early)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, PhasesScreen)  # at the first look, before anything settles
        assert app.opening is None and "opening" not in app._modes
        await settle(pilot)
        assert app.session is early.result() and not app.screen.query(LoadingIndicator)
    assert app.open_failure is None


async def test_an_engagement_still_opening_when_the_app_mounts_arrives_behind_the_loading_screen(
    engagement, monkeypatch
):
    from workbench.app import engagements

    early: Future = Future()

    def never(folder, author):
        raise AssertionError("opened a second time")

    monkeypatch.setattr(engagements, "open_session", never)
    app = make_app(engagement, today=TODAY, section="phases", background=True, opened_early=early)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        early.set_result(Session.open(engagement, "ana"))
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen) and app.session is early.result()
    assert app.open_failure is None


async def test_an_engagement_that_failed_to_open_early_ends_the_app_with_its_problems(tmp_path):
    from workbench.app import engagements
    from workbench.store.engagement import EngagementError

    folder = broken_engagement(tmp_path / "broken")
    with pytest.raises(EngagementError) as raised:
        engagements.open_session(folder, "ana")
    app = make_app(folder, today=TODAY, background=True, opened_early=open_future(error=raised.value))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert app.return_code == 2 and app.open_failure is not None
    assert "missing 'answers'" in str(app.open_failure.problems[0])


def test_the_early_open_speaks_the_language_the_command_started_in(monkeypatch, engagement):
    """Its thread does not inherit the caller's context: the language is handed over, so a warning it
    writes is in the command's language whatever the app sets meanwhile."""
    from workbench.app import engagements
    from workbench.app.open_early import start_opening
    from workbench.i18n import current_language, use_language

    monkeypatch.setattr(engagements, "open_session", lambda folder, author: current_language())
    with use_language("ru"):
        early = start_opening(engagement, "ana")
    assert early.result(timeout=30) == "ru"
    assert current_language() != "ru"


def broken_engagement(folder: Path) -> Path:
    folder.mkdir()
    (folder / "engagement.yaml").write_text(
        "client: Acme\nplaybook: core\nstart: 2026-02-02\n", encoding="utf-8"
    )
    return folder


async def test_an_engagement_that_cannot_be_opened_ends_the_app_with_its_problems(tmp_path):
    app = make_app(broken_engagement(tmp_path / "broken"), today=TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert app.return_code == 2 and app.open_failure is not None
    assert [p.line for p in app.open_failure.problems] == [1]
    assert "missing 'answers'" in str(app.open_failure.problems[0])


def test_crmwb_open_prints_the_problems_found_behind_the_loading_screen(monkeypatch, capsys, tmp_path):
    folder = broken_engagement(tmp_path / "broken")
    monkeypatch.setattr(open_cmd, "has_terminal", lambda: True)
    monkeypatch.setattr(app_module.WorkbenchApp, "run", lambda self: app_module.App.run(self, headless=True))
    assert open_cmd.launch(folder) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'engagement.yaml'}:1:1: error:" in err and "missing 'answers'" in err


def test_every_worker_has_a_description():
    """Without `description=`, Textual describes a worker by `repr(work)`: for a partial holding the
    session that is the repr of the whole resolved playbook (0.3 s of the first screen, measured)."""
    import ast
    from pathlib import Path

    tui = Path(__file__).resolve().parents[2] / "workbench" / "tui"
    calls, missing = 0, []
    for path in sorted(tui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("run_worker", "work") or (name == "work" and not node.keywords):
                continue
            calls += 1
            if "description" not in {k.arg for k in node.keywords}:
                missing.append(f"{path.relative_to(tui)}:{node.lineno}")
    assert calls > 10 and not missing, missing


def collector_after(*argv: str, tmp_path: Path) -> dict[str, int]:
    """After `crmwb ARGV`'s first working screen: whether the cyclic collector is on, how many objects
    start-up froze, and how many of them were garbage."""
    report = (
        "import gc\non, frozen = gc.isenabled(), gc.get_freeze_count()\ngc.unfreeze()\n"
        "said = f'{int(on)} {frozen} {gc.collect()}'"
    )
    on, frozen, garbage = map(int, after_first_screen(argv, report, tmp_path))
    return {"on": on, "frozen": frozen, "garbage": garbage}


def test_start_up_pauses_the_collector_then_freezes_what_it_built_and_resumes(engagement, tmp_path):
    """startup_gc.py: paused from the command line's first step, back on once the first working screen is
    painted, with what start-up built frozen; the garbage frozen with it stays a small share."""
    for argv in ((), ("open", str(engagement))):
        seen = collector_after(*argv, tmp_path=tmp_path)
        assert seen["on"] == 1, argv
        assert seen["frozen"] > 50_000, (argv, seen)  # the modules, the stylesheet, the widgets...
        assert seen["garbage"] < min(40_000, seen["frozen"] // 4), (argv, seen)


def test_the_collector_is_left_as_it_was_whatever_happens():
    """In a fresh interpreter: switching the collector back on in a test worker holding a few million
    objects set off a full collection that took seconds."""
    probe = """
import gc
from workbench.app.startup_gc import first_screen_painted, paused_until_first_screen

assert gc.isenabled()
frozen = gc.get_freeze_count()
first_screen_painted()  # nothing paused it: no freeze, no change
assert gc.isenabled() and gc.get_freeze_count() == frozen
try:
    with paused_until_first_screen():
        assert not gc.isenabled()
        raise RuntimeError("a command that fails before any screen")
except RuntimeError:
    pass
assert gc.isenabled() and gc.get_freeze_count() == frozen
gc.disable()
with paused_until_first_screen():  # paused by somebody else: theirs to resume
    first_screen_painted()
    assert not gc.isenabled()
assert not gc.isenabled()
print("checked")
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == "checked", result.stderr
