"""Shared fixtures: paths to test data and a CLI runner that captures output and the exit code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _quicker_idle_checks() -> None:
    """Pilot's `pause()` and `press()` (and a snapshot's two waits for animations) wait for the app to go
    idle by sleeping in slices of `textual._wait.SLEEP_GRANULARITY` (20 ms) and checking that the process
    used no CPU meanwhile; every pause costs at least one slice, and a journey makes hundreds. The check is
    the same with 2 ms slices (idle: under 1 ms of CPU in the slice, `SLEEP_IDLE`), so the tests wait for
    the same thing, only without idling a core for 18 ms each time. The helpers in tests/tui/helpers.py
    wait for workers and pending layouts by looking at them, never by the clock."""
    import textual._wait

    textual._wait.SLEEP_GRANULARITY = 0.002
    # the minimum wait of `wait_for_scheduled_animations` and `Pilot.exit` (bound when Textual was imported)
    textual._wait.wait_for_idle.__defaults__ = (0.002, 1)


_quicker_idle_checks()


def _fewer_collections() -> None:
    """The cyclic GC runs after every 700 new container objects by default; a test that builds an app or
    a playbook makes millions, so it ran ~8,000 times in 45 s of TUI, docx and CRM tests and took 5.5 s
    of them (12 %). After every 20,000 it took 1.8 s, for 15 % more peak memory (690 MB against 600).
    Reference counting frees nearly everything; only when collections happen changes."""
    import gc

    gc.set_threshold(20_000, 20, 10)


_fewer_collections()
REQUIRE_RENDERERS = os.environ.get("CRMWB_REQUIRE_RENDERERS", "") == "1"
"""Set by CI (.ci/run): a test that needs LibreOffice, Graphviz, poppler or Java must run there, so a
missing tool fails the run instead of skipping the test."""


def missing_tool(
    reason: str, required: bool | None = None, variable: str = "CRMWB_REQUIRE_RENDERERS"
) -> None:
    """Skip on a developer's machine without the tool (or service); fail in CI, where it is installed.
    `required` defaults to $CRMWB_REQUIRE_RENDERERS; a service passes its own (e.g. PostgreSQL's)."""
    if REQUIRE_RENDERERS if required is None else required:
        pytest.fail(f"{reason} ({variable}=1: CI must have it)")
    pytest.skip(reason)


def tool_mark(missing: bool, reason: str):
    """`skipif` for a missing renderer, except in CI, where the test then runs and fails on its own."""
    return pytest.mark.skipif(missing and not REQUIRE_RENDERERS, reason=reason)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(
    files: list[Path],
    out: Path,
    to: str,
    profile: Path,
    *options: str,
    timeout: int = 240,
    env: dict | None = None,
) -> list[Path]:
    """Convert `files` into `out` with headless LibreOffice (its own profile folder, so a LibreOffice
    running elsewhere cannot take the job over) and return the converted paths. LibreOffice now and then
    dies on its first start with a fresh profile: a run that leaves a file missing is retried once, and a
    second miss fails the test with what LibreOffice said -- never a skip."""
    if SOFFICE is None:
        missing_tool("LibreOffice (soffice) is not installed")
    converted = [out / f"{f.stem}.{to}" for f in files]
    said = ""
    for _attempt in range(2):
        result = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                *options,
                "--convert-to",
                to,
                "--outdir",
                str(out),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
        if all(p.exists() for p in converted):
            return converted
        said += f"[exit {result.returncode}] {result.stderr.strip()[:300]} "
    pytest.fail(f"LibreOffice did not convert {[p.name for p in converted if not p.exists()]} twice: {said}")


@pytest.fixture(scope="session")
def libreoffice_profile(tmp_path_factory) -> Path:
    """One LibreOffice profile folder per test process (per xdist worker), for every conversion it runs:
    still private to this process, and LibreOffice builds a profile only once (about 2 s of each start)
    instead of once per test."""
    return tmp_path_factory.mktemp("libreoffice-profile")


DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def _playbook_cache_in_tmp(tmp_path_factory):
    """The resolved-playbook cache of the whole run (and of the commands it starts) lives in tmp, never in
    the user's cache folder."""
    os.environ["CRMWB_CACHE_DIR"] = str(tmp_path_factory.mktemp("crmwb-cache"))
    yield


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run `crmwb` in-process; returns (exit code, stdout, stderr)."""
    from workbench.cli.main import main

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def run_subprocess(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m workbench` in a fresh interpreter (for import-cost and exit-code checks)."""
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env
    )


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own empty settings folder (CRMWB_CONFIG_DIR, inherited by the CLI processes it
    starts), so no test reads the developer's settings file or writes to it (the TUI saves the theme)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("CRMWB_CONFIG_DIR", str(folder))
    monkeypatch.delenv("CRMWB_THEME", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _interface_language_back_to_english():
    """Commands set the interface language for their process; in-process test runs share one, so each
    test starts in English (a test wanting another language sets it itself)."""
    from workbench import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


def allowed_latin_words() -> frozenset[str]:
    """Latin names Persian and Russian text may keep (tests/data/translation_allowed_latin.txt): each line
    whole and each of its words, for every test that looks for English left in a translation."""
    words: set[str] = set()
    for line in (DATA / "translation_allowed_latin.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
            words.update(line.split())
    return frozenset(words)


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: long-running (a soak, a kill sweep, a long journey); runs first, still runs in CI"
    )
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # once, in the process that starts the workers
        # before any test starts a `crmwb` process: with PYTHONDONTWRITEBYTECODE set (as in CI) each of
        # the hundreds it starts compiled its ~200 modules from source again, about 0.1 s of CPU each
        from benchmarks.child import compile_like_an_install

        compile_like_an_install()


def pytest_collection_modifyitems(config, items):
    """Tests marked `slow` go to the front of the run (a stable sort: the rest keep their order). Under
    xdist each starts while the other worker still has plenty to do, instead of one of them starting last
    and leaving a lone worker running for half a minute after everything else is done."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the files under tests/golden/ from what the code writes now, instead of "
        "comparing with them (review the git diff before committing)",
    )


@pytest.fixture
def golden(request):
    """`golden(texts)` compares {path under tests/golden: text} exactly with the stored files and fails with
    every file that differs (a diff of the first); with --update-golden it rewrites them instead."""
    import difflib

    update = request.config.getoption("--update-golden")

    def compare(texts: dict[str, str]) -> None:
        assert texts
        differ, missing = [], []
        for name, text in sorted(texts.items()):
            path = GOLDEN / name
            if update:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
            elif not path.exists():
                missing.append(name)
            elif (stored := path.read_bytes().decode("utf-8")) != text:
                differ.append((name, stored, text))
        if missing or differ:
            first = (
                "".join(
                    difflib.unified_diff(
                        differ[0][1].splitlines(True),
                        differ[0][2].splitlines(True),
                        f"golden/{differ[0][0]}",
                        "written now",
                        n=2,
                    )
                )
                if differ
                else ""
            )
            pytest.fail(
                f"golden files missing: {missing}; differing: {[d[0] for d in differ]} "
                f"(if the change is meant, run pytest --update-golden and review the diff)\n{first[:6000]}"
            )

    return compare


REQUIRE_POSTGRES = os.environ.get("CRMWB_REQUIRE_POSTGRES", "") == "1" or bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def pg_server():
    """A running PostgreSQL server for the session, or a skip (a failure on CI) saying why not."""
    from workbench.store.postgres.local_server import ServerUnavailable, start

    try:
        server = start()
    except ServerUnavailable as exc:
        missing_tool(
            f"no PostgreSQL server for the contract suite: {exc}", REQUIRE_POSTGRES, "CRMWB_REQUIRE_POSTGRES"
        )
    try:
        yield server
    finally:
        server.stop()
