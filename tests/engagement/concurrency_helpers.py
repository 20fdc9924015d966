"""Real second processes for the concurrency tests: the CLI itself, a process holding SQLite's write lock,
and a writer that loads its base, waits for a signal and only then saves (so two writers really start
from the same stale engagement.yaml)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def crmwb(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`crmwb ARGS` in its own process, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        input=stdin,
        timeout=120,
    )


def crmwb_here(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`crmwb ARGS` run by `main(argv)` in this process, with `env` set around it: the same exit code and
    output as `crmwb()` (`python -m workbench` is `SystemExit(main())`) without an interpreter start, for
    tests where the process boundary is not what is tested (a lock, a kill or a race needs `crmwb()`)."""
    from workbench.cli.main import main

    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["crmwb", *args], code, out.getvalue(), err.getvalue())


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE tasks SET assignee = assignee")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held(store: Path) -> Iterator[subprocess.Popen]:
    """Another process holds `BEGIN EXCLUSIVE` on state.db until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.stdin.write("\n")
        proc.stdin.close()
        proc.wait(30)


STALE_WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from workbench.store.engagement import read
from workbench.store.engagement_save import EditConflict, save_engagement

folder, question, value = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
base = read(folder)
print("loaded", flush=True)
sys.stdin.readline()  # the test says when to save
try:
    result = save_engagement(base, replace(base, answers={**base.answers, question: value == "yes"}))
except EditConflict as exc:
    print(f"refused: {exc}", flush=True)
    raise SystemExit(3)
print(f"saved revision {result.revision} kept {','.join(result.taken)}", flush=True)
"""


class StaleWriter:
    """A process that read engagement.yaml and saves one yes/no answer when told to."""

    def __init__(self, folder: Path, question: str, value: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", STALE_WRITER, str(folder), question, value],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.proc.stdout.readline().strip() == "loaded", self.proc.stderr.read()

    def save(self) -> tuple[int, str]:
        out, err = self.proc.communicate("\n", timeout=60)
        return self.proc.returncode, out + err
