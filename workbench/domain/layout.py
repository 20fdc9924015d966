"""A layered layout of a process map, shared by every drawing of it (BPMN DI today, a TUI view later).

Columns come from the longest path from the start through the graph once its back-edges (loops such as
"reopen the case") are set aside; rows are the role lanes, a lane getting extra tracks where two of its
steps fall in the same column. `place` turns that grid into boxes and orthogonal edge routes in whatever
unit the caller draws in (pixels for BPMN, character cells for a terminal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from graphlib import TopologicalSorter

from workbench.domain.processes import Edge, Process

Point = tuple[int, int]


@dataclass(frozen=True)
class Cell:
    """Where a node sits: its column, its lane, its track inside the lane and its row in the whole grid."""

    column: int
    lane: str
    track: int
    row: int


@dataclass(frozen=True)
class LaneBand:
    id: str
    first_row: int
    rows: int


@dataclass(frozen=True)
class Layout:
    cells: dict[str, Cell]
    lanes: list[LaneBand]
    columns: int
    rows: int
    back_edges: frozenset[tuple[str, str]]
    """Edges drawn against the flow (loops back to an earlier step, self-loops)."""


def _back_edges(order: list[str], succ: dict[str, list[str]], roots: list[str]) -> set[tuple[str, str]]:
    """Edges that close a cycle in a depth-first walk from the roots (then from anything left over)."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    back: set[tuple[str, str]] = set()
    for root in roots + order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return back


def layered_layout(process: Process) -> Layout:
    """Columns by longest path from the start (loops broken), rows by lane; pure and deterministic."""
    order = list(dict.fromkeys(n.id for n in process.nodes))
    nodes = {n.id: n for n in process.nodes}
    edges = [(e.source, e.target) for e in process.edges if e.source in nodes and e.target in nodes]
    succ: dict[str, list[str]] = {n: [] for n in order}
    for source, target in edges:
        succ[source].append(target)
    starts = [n for n in order if nodes[n].kind == "start"]
    back = _back_edges(order, succ, starts)
    preds: dict[str, list[str]] = {n: [] for n in order}
    for source, target in dict.fromkeys(edges):
        if (source, target) not in back:
            preds[target].append(source)
    column: dict[str, int] = {}
    for node in TopologicalSorter(preds).static_order():
        column[node] = max((column[p] + 1 for p in preds[node]), default=0)
    position = {n: i for i, n in enumerate(order)}
    lane_ids = sorted(
        dict.fromkeys(nodes[n].lane for n in order),
        key=lambda lane: min((column[n], position[n]) for n in order if nodes[n].lane == lane),
    )
    cells: dict[str, Cell] = {}
    bands: list[LaneBand] = []
    first_row = 0
    for lane in lane_ids:
        track: dict[str, int] = {}
        members = [n for n in order if nodes[n].lane == lane]
        for col in sorted({column[n] for n in members}):
            here = [n for n in members if column[n] == col]
            pulls = {n: [track[p] for p in preds[n] if p in track] for n in here}
            ranked = sorted(
                here, key=lambda n: (sum(pulls[n]) / len(pulls[n]) if pulls[n] else 0.0, position[n])
            )
            for i, n in enumerate(ranked):
                track[n] = i
        rows = max(track.values()) + 1
        for n in members:
            cells[n] = Cell(column[n], lane, track[n], first_row + track[n])
        bands.append(LaneBand(lane, first_row, rows))
        first_row += rows
    columns = max(column.values(), default=-1) + 1
    return Layout(cells, bands, columns, first_row, frozenset(back))


def steps_by_lane(layout: Layout) -> list[tuple[str, list[str]]]:
    """Each lane (top to bottom) with its node ids in drawing order: by column, then track."""
    return [
        (
            band.id,
            sorted(
                (n for n, c in layout.cells.items() if c.lane == band.id),
                key=lambda n: (layout.cells[n].column, layout.cells[n].track),
            ),
        )
        for band in layout.lanes
    ]


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> int:
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        return self.y + self.h // 2

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass(frozen=True)
class Placement:
    nodes: dict[str, Box]
    lanes: dict[str, Box]
    routes: dict[int, list[Point]]
    """edge index in process.edges -> orthogonal waypoints from the source's border to the target's"""
    width: int
    height: int


