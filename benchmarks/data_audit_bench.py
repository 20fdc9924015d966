"""Benchmark of `crmwb data-audit`. Run: `python -m benchmarks.data_audit_bench [ROWS] [SAMPLE]`.

Generates a contacts export of ROWS rows (default 1,000,000) with planted duplicates and invalid values
(`tests/data_audit/planted.py`) in a temporary folder, then runs, each in its own process:

- the baseline: the same file through `csv.reader` alone (what reading costs at all);
- the real command on the whole file (target: 1M rows in at most 2 minutes on 2 cores);
- on a SAMPLE-row file (default 10,000): the naive way, every record scored against every other
  (n²/2 pairs), and the blocking the command uses, on the same sample, with the pairs each scored and the
  precision and recall each reached.

Prints wall time, CPU time and peak memory (the child's ru_maxrss) of each. Asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.child import HEADER, measure, python

SAMPLE_RUN = """
import sys, time
from tests.data_audit.planted import generate
from workbench.domain.data_quality.matching import candidate_pairs, clusters, score_pair
from workbench.domain.data_quality.records import Inspector
table, truth = generate({rows}, seed=19)
columns = {{"name": 0, "phone": 1, "email": 2, "company": 3, "birth_date": 4, "national_id": 5, "updated": 6}}
inspector = Inspector(columns, "contact", "IR", ("name", "phone", "email"))
inspector.add_rows(table)
records = inspector.result.records
started, cpu = time.perf_counter(), time.process_time()
n = len(records)
naive = ((i, j) for i in range(n) for j in range(i + 1, n))
pairs_iter = naive if "{mode}" == "naive" else candidate_pairs(records)
scored, found = 0, []
for i, j in pairs_iter:
    scored += 1
    pair = score_pair(records, i, j)
    if pair is not None:
        found.append(pair)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
rows = set()
for c in clusters(records, found):
    members = sorted(records[i].row for i in c.members)
    rows.update((a, b) for x, a in enumerate(members) for b in members[x + 1:])
hits = len(rows & truth.pairs)
print(f"{mode}: {{scored:,}} pairs scored in {{seconds:.2f}} s ({{cpu:.2f}} s cpu); "
      f"precision {{hits / max(1, len(rows)):.4f}}, recall {{hits / len(truth.pairs):.4f}}", file=sys.stderr)
"""


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv else 1_000_000
    sample = int(argv[1]) if len(argv) > 1 else 10_000
    crmwb = str(Path(sys.executable).with_name("crmwb"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contacts.csv"
        # written by a child: a forked child starts with its parent's peak memory (ru_maxrss), so the
        # million rows must never be held by this process
        made = measure(
            "setup: generate the file",
            python(
                f"from pathlib import Path\nfrom tests.data_audit.planted import generate, write_csv\n"
                f"write_csv(Path({str(path)!r}), generate({rows}, seed=19)[0])"
            ),
        )
        if made.code:
            print(made.line(), made.tail)
            return
        print(f"contacts CSV: {path.stat().st_size / 1e6:,.1f} MB, {rows:,} rows; sample {sample:,} rows")
        print(HEADER)
        runs = [
            measure(
                "baseline: csv.reader, every row",
                python(
                    f"import csv\nn=0\nf = open({str(path)!r}, encoding='utf-8', newline='')\n"
                    "for _ in csv.reader(f): n += 1"
                ),
            ),
            measure(f"crmwb data-audit, {rows:,} rows", [crmwb, "data-audit", str(path), "--region", "IR"]),
            measure(
                f"naive all pairs, {sample:,} rows", python(SAMPLE_RUN.format(rows=sample, mode="naive"))
            ),
            measure(f"blocking, {sample:,} rows", python(SAMPLE_RUN.format(rows=sample, mode="blocking"))),
        ]
        for run in runs:
            print(run.line())
            if run.label.startswith(("naive", "blocking")) or run.code not in (0, 1):
                print(f"    {run.tail}")


if __name__ == "__main__":
    main(sys.argv[1:])
