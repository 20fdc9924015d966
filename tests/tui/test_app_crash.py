"""An unexpected error in the app: a short report, exit code 70, and never the local variables that
Textual's own crash report prints (they can hold client data)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT
from workbench.tui.crash import CRASH_EXIT, crash_report

SCRIPT = textwrap.dedent("""
    import sys
    from textual.app import App
    from workbench.tui.app import WorkbenchApp

    class Boom(WorkbenchApp):
        def on_ready(self) -> None:
            client_notes = "SECRET-CLIENT-NOTE"
            raise RuntimeError(f"boom after {len(client_notes)} characters")

    if sys.argv[1] == "textual":  # what Textual alone would print, to prove the test can see locals
        Boom._fatal_error = App._fatal_error
    app = Boom(author="tester")
    app.run(headless=True)
    sys.exit(app.return_code)
""")


def run(mode: str, tmp_path, debug: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("CRMWB_DEBUG", None)
    if debug:
        env["CRMWB_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_crash_prints_a_short_report_without_locals(tmp_path):
    result = run("ours", tmp_path)
    assert result.returncode == CRASH_EXIT == 70
    assert "crmwb: internal error: RuntimeError: boom after 18 characters" in result.stderr
    assert "SECRET-CLIENT-NOTE" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_debug_adds_the_traceback_still_without_locals(tmp_path):
    result = run("ours", tmp_path, debug=True)
    assert result.returncode == 70
    assert "Traceback" in result.stderr and "boom after 18 characters" in result.stderr
    assert "'SECRET-CLIENT-NOTE'" not in result.stderr  # the source line may show; the value as a local not


def test_textual_alone_would_have_shown_the_locals(tmp_path):
    result = run("textual", tmp_path)
    assert "'SECRET-CLIENT-NOTE'" in result.stderr  # so the tests above would notice a regression


def test_the_report_names_the_error_and_what_is_safe():
    from rich.console import Console

    console = Console(width=100, record=True)
    console.print(crash_report(KeyError("answers")))
    text = console.export_text()
    assert "internal error: KeyError: 'answers'" in text and "saved as you made them" in text
