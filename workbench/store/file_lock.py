"""An exclusive lock on a small lock file beside engagement.yaml, held only while a writer re-reads,
merges and writes the file (milliseconds). fcntl on POSIX, msvcrt on Windows; the OS drops the lock
when a process dies, so a crashed writer never leaves the folder locked."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.i18n import _
from workbench.store.base import StoreBusy

LOCK_NAME = ".engagement.yaml.lock"
WAIT_SECONDS = 10.0


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the engagement folder's write lock; StoreBusy if another writer keeps it past `wait` s."""
    path = Path(folder) / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise StoreBusy(
                    _("{file}: another program is saving this engagement; retry in a moment").format(
                        file=Path(folder) / "engagement.yaml"
                    )
                )
            time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
