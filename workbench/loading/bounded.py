"""Reading a user's file within a byte budget, whatever kind of file the path names.

`stat().st_size` is not a budget: a FIFO, `/dev/stdin` or a symlink to `/dev/zero` reports size 0 and then
reads forever. Every reader of user files goes through `read_bounded`, which refuses anything that is not a
regular file (after following links, so a link to a regular file still works) and never reads more than
`limit + 1` bytes, so an oversized file is refused without being held in memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class BoundedReadError(Exception):
    """The file cannot be read within its budget; `message` says what is wrong and what was expected."""

    def __init__(self, message: str, file: str):
        super().__init__(f"{file}: {message}")
        self.message = message
        self.file = file


def open_regular(path: Path, what: str = "file"):
    """Open `path` for binary reading if it is a regular file; refuse FIFOs, devices, sockets, folders."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BoundedReadError(f"cannot read {what}: {exc.strerror or exc}", file) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe, device or socket)"
            raise BoundedReadError(f"{what} is {kind}; expected a regular file", file)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `BoundedReadError` otherwise."""
    with open_regular(path, what) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BoundedReadError(
            f"{what} is over the limit of {limit:,} bytes; expected a smaller file", str(path)
        )
    return data
