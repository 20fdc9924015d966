"""How the Deliverables screen copes with a big playbook. Run: `python benchmarks/tui_matrix_bench.py`
(prints figures; asserts nothing). `--scale N` sets the size (default 100x core); `--folder DIR` keeps
the generated engagement there and reuses it on the next run (creating it takes a minute or two).

Measured headless (App.run_test at 120x40), on one engagement of the retail example. Each figure is the
process CPU time (the work: handlers, layout, rendering) with the wall-clock time beside it; the wall time
also holds Pilot's idle detection after every key and whatever else the machine runs, so on a busy machine
read the CPU column. Pilot itself costs CPU per key, growing with the number of widgets on the screen
(it waits for every widget to process a callback), so key series also show the cost of a key that does
nothing on the same screen, and the difference ("net"): that is what the key costs in the app.
1. time to the RFP tab (app start to first page shown), once as is and once after gc.freeze() (a 100x
   playbook is ~2 million objects that every full garbage collection walks again; the app should freeze
   them once the engagement is open), then paging through every page, filtering, searching and an edit;
2. time to show the permission matrix tab and to move its cursor across every column and row;
3. RACI and plan tabs (4,200 tasks at 100x);
4. next to: an empty Textual app, a bare DataTable holding every RFP row (what the screen avoids) and a
   bare DataTable holding the matrix (both after gc.freeze(), like everything after the first line).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Select

from benchmarks.generate import write_scaled_playbook
from workbench.app.engagement import create
from workbench.app.session import Session
from workbench.domain.matrix import permission_matrix
from workbench.store.engagement import is_engagement
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.widgets.paged_table import PagedTable
from workbench.tui.widgets.permission_matrix import SCOPE_LABELS, SCOPE_STYLES, PermissionMatrixTable
from workbench.tui.widgets.rfp_table import RfpTable, rfp_rows, weight_bar

SIZE = (120, 40)
ANSWERS = ROOT / "playbooks" / "examples" / "retail-chain.answers.yaml"


def prepare(folder: Path, scale: int) -> None:
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


class Host(App):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.push_screen(DeliverablesScreen(self.session))


class Empty(App):
    """The floor: a Textual app that shows nothing."""


class Bare(App):
    """The same rows in one plain DataTable: every RFP row at once (the way the screen does not do it),
    or the permission matrix without the screen's fixed role column, two-line header and findings."""

    def __init__(self, columns: list[str], rows: list[tuple], cursor: str = "row") -> None:
        super().__init__()
        self.columns, self.rows, self.cursor = columns, rows, cursor

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type=self.cursor)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        table.add_rows(self.rows)
        table.focus()


def matrix_rows(session: Session) -> tuple[list[str], list[tuple]]:
    """The permission matrix's cells exactly as the screen renders them."""
    matrix = permission_matrix(session.opened.resolved)
    columns = ["Role"] + [f"{o}:{a}" for o, a in matrix.columns()]
    rows = [
        (
            Text(row.name),
            *(
                Text(SCOPE_LABELS[row.scope(o, a)], style=SCOPE_STYLES[row.scope(o, a)])
                for o, a in matrix.columns()
            ),
        )
        for row in matrix.rows
    ]
    return columns, rows


class Clock:
    """CPU and wall time from creation to `str()`; `per(n)` gives the figures for one of n steps."""

    def __init__(self) -> None:
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        self.stopped: tuple[float, float] | None = None

    def stop(self) -> Clock:
        self.stopped = (time.process_time() - self.cpu, time.perf_counter() - self.wall)
        return self

    def per(self, n: int, baseline: float | None = None) -> str:
        cpu, wall = self.stopped or self.stop().stopped
        net = f", net {cpu * 1000 / max(n, 1) - baseline:6.1f} ms" if baseline is not None else ""
        return f"{cpu * 1000 / max(n, 1):7.1f} ms cpu ({wall * 1000 / max(n, 1):7.1f} wall) each{net}"

    def cpu_each(self, n: int) -> float:
        cpu, _ = self.stopped or self.stop().stopped
        return cpu * 1000 / max(n, 1)

    def __str__(self) -> str:
        cpu, wall = self.stopped or self.stop().stopped
        return f"{cpu * 1000:8.1f} ms cpu ({wall * 1000:8.1f} wall)"


def line(label: str, clock: Clock, note: str = "") -> None:
    print(f"{label:<40}{clock}{'   ' + note if note else ''}")


async def timed_keys(pilot, keys: list[str]) -> Clock:
    clock = Clock()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    return clock.stop()


