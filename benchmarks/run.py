"""Benchmarks for the playbook core. Run: `python benchmarks/run.py` (prints figures; asserts nothing).

1. Load and validate a generated playbook 100x the size of `core`, with the C and the pure-Python
   YAML loader side by side.
2. Start-up time of `crmwb --help` next to a bare `python -c pass`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_scaled_playbook  # noqa: E402
from workbench.domain.checks import check_playbook  # noqa: E402
from workbench.domain.playbook import Playbook  # noqa: E402
from workbench.loading.located_yaml import no_gc, read_yaml  # noqa: E402


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def bench_load(scale: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_scaled_playbook(Path(tmp) / "big.yaml", scale)
        size = path.stat().st_size
        print(f"generated playbook: {scale}x core, {size / 1e6:.1f} MB")
        loaders = [
            ("C (CSafeLoader)", getattr(yaml, "CSafeLoader", None)),
            ("pure Python (SafeLoader)", yaml.SafeLoader),
        ]
        for label, loader in loaders:
            if loader is None:
                print(f"  {label}: not available in this PyYAML build")
                continue
            parse_s, raw = timed(lambda loader=loader: read_yaml(path, loader=loader))
            with no_gc():  # as the loader does
                validate_s, pb = timed(lambda raw=raw: Playbook.model_validate(raw))
                check_s, problems = timed(lambda pb=pb: check_playbook(pb))
            print(
                f"  {label:<26} parse {parse_s:6.2f} s   validate {validate_s:5.2f} s   "
                f"checks {check_s:5.2f} s   total {parse_s + validate_s + check_s:6.2f} s   "
                f"({sum(1 for _ in pb.tasks())} tasks, {len(pb.requirements)} requirements, "
                f"{len(problems)} problems)"
            )


def bench_startup(runs: int = 7) -> None:
    def run(args: list[str]) -> float:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    bare = run([sys.executable, "-c", "pass"])
    help_ = run([sys.executable, "-m", "workbench", "--help"])
    validate = run([sys.executable, "-m", "workbench", "validate", "core"])
    print(
        f"start-up (median of {runs}): python -c pass {bare * 1000:.0f} ms   crmwb --help {help_ * 1000:.0f} "
        "ms"
        f"   crmwb validate core {validate * 1000:.0f} ms"
    )


if __name__ == "__main__":
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    bench_load(scale)
    bench_startup()
