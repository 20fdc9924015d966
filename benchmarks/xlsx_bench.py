"""xlsx benchmark: every xlsx deliverable (rfp, roles, kpis, plan) written by its writer, next to the same
cells written raw with openpyxl (same values, no styles, write-only mode), in the same run, and the ratio.

Run: `python benchmarks/xlsx_bench.py [--scale 1 10] [--lang en fa] [--repeat 3] [--profile]`.
`--scale 1` is the bundled `core`; larger scales are generated (benchmarks/generate.py; 100x is over the
playbook size limit). Each figure is the best of `--repeat` rounds. The writers' time includes the domain work
they do first (schedule, KPI plan, governance checks): it is printed on its own as well. `--profile` adds
where the writers' time goes: domain, styles, cell writes, saving, validation and conditional formatting,
localisation. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_scaled_playbook  # noqa: E402

DELIVERABLES = ("rfp", "roles", "kpis", "plan")


def best(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """The best time of each function over `repeat` rounds, run in turn within each round so that a busy
    machine slows all of them alike."""
    times = [float("inf")] * len(fns)
    for _ in range(repeat):
        for index, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[index] = min(times[index], time.perf_counter() - start)
    return times


def context(scale: int, lang: str, tmp: Path):
    from workbench.domain.resolve import resolve
    from workbench.loading.catalog import bundled_dir
    from workbench.loading.playbooks import load_playbook
    from workbench.writers.context import ExportContext

    path = (
        bundled_dir() / "core.yaml"
        if scale == 1
        else write_scaled_playbook(tmp / f"core-x{scale}.yaml", scale)
    )
    loaded = load_playbook(path)
    assert loaded.ok, loaded.problems[:3]
    pb = loaded.playbook
    return ExportContext(resolve(pb, {}), pb, {}, "Benchmark", date(2027, 1, 4), lang, loaded.digest, "")


def write_all(ctx, folder: Path) -> list[Path]:
    from workbench.writers.registry import writer

    folder.mkdir(parents=True, exist_ok=True)
    return [path for name in DELIVERABLES for path in writer(name, "xlsx")(ctx, folder)]


def domain_only(ctx) -> None:
    """What the writers compute before writing a cell, without writing."""
    from workbench.domain.governance import check_governance
    from workbench.domain.kpi_plan import kpi_plan
    from workbench.domain.levelling import role_load
    from workbench.domain.matrix import permission_matrix, raci_table
    from workbench.domain.plan import plan_for
    from workbench.domain.plan_gantt import gantt
    from workbench.domain.rfp_pack import groups
    from workbench.i18n import use_language

    with use_language(ctx.lang):
        groups(ctx.playbook, ctx.lang)
        findings = check_governance(ctx.playbook)
        permission_matrix(ctx.playbook, ctx.lang, include=[(f.object, f.action) for f in findings if f.cell])
        raci_table(ctx.playbook, ctx.lang)
        kpi_plan(ctx.playbook, ctx.start, ctx.lang, ctx.calendar, ctx.answers)
        plan = plan_for(ctx.playbook, ctx.answers, ctx.start, ctx.calendar)
        gantt(plan)
        role_load(ctx.playbook, plan)


def read_values(paths: list[Path]) -> tuple[int, list[list[list[object]]]]:
    from openpyxl import load_workbook

    sheets, cells = [], 0
    for path in paths:
        book = load_workbook(path, read_only=True)
        for ws in book.worksheets:
            rows = [list(row) for row in ws.iter_rows(values_only=True)]
            cells += sum(1 for row in rows for value in row if value is not None)
            sheets.append(rows)
        book.close()
    return cells, sheets


def write_raw(sheets: list[list[list[object]]], folder: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for rows in sheets:
        ws = book.create_sheet()
        for row in rows:
            ws.append(row)
    book.save(folder / "raw.xlsx")


CATEGORIES = (
    ("domain (schedule, KPIs, governance)", ("workbench/domain/",)),
    ("styles (named styles, number formats)", ("openpyxl/styles/", "writers/xlsx_style.py")),
    (
        "validation + conditional formatting",
        ("openpyxl/worksheet/datavalidation", "openpyxl/formatting/", "openpyxl/worksheet/cell_range"),
    ),
    (
        "saving (xml, zip)",
        (
            "openpyxl/writer/",
            "openpyxl/worksheet/_writer",
            "openpyxl/cell/_writer",
            "openpyxl/xml/",
            "openpyxl/compat/",
            "zipfile",
            "zlib",
            "lxml",
            "et_xmlfile",
        ),
    ),
    ("cells (openpyxl cell and sheet)", ("openpyxl/cell/", "openpyxl/worksheet/", "openpyxl/utils/")),
    ("writers' own code", ("workbench/writers/",)),
    ("translations", ("workbench/i18n", "gettext")),
)
OTHER = "other"


def _category(filename: str) -> str | None:
    for name, marks in CATEGORIES:
        if any(mark in filename for mark in marks):
            return name
    return None


def profile(ctx, folder: Path) -> None:
    """The writers' own time by where it is spent; time in Python's builtins and standard library counts
    for whoever called them (split by the callers' share)."""
    profiler = cProfile.Profile()
    profiler.enable()
    write_all(ctx, folder)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    spent = dict.fromkeys([name for name, _ in CATEGORIES] + [OTHER], 0.0)

    def charge(key: tuple, seconds: float, depth: int = 0) -> None:
        category = _category(key[0])
        callers = stats[key][4] if key in stats else {}
        if category is not None or not callers or depth > 8:
            spent[category or OTHER] += seconds
            return
        total = sum(c[3] for c in callers.values()) or 1.0
        for caller, figures in callers.items():
            charge(caller, seconds * figures[3] / total, depth + 1)

    for key, figures in stats.items():
        charge(key, figures[2])
    total = sum(spent.values())
    print("    where the writers' time goes (profiled, so slower than above):")
    for name, seconds in spent.items():
        print(f"      {name:<40} {seconds:6.2f} s  {100 * seconds / total:4.0f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--lang", nargs="+", default=["en", "fa"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for scale in args.scale:
            for lang in args.lang:
                ctx = context(scale, lang, tmp)
                out = tmp / f"x{scale}-{lang}"
                paths = write_all(ctx, out)  # warm: imports, catalogues
                cells, sheets = read_values(paths)
                writers, raw, domain = best(
                    [
                        lambda ctx=ctx, out=out: write_all(ctx, out),
                        lambda sheets=sheets: write_raw(sheets, tmp),
                        lambda ctx=ctx: domain_only(ctx),
                    ],
                    args.repeat,
                )
                label = "core" if scale == 1 else f"{scale}x core"
                print(f"{label} [{lang}]: {cells:,} cells in {len(paths)} workbooks")
                print(
                    f"  xlsx writers {writers:6.2f} s   raw openpyxl (write-only, no styles) {raw:6.2f} s  "
                    f"ratio {writers / raw:4.1f}x"
                )
                print(
                    f"  of which domain work {domain:5.2f} s; writing alone {writers - domain:5.2f} s, "
                    f"ratio {(writers - domain) / raw:4.1f}x"
                )
                if args.profile:
                    profile(ctx, out)


if __name__ == "__main__":
    main()
