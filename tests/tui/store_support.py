"""A real second program holding the write lock of an engagement's state.db, for the TUI's busy tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
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
    return [str(n.message) for n in app._notifications]


async def wait_for(pilot, condition, steps: int = 200, delay: float = 0.05) -> bool:
    """Pause until `condition()` holds, at most `steps` times; the caller asserts the result."""
    for _ in range(steps):
        if condition():
            return True
        await pilot.pause(delay)
    return condition()
