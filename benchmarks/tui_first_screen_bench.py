"""`crmwb` and `crmwb open DIR` to their first screen, cold, next to a bare Textual app in the same run.

Run: `python benchmarks/tui_first_screen_bench.py [RUNS]` (prints figures; asserts nothing).

Every command is a fresh process timed whole from outside (wall, and user + system CPU of that one
child, via os.wait4), imports and interpreter exit included. The app runs headless at 120x40 and exits
once its first working screen is painted (`CRMWB_EXIT_AFTER_FIRST_SCREEN=1`: the start screen, or the
engagement's section after its playbook is loaded and its task list synced); the yardstick,
`benchmarks/bare_textual_app.py` (Header, a Static, Footer), exits on its own first paint. The three
run in turn, round after round, and each ratio is taken against the bare app's run of the same round,
so a machine that slows down mid-run moves both sides. Issue 14's targets: start screen <= 1.5x the
bare app, `crmwb open` on a `core` engagement <= 2x.

The loading screen `crmwb open` shows first cannot be timed as a whole process (the process waits for
the engagement either way): `tui_startup_bench.py` times it from inside, next to the bare app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.child import Run, compile_like_an_install, measure  # noqa: E402


def crmwb() -> list[str]:
    script = Path(sys.executable).with_name("crmwb")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "workbench"]


def core_engagement(folder: Path) -> Path:
    subprocess.run(
        [
            *crmwb(),
            "new",
            str(folder),
            "--playbook",
            "core",
            "--client",
            "Bench Ltd",
            "--start",
            "2026-02-02",
        ],
        check=True,
        capture_output=True,
    )
    return folder


def main(rounds: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="crmwb-first-screen-"))
    os.environ["XDG_STATE_HOME"] = str(tmp / "state")  # never read or write the real recent list
    os.environ["CRMWB_EXIT_AFTER_FIRST_SCREEN"] = "1"
    compile_like_an_install()
    folder = core_engagement(tmp / "core")
    commands = {
        "bare Textual app": [sys.executable, str(ROOT / "benchmarks" / "bare_textual_app.py")],
        "crmwb (start screen)": crmwb(),
        "crmwb open DIR (core, its section)": [*crmwb(), "open", str(folder)],
    }
    for label, argv in commands.items():  # warm-up: .pyc files, the page cache
        measure(label, argv, cwd=str(ROOT))
    runs: dict[str, list[Run]] = {label: [] for label in commands}
    for _ in range(rounds):
        for label, argv in commands.items():
            run = measure(label, argv, cwd=str(ROOT))
            if run.code != 0:
                raise SystemExit(f"{label} exited {run.code}: {run.tail}")
            runs[label].append(run)
    bare = runs["bare Textual app"]
    print(
        f"cold, whole process, headless 120x40, median of {rounds} rounds (ratio: pair by pair with the "
        "bare app's run of the same round)"
    )
    print(f"  {'':<36}{'wall':>9}{'cpu':>9}{'wall ratio':>13}{'cpu ratio':>12}")
    for label, samples in runs.items():
        wall = statistics.median(r.seconds for r in samples)
        cpu = statistics.median(r.cpu_seconds for r in samples)
        line = f"  {label:<36}{wall:>7.3f} s{cpu:>7.3f} s"
        if samples is not bare:
            wall_ratio = statistics.median(r.seconds / b.seconds for r, b in zip(samples, bare))
            cpu_ratio = statistics.median(r.cpu_seconds / b.cpu_seconds for r, b in zip(samples, bare))
            line += f"{wall_ratio:>12.2f}x{cpu_ratio:>11.2f}x"
        print(line)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
