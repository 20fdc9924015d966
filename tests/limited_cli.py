"""Run the real `crmwb` in a child process under a 1 GiB address-space limit, for hostile inputs: a
regression that inflates a bomb or holds a huge file then fails (MemoryError -> exit 70, or killed) instead
of eating the machine. The timeout is a guard against a hang (a FIFO read), not a timing assertion.
`patch` is Python run before the command, to lower a module's limit so the input can stay small."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDRESS_SPACE = 1 << 30
GUARD_SECONDS = 300


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_limited(*args: object, patch: str = "") -> subprocess.CompletedProcess:
    code = f"import sys\n{patch}\nfrom workbench.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_limit,
        timeout=GUARD_SECONDS,
        check=False,
    )


REPORT_PEAK_MEMORY = (
    "import atexit, resource\n"
    "atexit.register(lambda: print('peak-rss-kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "file=sys.stderr))"
)
"""A `patch` that makes the child print its peak resident memory (KiB) as the last line of its stderr: a
test can then bound how much memory an input costs, far below what the address-space limit catches."""


def peak_memory_kib(result: subprocess.CompletedProcess) -> int:
    """The peak resident memory a run with `patch=REPORT_PEAK_MEMORY` reported."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("peak-rss-kib ")]
    assert lines, f"the child did not report its peak memory: {result.stderr[-500:]}"
    return int(lines[-1].split()[1])
