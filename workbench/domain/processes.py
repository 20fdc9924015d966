"""Process maps: nodes in role lanes and the edges between them, checked as a graph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from workbench.domain.base import Id, Item, Strict
from workbench.domain.conditions import Condition, applies
from workbench.domain.digraph import DiGraph
from workbench.domain.text import Text

NodeKind = Literal["start", "task", "decision", "end"]


class Node(Strict):
    id: Id
    kind: NodeKind
    lane: Id
    label: Text
    when: Condition | None = None
    """only on a task with one exit: when false the step drops out and its entries lead to its exit"""


class Edge(Strict):
    source: Id
    target: Id
    label: Text | None = None
    when: Condition | None = None


class Process(Item):
    name: Text
    description: Text | None = None
    nodes: list[Node]
    edges: list[Edge]


@dataclass(frozen=True)
class GraphProblem:
    """A defect of a process graph; `where` is ('nodes', i) or ('edges', i) inside the process."""

    where: tuple[str, int] | None
    message: str


@dataclass(frozen=True)
class Handoff:
    source: str
    target: str
    from_role: str
    to_role: str


def to_graph(process: Process) -> DiGraph:
    """The process as a DiGraph; node attributes carry kind, lane and label."""
    graph = DiGraph(id=process.id)
    for node in process.nodes:
        graph.add_node(node.id, kind=node.kind, lane=node.lane, label=node.label)
    for edge in process.edges:
        if edge.source in graph and edge.target in graph:
            graph.add_edge(edge.source, edge.target, label=edge.label)
    return graph


def check_process(process: Process) -> list[GraphProblem]:
    """Structural checks: one start, all reachable, every path ends, decisions have labelled exits."""
    index = {n.id: i for i, n in enumerate(process.nodes)}
    problems = _reference_problems(process, index)
    graph = to_graph(process)
    starts = [n.id for n in process.nodes if n.kind == "start"]
    ends = [n.id for n in process.nodes if n.kind == "end"]
    if len(starts) != 1:
        problems.append(GraphProblem(None, f"a process needs exactly one start node; found {len(starts)}"))
    if not ends:
        problems.append(GraphProblem(None, "a process needs at least one end node; found none"))
    for node in process.nodes:
        problems += _node_problems(graph, node, ("nodes", index[node.id]))
    if len(starts) == 1:
        reachable = graph.descendants(starts[0]) | {starts[0]}
        for node in process.nodes:
            if node.id not in reachable:
                problems.append(
                    GraphProblem(
                        ("nodes", index[node.id]), f"step {node.id!r} cannot be reached from the start"
                    )
                )
    if ends:
        finishing = set(ends).union(*(graph.ancestors(e) for e in ends))
        for node in process.nodes:
            if node.id not in finishing and node.kind != "end":
                problems.append(
                    GraphProblem(("nodes", index[node.id]), f"no path from step {node.id!r} reaches an end")
                )
    return problems


def _reference_problems(process: Process, index: dict[str, int]) -> list[GraphProblem]:
    """Node ids used twice and edges naming a node that does not exist."""
    problems: list[GraphProblem] = []
    seen: set[str] = set()
    for i, node in enumerate(process.nodes):
        if node.id in seen:
            problems.append(GraphProblem(("nodes", i), f"node id {node.id!r} is used twice"))
        seen.add(node.id)
    for i, edge in enumerate(process.edges):
        for end in (edge.source, edge.target):
            if end not in index:
                problems.append(GraphProblem(("edges", i), f"edge refers to unknown node {end!r}"))
    return problems


def _node_problems(graph: DiGraph, node: Node, where: tuple[str, int]) -> list[GraphProblem]:
    """What one node's own edges get wrong for its kind (a start entered, an end left, a dead end, a
    decision with fewer than two or unlabelled exits)."""
    problems: list[GraphProblem] = []
    out_edges = graph.out_edges(node.id)
    if node.kind == "start" and graph.in_degree(node.id):
        problems.append(GraphProblem(where, f"start node {node.id!r} has incoming edges"))
    if node.kind == "end" and out_edges:
        problems.append(GraphProblem(where, f"end node {node.id!r} has outgoing edges"))
    if node.kind in ("task", "start") and not out_edges:
        problems.append(GraphProblem(where, f"{node.kind} {node.id!r} leads nowhere; expected an exit"))
    if node.kind == "decision":
        if len(out_edges) < 2:
            problems.append(GraphProblem(where, f"decision {node.id!r} needs at least two exits"))
        if any(not data.get("label") for _, _, data in out_edges):
            problems.append(GraphProblem(where, f"every exit of decision {node.id!r} needs a label"))
    return problems


def conditional_node_problems(process: Process) -> list[GraphProblem]:
    """A step that may drop out must be a task with exactly one exit, so that its entries can be linked
    to that exit and the map stays a valid graph for every answer."""
    problems: list[GraphProblem] = []
    for i, node in enumerate(process.nodes):
        if node.when is None:
            continue
        exits = sum(1 for e in process.edges if e.source == node.id)
        if node.kind != "task" or exits != 1:
            problems.append(
                GraphProblem(
                    ("nodes", i),
                    f"only a task with exactly one exit may have a condition; {node.id!r} is a "
                    f"{node.kind} with {exits} exits",
                )
            )
    return problems


def resolve_process(process: Process, answers: dict[str, Any]) -> Process:
    """The map as it applies to one client: conditional steps and edges whose `when` is false drop out,
    and every edge into a dropped step is led on to the step after it (keeping its own label)."""
    kept = {n.id for n in process.nodes if applies(n.when, answers)}
    edges = [e for e in process.edges if applies(e.when, answers)]
    exit_of = {e.source: e.target for e in edges if e.source not in kept}
    relinked: list[Edge] = []
    seen: set[tuple[str, str]] = set()
    for edge in edges:
        if edge.source not in kept:
            continue
        target, passed = edge.target, {edge.target}
        while target not in kept and target in exit_of and exit_of[target] not in passed:
            target = exit_of[target]
            passed.add(target)
        if target in kept and (edge.source, target) not in seen:
            seen.add((edge.source, target))
            relinked.append(_settled(edge, target=target))
    nodes = [_settled(n) for n in process.nodes if n.id in kept]
    return process.model_copy(update={"nodes": nodes, "edges": relinked})


def _settled(item: Any, **update: Any) -> Any:
    """`item` without its condition and with `update`; the item itself when that changes nothing (most
    steps have no condition: resolving the 75x playbook copied 13,000 of them for nothing)."""
    update["when"] = None
    if all(getattr(item, name) == value for name, value in update.items()):
        return item
    return item.model_copy(update=update)


def handoffs(process: Process) -> list[Handoff]:
    """Edges that cross lanes: where work passes from one role to another."""
    lanes = {n.id: n.lane for n in process.nodes}
    return [
        Handoff(e.source, e.target, lanes[e.source], lanes[e.target])
        for e in process.edges
        if e.source in lanes and e.target in lanes and lanes[e.source] != lanes[e.target]
    ]
