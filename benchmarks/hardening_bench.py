"""Hostile inputs against the loader's budgets. Run: `python benchmarks/hardening_bench.py` (prints figures;
asserts nothing).

Each case runs `crmwb validate` in a fresh interpreter and prints its wall time, peak memory (max RSS) and
exit code, next to the same command on the small, valid `tests/data/mini.yaml` measured in the same run:
a refused hostile file should cost about what a valid small one does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini.yaml"


def cases(folder: Path) -> dict[str, Path]:
    text = MINI.read_text(encoding="utf-8")
    out: dict[str, Path] = {"baseline: valid mini.yaml": MINI}

    def write(name: str, body: str) -> Path:
        path = folder / name
        path.write_text(body, encoding="utf-8")
        return path

    bomb = (
        '        deliverable: &big "'
        + "A" * 1_000_000
        + '"\n        checklist: ['
        + ", ".join(["*big"] * 20_000)
        + "]\n"
    )
    out["1.1 MB file, aliases expanding to 20 GB"] = write(
        "bomb.yaml", text.replace("        name: Write the RFP\n", "        name: Write the RFP\n" + bomb, 1)
    )
    out["int of 5,000 digits"] = write(
        "int.yaml", text.replace("    target: 85", "    target: " + "9" * 5000)
    )
    out["formula of 5,000 unary minus"] = write(
        "formula.yaml",
        text.replace("formula: active / licensed * 100", 'formula: "' + "-" * 5000 + 'active"'),
    )
    out["100,000 nested ["] = write("deep.yaml", "a: " + "[" * 100_000 + "\n")
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    out["a FIFO"] = fifo
    return out


def run(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of `crmwb validate PATH` (RSS read from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "validate", str(path)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in cases(Path(tmp)).items():
            seconds, peak_mb, code = run(path)
            print(f"  {label:<42} {seconds:6.2f} s  {peak_mb:7.1f} MB peak  exit {code}")


if __name__ == "__main__":
    main()