async def first_show(session: Session, label: str) -> None:
    clock = Clock()
    async with Host(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        line(label, clock.stop())


async def bench_screen(session: Session) -> None:
    pb = session.opened.resolved
    await first_show(session, "RFP tab shown (app start, first page)")
    gc.freeze()
    clock = Clock()
    app = Host(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(RfpTable)
        line(
            "  the same after gc.freeze()",
            clock.stop(),
            f"{len(pb.requirements):,} requirements, {table.pages} pages of {table.page_size}",
        )
        clock = Clock()
        rfp_rows(pb)
        line("  of which building the row list", clock.stop())
        noop = (await timed_keys(pilot, ["f12"] * 50)).cpu_each(50)
        print(f"  a key that does nothing: {noop:.1f} ms cpu (Pilot's wait on this screen's widgets)")
        pages = table.pages
        clock = await timed_keys(pilot, ["n"] * (pages - 1))
        line(f"  page through all {pages} pages (n)", clock, clock.per(pages - 1, noop))
        clock = await timed_keys(pilot, ["down"] * 400)
        line("  cursor down x400 (turns pages)", clock, clock.per(400, noop))
        clock = Clock()
        screen.query_one("#rfp-module", Select).value = "service"
        await pilot.pause()
        line("  filter by module (service)", clock.stop(), f"{table.info.total:,} rows")
        screen.query_one("#rfp-module", Select).clear()
        await pilot.press("slash")
        clock = await timed_keys(pilot, list("consent"))
        line("  type a 7-letter search", clock, f"{clock.per(7, noop)}, {table.info.total:,} rows")
        await pilot.press("enter")
        clock = await timed_keys(pilot, ["c"])
        line("  edit a priority (saved, applied, shown)", clock, clock.per(1, noop))

        clock = Clock()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        matrix = screen.query_one(PermissionMatrixTable)
        columns = len(matrix.columns) - 1
        line("matrix tab shown", clock.stop(), f"{matrix.row_count} roles x {columns} object/action columns")
        clock = await timed_keys(pilot, ["right"] * columns)
        line("  cursor across every column", clock, clock.per(columns, noop))
        clock = await timed_keys(pilot, ["down"] * (matrix.row_count - 1))
        line("  cursor down every row", clock, clock.per(matrix.row_count - 1, noop))

        for tab in ("raci", "plan"):
            clock = Clock()
            screen.show_tab(tab)
            await pilot.pause()
            grid = screen.query_one(f"#{tab}-table", PagedTable)
            line(f"{tab.upper()} tab shown", clock.stop(), f"{len(grid.items):,} tasks, {grid.pages} pages")


async def bench_bare(session: Session) -> None:
    clock = Clock()
    async with Empty().run_test(size=SIZE) as pilot:
        await pilot.pause()
        line("empty Textual app started", clock.stop())
    rows = [
        (Text(r.id), Text(r.module_name), Text(r.priority), Text(weight_bar(r.weight)), Text(r.text[:80]))
        for r in rfp_rows(session.opened.resolved)
    ]
    clock = Clock()
    app = Bare(["ID", "Module", "Priority", "Weight", "Requirement"], rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line(f"bare DataTable, all {len(rows):,} rows shown", clock.stop())
        noop = (await timed_keys(pilot, ["f12"] * 50)).cpu_each(50)
        print(f"  a key that does nothing: {noop:.1f} ms cpu")
        clock = await timed_keys(pilot, ["pagedown"] * 50)
        line("  pagedown x50", clock, clock.per(50, noop))
        clock = await timed_keys(pilot, ["down"] * 400)
        line("  cursor down x400", clock, clock.per(400, noop))
        clock = await timed_keys(pilot, ["end"])
        line("  end (last row)", clock)
    columns, rows = matrix_rows(session)
    clock = Clock()
    app = Bare(columns, rows, cursor="cell")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line("bare DataTable, the matrix shown", clock.stop(), f"{len(rows)} x {len(columns) - 1}")
        noop = (await timed_keys(pilot, ["f12"] * 50)).cpu_each(50)
        clock = await timed_keys(pilot, ["right"] * (len(columns) - 1))
        line("  cursor across every column", clock, clock.per(len(columns) - 1, noop))
        clock = await timed_keys(pilot, ["down"] * (len(rows) - 1))
        line("  cursor down every row", clock, clock.per(len(rows) - 1, noop))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--folder", type=Path, help="keep (and reuse) the generated engagement here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp) / "engagement"
        prepare(folder, args.scale)
        clock = Clock()
        session = Session.open(folder, "bench")
        line("engagement opened (before the TUI)", clock.stop(), "load, resolve, schedule, sync the store")
        try:
            asyncio.run(bench_screen(session))
            asyncio.run(bench_bare(session))
        finally:
            session.close()


if __name__ == "__main__":
    main()
