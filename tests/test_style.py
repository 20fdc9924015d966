"""The house style, enforced: `ruff check` and `ruff format --check` pass on the code, the tests, the tools
and the benchmarks, with the rules of pyproject.toml ([tool.ruff]); .ci/run also runs them, and mypy.

The rules are proven live on a scratch file: a line over 110 characters and a function over complexity 12
fail, so a config that stopped selecting them could not pass silently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")
CHECKED = ("workbench", "tests", "tools", "benchmarks")


def _ruff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(RUFF), *args, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_ruff_check_passes():
    result = _ruff("check", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_check_passes():
    result = _ruff("format", "--check", *CHECKED)
    assert result.returncode == 0, "run `ruff format " + " ".join(CHECKED) + "`:\n" + result.stdout


def _too_complex() -> str:
    """A function with 13 decision points (complexity 14): one over the limit of 12."""
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(13))
    return f"def pick(x):\n{branches}    return -1\n"


def test_the_rules_catch_a_long_line_and_a_complex_function(tmp_path):
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    long_line = "VALUE = " + repr("x" * 110) + "\n"
    (tmp_path / "sample.py").write_text(long_line + "\n\n" + _too_complex(), encoding="utf-8")
    result = _ruff("check", "--output-format", "concise", "sample.py", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    codes = {line.split()[1] for line in result.stdout.splitlines() if line.startswith("sample.py:")}
    assert codes == {"E501", "C901"}, result.stdout
    assert "`pick` is too complex (14 > 12)" in result.stdout