def place(
    process: Process,
    layout: Layout,
    sizes: Mapping[str, tuple[int, int]],
    col_width: int,
    row_height: int,
    origin: Point = (0, 0),
) -> Placement:
    """Boxes centred in their grid cells, lane bands across the grid, and a route for every edge.

    Routes avoid other nodes where they can: vertical runs use the gaps between columns, loops run along
    the bottom margin of a row."""
    x0, y0 = origin
    kinds = {n.id: n.kind for n in process.nodes}
    boxes: dict[str, Box] = {}
    for node, cell in layout.cells.items():
        w, h = sizes[kinds[node]]
        cx, cy = x0 + cell.column * col_width + col_width // 2, y0 + cell.row * row_height + row_height // 2
        boxes[node] = Box(cx - w // 2, cy - h // 2, w, h)
    lanes = {
        band.id: Box(x0, y0 + band.first_row * row_height, layout.columns * col_width, band.rows * row_height)
        for band in layout.lanes
    }
    router = _Router(layout, boxes, kinds, col_width, row_height, origin)
    known = [(i, e) for i, e in enumerate(process.edges) if e.source in boxes and e.target in boxes]
    router.reserve_row_sides([e for _, e in known])
    routes = {index: router.route(edge) for index, edge in known}
    return Placement(boxes, lanes, routes, x0 + layout.columns * col_width, y0 + layout.rows * row_height)


class _Router:
    """Orthogonal routes over the grid of one placement. It remembers which margins of a row already carry
    a route (so parallel routes are spread apart) and which sides of a node loops and skips use (so a
    decision's vertical exit avoids them); edges must be routed in order for the result to be stable."""

    def __init__(
        self,
        layout: Layout,
        boxes: dict[str, Box],
        kinds: Mapping[str, str],
        col_width: int,
        row_height: int,
        origin: Point,
    ) -> None:
        self.cell = layout.cells
        self.boxes = boxes
        self.kinds = kinds
        self.col_width, self.row_height = col_width, row_height
        self.x0, self.y0 = origin
        self.occupied = {(c.row, c.column) for c in layout.cells.values()}
        self.taken: set[tuple[str, str]] = set()
        """Sides used by loops (bottom) and skips (top) within one row; a decision's vertical exit avoids
        them."""
        self.shared: dict[tuple[int, bool], int] = {}

    def gap_left(self, col: int) -> int:
        return self.x0 + col * self.col_width

    def channel(self, row: int, k: int, top: bool = False) -> int:
        """A y in the bottom (or top) margin of a row; k spreads the routes that share it."""
        step = max(self.row_height // 12, 1) * (1 + k)
        if top:
            return self.y0 + row * self.row_height + step
        return self.y0 + (row + 1) * self.row_height - step

    def free_row(self, row: int, first: int, last: int) -> bool:
        return all((row, c) not in self.occupied for c in range(first, last + 1))

    def free_col(self, col: int, first: int, last: int) -> bool:
        return all((r, col) not in self.occupied for r in range(first, last + 1))

    def lane_y(self, row: int, top: bool = False) -> int:
        k = self.shared.get((row, top), 0)
        self.shared[(row, top)] = k + 1
        return self.channel(row, k, top)

    def reserve_row_sides(self, edges: list[Edge]) -> None:
        """Mark the sides that loops (bottom) and skips over a busy row (top) will use."""
        for e in edges:
            cs, ct = self.cell[e.source], self.cell[e.target]
            if cs.row == ct.row and ct.column < cs.column:
                self.taken |= {(e.source, "bottom"), (e.target, "bottom")}
            elif cs.row == ct.row and not self.free_row(cs.row, cs.column + 1, ct.column - 1):
                self.taken |= {(e.source, "top"), (e.target, "top")}

    def route(self, edge: Edge) -> list[Point]:
        cs, ct = self.cell[edge.source], self.cell[edge.target]
        if ct.column > cs.column:
            return self._forward(edge)
        s, t = self.boxes[edge.source], self.boxes[edge.target]
        if cs.row == ct.row and cs.column != ct.column:
            y = self.lane_y(cs.row)
            return [(s.cx, s.bottom), (s.cx, y), (t.cx, y), (t.cx, t.bottom)]
        return self._back(edge)

    def _back(self, edge: Edge) -> list[Point]:
        """A loop to an earlier column in another row (or to the same column): along the bottom margin of
        the lower row, its vertical runs spread by how many routes already share that margin."""
        s, t = self.boxes[edge.source], self.boxes[edge.target]
        cs, ct = self.cell[edge.source], self.cell[edge.target]
        high = max(cs.row, ct.row)
        k = self.shared.get((high, False), 0)
        y, xa, xb = self.lane_y(high), self.gap_left(cs.column + 1) - 4 * k, self.gap_left(ct.column) + 4 * k
        return [(s.right, s.cy), (xa, s.cy), (xa, y), (xb, y), (xb, t.cy), (t.x, t.cy)]

    def _forward(self, edge: Edge) -> list[Point]:
        """An edge to a later column: straight when the row is clear, else over the top margin (same row),
        down or up from a decision, or through the gap beside a clear row."""
        s, t = self.boxes[edge.source], self.boxes[edge.target]
        cs, ct = self.cell[edge.source], self.cell[edge.target]
        out, into = (s.right, s.cy), (t.x, t.cy)
        between = (cs.column + 1, ct.column - 1)
        if cs.row == ct.row:
            if self.free_row(cs.row, *between):
                return [out, into]
            y = self.lane_y(cs.row, top=True)
            return [(s.cx, s.y), (s.cx, y), (t.cx, y), (t.cx, t.y)]
        vertical = self._decision_exit(edge, between)
        if vertical is not None:
            return vertical
        if self.free_row(ct.row, *between):
            x = self.gap_left(cs.column + 1)
            return [out, (x, s.cy), (x, t.cy), into]
        if self.free_row(cs.row, *between):
            x = self.gap_left(ct.column)
            return [out, (x, s.cy), (x, t.cy), into]
        y, xa, xb = self.lane_y(min(cs.row, ct.row)), self.gap_left(cs.column + 1), self.gap_left(ct.column)
        return [out, (xa, s.cy), (xa, y), (xb, y), (xb, t.cy), into]

    def _decision_exit(self, edge: Edge, between: tuple[int, int]) -> list[Point] | None:
        """A decision leaves by its bottom (or top) straight to the target's row when that side is free and
        nothing stands in the way; None when it cannot."""
        s, t = self.boxes[edge.source], self.boxes[edge.target]
        cs, ct = self.cell[edge.source], self.cell[edge.target]
        down = ct.row > cs.row
        side = (edge.source, "bottom" if down else "top")
        if (
            self.kinds[edge.source] != "decision"
            or side in self.taken
            or not self.free_row(ct.row, *between)
            or not self.free_col(cs.column, *((cs.row + 1, ct.row) if down else (ct.row, cs.row - 1)))
        ):
            return None
        self.taken.add(side)
        return [(s.cx, s.bottom if down else s.y), (s.cx, t.cy), (t.x, t.cy)]
