"""A real second program holding the write lock of an engagement's state.db, for the TUI's busy tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
""")


@contextmanager
def lock_held(folder: Path) -> Iterator[Callable[[], None]]:
    """`BEGIN EXCLUSIVE` on folder/state.db in another process until the block ends or the yielded
    `release()` is called."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder / "state.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def release() -> None:
        if holder.stdin is not None and not holder.stdin.closed:
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait(timeout=60)

    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield release
    finally:
        release()


def notifications(app) -> list[str]:
    """What the app said, shown now or faded already (a toast lives a few seconds; a loaded machine can take
    longer than that between the toast and the test's look)."""
    return [*getattr(app, "notes_seen", ()), *(str(n.message) for n in app._notifications)]


async def wait_for(pilot, condition, steps: int = 200, delay: float = 0.05) -> bool:
    """Pause until `condition()` holds, at most `steps` times; the caller asserts the result."""
    for _ in range(steps):
        if condition():
            return True
        await pilot.pause(delay)
    return condition()


def slow_saves(monkeypatch, method: str, seconds: float) -> None:
    """Make each call of `Session.<method>` (a store change the TUI queues) take `seconds` longer, so keys
    typed meanwhile meet the change landing between them."""
    from workbench.app.session import Session

    real = getattr(Session, method)

    def slow(self, *args, **kwargs):
        time.sleep(seconds)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Session, method, slow)
