"""Export benchmark: every deliverable for the generated 100x playbook, with wall time and peak memory,
next to the time the same spreadsheet cells take when written raw (openpyxl write-only, no styles), so the
writers' own overhead shows as a ratio.

Run: `python benchmarks/export_bench.py [SCALE]` (default 100). Prints figures; asserts nothing.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_scaled_playbook  # noqa: E402


def count_cells(folder: Path) -> tuple[int, list[list[list[object]]]]:
    """Every non-empty cell of every xlsx written, as plain values per sheet."""
    from openpyxl import load_workbook

    sheets, total = [], 0
    for path in sorted(folder.rglob("*.xlsx")):
        book = load_workbook(path, read_only=True)
        for ws in book.worksheets:
            rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
            total += sum(1 for row in rows for c in row if c is not None)
            sheets.append(rows)
    return total, sheets


def write_raw(sheets: list[list[list[object]]], folder: Path) -> float:
    from openpyxl import Workbook

    start = time.perf_counter()
    book = Workbook(write_only=True)
    for rows in sheets:
        ws = book.create_sheet()
        for row in rows:
            ws.append(row)
    book.save(folder / "raw.xlsx")
    return time.perf_counter() - start


def main(scale: int) -> None:
    from workbench.domain.resolve import resolve
    from workbench.loading.playbooks import load_playbook
    from workbench.writers.context import ExportContext
    from workbench.writers.export import export
    from workbench.writers.registry import REGISTRY

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        path = write_scaled_playbook(tmp_path / "big.yaml", scale)
        loaded = load_playbook(path)
        assert loaded.ok, loaded.problems[:3]
        pb = loaded.playbook
        ctx = ExportContext(resolve(pb, {}), pb, {}, "Benchmark", date(2027, 1, 4), "en", loaded.digest, "")
        print(
            f"playbook {scale}x core: {sum(1 for _ in pb.tasks())} tasks, {len(pb.requirements)} "
            "requirements, "
            f"{len(pb.processes)} processes, {len(pb.kpis)} KPIs"
        )
        out = tmp_path / "out"
        for deliverable in REGISTRY:
            start = time.perf_counter()
            result = export(ctx, out / deliverable, only=[deliverable])
            print(f"  {deliverable:<10} {time.perf_counter() - start:7.2f} s  {len(result.files):5d} files")
        start = time.perf_counter()
        export(ctx, out / "all")
        wall = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cells, sheets = count_cells(out / "all")
        xlsx_time = 0.0
        for deliverable, formats in REGISTRY.items():
            if "xlsx" in formats:
                start = time.perf_counter()
                export(ctx, out / f"x-{deliverable}", only=[deliverable], formats=["xlsx"])
                xlsx_time += time.perf_counter() - start
        raw = write_raw(sheets, tmp_path)
        print(f"everything: {wall:.2f} s wall, peak memory {peak_mb:.0f} MB (process maximum RSS)")
        print(
            f"xlsx writers: {cells:,} cells in {xlsx_time:.2f} s; the same cells written raw: {raw:.2f} s "
            f"(overhead ratio {xlsx_time / raw:.1f}x: styles, formulas, validation, widths, print setup)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
