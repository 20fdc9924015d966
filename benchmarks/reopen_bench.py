"""Re-opening a large engagement, without and with the resolved-playbook cache, measured in one run.
Run: `python benchmarks/reopen_bench.py [--scale N] [--folder DIR]` (prints figures; asserts nothing).

The engagement is `core` repeated N times (benchmarks/generate.py) with the retail-chain answers. Each
figure is `open_engagement` (read, resolve, plan, store sync) in a fresh interpreter, next to the
interpreter's whole run:
- without the cache: the same open with the cache's lookup and store switched off (the code as it was);
- first open: a miss that also writes the cache entry;
- re-open: a fresh process served from the disk cache (what `crmwb status`, `crmwb open` pay);
- re-open in the same process: the in-memory entry (what the TUI pays after a watcher reload).

The default scale is 75: `core` has grown to 1.36 MB, so the 100x playbook (85 MB) is over the loader's
64 MB file limit and refused; 75x (64 MB) is the largest that loads. Its cache entry is 6.7 MB (each
distinct text once, the playbook as loaded, resolved again when read).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWERS = ROOT / "playbooks" / "examples" / "retail-chain.answers.yaml"
CHILD = """
import sys, time
from workbench.app import playbook_cache
from workbench.app.engagement import open_engagement
if sys.argv[2] == "off":
    playbook_cache.lookup = lambda *a: None
    playbook_cache.store = lambda *a: None
times = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    open_engagement(sys.argv[1], "bench").close()
    times.append(time.perf_counter() - start)
print(" ".join(f"{t:.3f}" for t in times))
"""


def prepare(folder: Path, scale: int) -> None:
    from benchmarks.generate import write_scaled_playbook
    from workbench.app.engagement import create
    from workbench.store.engagement import is_engagement

    if is_engagement(folder):
        print(f"engagement: reusing {folder}")
        return
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    playbook = write_scaled_playbook(folder / f"core_x{scale}.yaml", scale)
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))["answers"]
    create(folder, str(playbook), answers, "Benchmark client", date(2025, 1, 6), "bench")
    print(
        f"engagement: {scale}x core created in {time.perf_counter() - start:.1f} s "
        f"({playbook.stat().st_size / 1e6:.1f} MB playbook)"
    )


def child(folder: Path, cache: Path, mode: str, opens: int = 1) -> tuple[list[float], float]:
    """The open times printed by a fresh interpreter, and its wall time."""
    env = dict(os.environ, CRMWB_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), mode, str(opens)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [float(t) for t in out.split()], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=75)
    parser.add_argument("--folder", type=Path, help="keep the engagement here (reused when present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp) / "engagement"
        prepare(folder, args.scale)
        cache = Path(tmp) / "cache"
        rows = [("without the cache (baseline)", child(folder, cache, "off"))]
        rows.append(("first open, writing the cache", child(folder, cache, "on")))
        reopen = child(folder, cache, "on", opens=2)
        rows.append(("re-open, from the disk cache", ([reopen[0][0]], reopen[1])))
        rows.append(("re-open in the same process", ([reopen[0][1]], 0.0)))
        baseline = rows[0][1][0][0]
        for label, (times, wall) in rows:
            process = f"   process {wall:6.2f} s" if wall else ""
            print(f"  {label:<32} open {times[0]:6.2f} s  {baseline / times[0]:6.1f}x faster{process}")


if __name__ == "__main__":
    main()
