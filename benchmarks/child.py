"""Run a command as a child process and report its wall time and peak memory (the child's own ru_maxrss).

`resource.getrusage(RUSAGE_CHILDREN)` is the maximum over every child ever waited for, so each run is
waited for with `os.wait4`, which returns the usage of that one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass
class Run:
    label: str
    seconds: float
    cpu_seconds: float
    """user + system time: the figure to compare on a busy machine, where wall time includes waiting"""
    peak_mib: float
    code: int
    tail: str

    def line(self) -> str:
        return (
            f"  {self.label:<44}{self.seconds:>9.2f} s{self.cpu_seconds:>9.2f} s{self.peak_mib:>10.1f} MiB"
            f"   exit {self.code}"
        )


def measure(label: str, argv: list[str], cwd: str | None = None) -> Run:
    """Run argv to completion; its stderr's last line is kept to show why it failed, if it did."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    tail = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
    return Run(
        label,
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / scale,
        proc.returncode,
        tail[0][:200],
    )


HEADER = f"  {'':<44}{'wall':>11}{'cpu':>11}{'peak RSS':>14}"


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def compile_like_an_install() -> None:
    """Write the package's bytecode, as `pip install .` does for a user, before timing whole processes.
    An editable install keeps none of its own, and where `PYTHONDONTWRITEBYTECODE` is set (this project's
    CI containers set it) every process compiles the workbench's ~200 modules from source again, while
    the Textual it is compared with comes compiled from site-packages. The test suite calls it too
    (tests/conftest.py). `py_compile` writes the files whatever that variable says, atomically, and leaves
    a file that is up to date alone."""
    import compileall
    from pathlib import Path

    compileall.compile_dir(Path(__file__).resolve().parent.parent / "workbench", quiet=2, workers=0)
