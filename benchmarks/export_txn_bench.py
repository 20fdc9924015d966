"""Export transaction benchmark: what all-or-nothing costs on top of the writers.

Each export is timed whole, and the switch inside it (folder checks, comparing with the previous files,
fsync, journal, renames) on its own, so the writers' time in the same run is the baseline. Once into an
empty folder, then twice over the previous export (the common re-export). Prints figures; asserts nothing.

Run: `python benchmarks/export_txn_bench.py [SCALE]` (default 10: the generated playbook at 10x core).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_scaled_playbook  # noqa: E402


def main(scale: int) -> None:
    from workbench.domain.resolve import resolve
    from workbench.loading.playbooks import load_playbook
    from workbench.writers import transaction
    from workbench.writers.context import ExportContext
    from workbench.writers.export import export

    spent = {"commit": 0.0}
    commit = transaction.Transaction.commit

    def timed_commit(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return commit(self, *args, **kwargs)
        finally:
            spent["commit"] += time.perf_counter() - start

    transaction.Transaction.commit = timed_commit
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        loaded = load_playbook(write_scaled_playbook(tmp_path / "big.yaml", scale))
        pb = loaded.playbook
        ctx = ExportContext(resolve(pb, {}), pb, {}, "Benchmark", date(2027, 1, 4), "en", loaded.digest, "")
        print(
            f"playbook {scale}x core; per run: whole export, of which the switch (checks, compare, fsync, "
            "journal, renames)"
        )
        again = tmp_path / "again"
        runs = (
            ("into an empty folder", None),
            ("over its previous export", again),
            ("over its previous export", again),
        )
        for label, folder in runs:
            out = folder or tmp_path / f"fresh{time.monotonic_ns()}"
            spent["commit"] = 0.0
            start = time.perf_counter()
            result = export(ctx, out)
            wall = time.perf_counter() - start
            switch = spent["commit"]
            print(
                f"  {label:<26} {len(result.files):4d} files  {wall:6.2f} s  switch {switch:5.2f} s "
                f"({switch / wall * 100:4.1f} %)"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
