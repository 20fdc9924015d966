"""Benchmark of `crmwb import-activity` on a big export. Run: `python -m benchmarks.activity_csv_bench [MB]`.

Generates an activity CSV of MB megabytes (default 200: just under the reader's 200 MiB limit; about three
million users) in a temporary folder, then runs, each in its own process: the baseline (the file read
line by line and the lines counted, like `wc -l`, and the same file through `csv.reader` alone), and the
real command on a new engagement. Prints wall time, CPU time and peak memory (the child's ru_maxrss) of
each. Asserts nothing.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from benchmarks.child import HEADER as COLUMNS
from benchmarks.child import measure, python

ROLES = ("Sales", "Sales manager", "Customer service", "Marketing", "Integration", "Support line 2")
HEADER = "user,role,last_login,logins,leads_created,deals_created,cases_created,activities_logged,trained\n"


def write_csv(path: Path, megabytes: float, seed: int = 3) -> int:
    """A well-formed export of about `megabytes` MB; returns the number of users."""
    rng, target, users = random.Random(seed), int(megabytes * 1_000_000), 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        written = len(HEADER)
        while written < target:
            block = []
            for _ in range(10_000):
                users += 1
                block.append(
                    f"user{users:08d}@example.com,{rng.choice(ROLES)},"
                    f"2025-03-{rng.randint(1, 31):02d},"
                    f"{rng.randint(0, 60)},{rng.randint(0, 9)},{rng.randint(0, 5)},{rng.randint(0, 9)},"
                    f"{rng.randint(0, 99)},{rng.choice('yn')}\n"
                )
            text = "".join(block)
            out.write(text)
            written += len(text)
    return users


def main(argv: list[str]) -> None:
    megabytes = float(argv[0]) if argv else 200.0
    crmwb = str(Path(sys.executable).with_name("crmwb"))
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "activity.csv"
        users = write_csv(csv_path, megabytes)
        size = csv_path.stat().st_size
        print(f"activity CSV: {size / 1e6:,.1f} MB, {users:,} users")
        engagement = Path(tmp) / "eng"
        setup = measure("setup: crmwb new", [crmwb, "new", str(engagement), "--playbook", "core"])
        if setup.code:
            print(setup.line(), setup.tail)
            return
        runs = [
            measure(
                "baseline: count lines (wc -l)",
                python(f"n=0\nwith open({str(csv_path)!r}, 'rb') as f:\n for _ in f: n += 1\nprint(n)"),
            ),
            measure(
                "baseline: csv.reader, every row",
                python(
                    f"import csv\nwith open({str(csv_path)!r}, encoding='utf-8', newline='') as f:\n"
                    " print(sum(1 for _ in csv.reader(f)))"
                ),
            ),
            measure(
                "crmwb import-activity",
                [crmwb, "import-activity", str(engagement), str(csv_path), "--date", "2025-03-31"],
            ),
        ]
    print(COLUMNS)
    for run in runs:
        print(run.line() + (f"   ({run.tail})" if run.code else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
