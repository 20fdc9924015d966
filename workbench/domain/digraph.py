"""A small directed graph for the plan, the dependency checks and the process checks.

Opening an engagement checks and schedules its playbook; importing networkx for that took about a
quarter of a second, longer than the checks themselves. This keeps the few operations those paths use,
with networkx's semantics (one edge per pair, nodes in first-seen order, attributes merged). The error
paths that name a cycle still ask networkx (`to_networkx`), so their messages stay exactly as they were.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any


class CycleError(ValueError):
    """The graph has a cycle, so it has no topological order."""


class DiGraph:
    def __init__(self, **attrs: Any) -> None:
        self.graph: dict[str, Any] = dict(attrs)
        self.nodes: dict[Hashable, dict[str, Any]] = {}
        """node -> its attributes, in the order the nodes were first seen"""
        self._succ: dict[Hashable, dict[Hashable, dict[str, Any]]] = {}
        self._pred: dict[Hashable, dict[Hashable, dict[str, Any]]] = {}

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.nodes)

    def add_node(self, node: Hashable, **attrs: Any) -> None:
        if node not in self.nodes:
            self.nodes[node] = {}
            self._succ[node] = {}
            self._pred[node] = {}
        self.nodes[node].update(attrs)

    def add_edge(self, source: Hashable, target: Hashable, **attrs: Any) -> None:
        self.add_node(source)
        self.add_node(target)
        data = self._succ[source].setdefault(target, {})
        data.update(attrs)
        self._pred[target][source] = data

    def add_edges_from(self, edges: Iterable[tuple[Hashable, Hashable]]) -> None:
        for source, target in edges:
            self.add_edge(source, target)

    def successors(self, node: Hashable) -> Iterator[Hashable]:
        return iter(self._succ[node])

    def predecessors(self, node: Hashable) -> Iterator[Hashable]:
        return iter(self._pred[node])

    def in_degree(self, node: Hashable) -> int:
        return len(self._pred[node])

    def out_edges(self, node: Hashable) -> list[tuple[Hashable, Hashable, dict[str, Any]]]:
        return [(node, target, data) for target, data in self._succ[node].items()]

    def edges(self) -> Iterator[tuple[Hashable, Hashable]]:
        return ((source, target) for source, targets in self._succ.items() for target in targets)

    def descendants(self, node: Hashable) -> set[Hashable]:
        return _reach(node, self._succ)

    def ancestors(self, node: Hashable) -> set[Hashable]:
        return _reach(node, self._pred)

    def ordered(self, key: Callable[[Hashable], Any]) -> list[Hashable]:
        """A topological order that takes, of the nodes ready, the one with the smallest key first
        (networkx's lexicographical_topological_sort); CycleError when there is none."""
        position = {node: i for i, node in enumerate(self.nodes)}
        waiting = {node: len(pred) for node, pred in self._pred.items() if pred}
        ready = [(key(node), position[node], node) for node, pred in self._pred.items() if not pred]
        heapq.heapify(ready)
        order: list[Hashable] = []
        while ready:
            node = heapq.heappop(ready)[2]
            order.append(node)
            for child in self._succ[node]:
                waiting[child] -= 1
                if not waiting[child]:
                    del waiting[child]
                    heapq.heappush(ready, (key(child), position[child], child))
        if waiting:
            raise CycleError("the graph has a cycle")
        return order

    def has_cycle(self) -> bool:
        try:
            self.ordered(key=lambda node: 0)
        except CycleError:
            return True
        return False

    def to_networkx(self):
        """The same graph in networkx, for the rare reports that need its cycle algorithms."""
        import networkx as nx

        graph = nx.DiGraph(**self.graph)
        graph.add_nodes_from(self.nodes.items())
        graph.add_edges_from((s, t, data) for s, targets in self._succ.items() for t, data in targets.items())
        return graph


def _reach(start: Hashable, links: dict[Hashable, dict[Hashable, dict[str, Any]]]) -> set[Hashable]:
    seen: set[Hashable] = set()
    todo = list(links[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(links[node])
    seen.discard(start)  # as networkx: a node is not its own descendant, even on a cycle
    return seen
