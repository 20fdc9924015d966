"""The small DiGraph the plan and the checks use instead of networkx gives networkx's answers: the same
topological order (smallest key first among the ready), the same reach, the same cycle verdict."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from workbench.domain.digraph import CycleError, DiGraph


def random_graphs(count: int, acyclic: bool):
    rng = random.Random(14)
    for _ in range(count):
        size = rng.randint(1, 40)
        nodes = [f"n{i}" for i in rng.sample(range(100), size)]
        edges = [
            (a, b)
            for a in nodes
            for b in nodes
            if a != b and rng.random() < 0.08 and (not acyclic or nodes.index(a) < nodes.index(b))
        ]
        rng.shuffle(edges)
        ours, theirs = DiGraph(), nx.DiGraph()
        for i, node in enumerate(rng.sample(nodes, len(nodes))):
            ours.add_node(node, order=i)
            theirs.add_node(node, order=i)
        for a, b in edges + edges[:3]:  # an edge given twice stays one edge
            ours.add_edge(a, b)
            theirs.add_edge(a, b)
        yield ours, theirs


def test_the_order_is_networkx_lexicographical_topological_order():
    graphs = list(random_graphs(200, acyclic=True))
    assert len(graphs) == 200 and sum(len(list(g.edges())) for g, _ in graphs) > 500
    for ours, theirs in graphs:
        key = lambda n, theirs=theirs: theirs.nodes[n]["order"]  # noqa: E731
        assert ours.ordered(key) == list(nx.lexicographical_topological_sort(theirs, key=key))
        assert not ours.has_cycle()


def test_reach_and_degrees_are_networkx_s():
    for ours, theirs in random_graphs(100, acyclic=False):
        assert list(ours) == list(theirs) and sorted(ours.edges()) == sorted(theirs.edges())
        for node in theirs:
            assert ours.descendants(node) == nx.descendants(theirs, node)
            assert ours.ancestors(node) == nx.ancestors(theirs, node)
            assert ours.in_degree(node) == theirs.in_degree(node)
            assert list(ours.successors(node)) == list(theirs.successors(node))


def test_a_cycle_is_found_and_named_by_networkx():
    cyclic = [(o, t) for o, t in random_graphs(100, acyclic=False) if not nx.is_directed_acyclic_graph(t)]
    assert len(cyclic) > 20
    for ours, theirs in cyclic:
        assert ours.has_cycle()
        with pytest.raises(CycleError):
            ours.ordered(key=lambda n: theirs.nodes[n]["order"])
        assert nx.find_cycle(ours.to_networkx()) == nx.find_cycle(theirs)


def test_attributes_merge_and_nodes_keep_their_first_place():
    graph = DiGraph(id="p")
    graph.add_edge("a", "b", label="yes")
    graph.add_node("a", kind="start")
    graph.add_edge("a", "b", weight=2)
    assert list(graph) == ["a", "b"] and graph.nodes["a"] == {"kind": "start"}
    assert graph.out_edges("a") == [("a", "b", {"label": "yes", "weight": 2})] and graph.graph == {"id": "p"}
