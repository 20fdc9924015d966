"""The layered layout every process drawing shares: columns, lanes, tracks, loops and edge routes."""

from __future__ import annotations

import itertools

import pytest

from tests.writers.processes_fixtures import core_processes, playbook, support
from workbench.domain.layout import Box, layered_layout, place, steps_by_lane
from workbench.domain.processes import Process

SIZES = {"start": (36, 36), "end": (36, 36), "task": (100, 80), "decision": (50, 50)}


def chain(*edges: tuple[str, str], lanes: dict[str, str] | None = None, kinds: dict[str, str] | None = None):
    names = list(dict.fromkeys(n for e in edges for n in e))
    lanes, kinds = lanes or {}, kinds or {}
    return Process.model_validate(
        {
            "id": "p",
            "name": "P",
            "nodes": [
                {"id": n, "kind": kinds.get(n, "task"), "lane": lanes.get(n, "a"), "label": n} for n in names
            ],
            "edges": [{"source": s, "target": t} for s, t in edges],
        }
    )


def test_columns_follow_the_longest_path_from_the_start():
    layout = layered_layout(support())
    columns = {n: c.column for n, c in layout.cells.items()}
    assert columns == {
        "opened": 0,
        "triage": 1,
        "solved": 2,
        "notify": 3,
        "escalate": 3,
        "confirm": 4,
        "happy": 5,
        "closed": 6,
        "reopen": 6,
        "gone": 6,
    }
    assert layout.columns == 7


def test_loops_are_back_edges_and_do_not_push_columns():
    layout = layered_layout(support())
    assert layout.back_edges == {("reopen", "triage"), ("happy", "confirm")}
    cycle = layered_layout(
        chain(("s", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("b", "b"), kinds={"s": "start"})
    )
    assert {n: c.column for n, c in cycle.cells.items()} == {"s": 0, "a": 1, "b": 2, "c": 3}
    assert cycle.back_edges == {("c", "a"), ("b", "b")}


def test_every_end_event_gets_a_cell_and_unreachable_steps_are_still_placed():
    process = chain(
        ("s", "x"), ("x", "e1"), ("x", "e2"), ("orphan", "e2"), kinds={"s": "start", "e1": "end", "e2": "end"}
    )
    layout = layered_layout(process)
    assert set(layout.cells) == {"s", "x", "e1", "e2", "orphan"}
    assert layout.cells["e1"].column == layout.cells["e2"].column == 2
    assert layout.cells["orphan"].column == 0


def test_lanes_are_rows_and_shared_cells_get_tracks():
    layout = layered_layout(support())
    assert [(b.id, b.first_row, b.rows) for b in layout.lanes] == [
        ("agent", 0, 2),
        ("lead", 2, 1),
        ("customer", 3, 1),
    ]
    assert (layout.cells["closed"].track, layout.cells["reopen"].track) == (0, 1)
    cells = [(c.row, c.column) for c in layout.cells.values()]
    assert len(cells) == len(set(cells))
    for cell in layout.cells.values():
        band = next(b for b in layout.lanes if b.id == cell.lane)
        assert band.first_row <= cell.row < band.first_row + band.rows


def test_steps_by_lane_lists_each_lane_in_drawing_order():
    assert steps_by_lane(layered_layout(support())) == [
        ("agent", ["opened", "triage", "solved", "notify", "closed", "reopen"]),
        ("lead", ["escalate"]),
        ("customer", ["confirm", "happy", "gone"]),
    ]


def _crosses(a: tuple[int, int], b: tuple[int, int], box: Box) -> bool:
    """Whether a horizontal or vertical segment passes through the inside of a box."""
    (x1, y1), (x2, y2) = a, b
    if x1 == x2:
        return box.x < x1 < box.right and max(min(y1, y2), box.y) < min(max(y1, y2), box.bottom)
    return box.y < y1 < box.bottom and max(min(x1, x2), box.x) < min(max(x1, x2), box.right)


def _on_border(point: tuple[int, int], box: Box) -> bool:
    x, y = point
    inside = box.x <= x <= box.right and box.y <= y <= box.bottom
    return inside and (x in (box.x, box.right) or y in (box.y, box.bottom))


@pytest.mark.parametrize("process", [support(), *playbook().processes, *core_processes()], ids=lambda p: p.id)
def test_placed_routes_are_orthogonal_touch_their_ends_and_avoid_other_steps(process):
    layout = layered_layout(process)
    placed = place(process, layout, SIZES, 190, 160, origin=(80, 20))
    assert set(placed.routes) == set(range(len(process.edges)))
    for (a, box_a), (b, box_b) in itertools.combinations(placed.nodes.items(), 2):
        separate = (
            box_a.right <= box_b.x
            or box_b.right <= box_a.x
            or box_a.bottom <= box_b.y
            or box_b.bottom <= box_a.y
        )
        assert separate, (a, b)
    for node, box in placed.nodes.items():
        lane = placed.lanes[layout.cells[node].lane]
        assert lane.x <= box.x and box.right <= lane.right and lane.y <= box.y and box.bottom <= lane.bottom
    for index, route in placed.routes.items():
        edge = process.edges[index]
        assert len(route) >= 2
        assert _on_border(route[0], placed.nodes[edge.source]), (edge, route)
        assert _on_border(route[-1], placed.nodes[edge.target]), (edge, route)
        segments = list(itertools.pairwise(route))
        for step, (p, q) in enumerate(segments):
            assert p != q and (p[0] == q[0] or p[1] == q[1]), (edge, route)
            for node, box in placed.nodes.items():
                own_end = (step == 0 and node == edge.source) or (
                    step == len(segments) - 1 and node == edge.target
                )
                assert own_end or not _crosses(p, q, box), (edge.source, edge.target, node, route)


def test_a_decision_sends_at_most_one_exit_through_each_of_its_top_and_bottom():
    process = support()
    placed = place(process, layered_layout(process), SIZES, 190, 160)
    assert set(placed.nodes) == {node.id for node in process.nodes}
    for node, box in placed.nodes.items():
        for side in (box.y, box.bottom):
            starts = [
                i
                for i, e in enumerate(process.edges)
                if e.source == node and placed.routes[i][0] == (box.cx, side)
            ]
            assert len(starts) <= 1, (node, starts)
