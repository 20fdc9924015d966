"""Running the real `crmwb` on hostile inputs: in a fresh interpreter with its address space capped, so a
regression that expands aliases or reads a device without end fails the test instead of eating the machine.

The subprocess timeout is a guard against a hang, not a timing assertion: the cases finish in about a second.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
MINI = DATA / "mini.yaml"
MEMORY_CAP = 1024 * 1024 * 1024
GUARD_SECONDS = 180


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def crmwb(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    """`crmwb ARGS` in `cwd`, with at most 1 GiB of address space."""
    env = {k: v for k, v in os.environ.items() if k not in ("CRMWB_DEBUG", "CRMWB_PLAYBOOKS")}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        preexec_fn=_cap_memory,
    )


def assert_bad_input(result: subprocess.CompletedProcess, where: str, fragment: str) -> None:
    """Exit 2, a problem at `where` (`file:line:col` or `file`) mentioning `fragment`, and no crash."""
    assert "internal error" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{where}: ")]
    assert lines, f"no problem at {where}: {result.stderr}"
    assert any(fragment in line for line in lines), result.stderr


def mini_with(old: str, new: str) -> str:
    """The mini playbook's text with one exact fragment replaced (the fragment must be there)."""
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def line_col(text: str, fragment: str | int) -> str:
    """`line:col` of the first `fragment` in `text`, or of an offset (to state expected locations without
    counting by hand)."""
    offset = fragment if isinstance(fragment, int) else text.index(fragment)
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - text.rfind(chr(10), 0, offset)}"


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path
