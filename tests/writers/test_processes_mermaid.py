"""Mermaid files read back line by line: lanes as subgraphs, shapes per kind, labelled edges, safe text."""

from __future__ import annotations

import re

from tests.writers.processes_fixtures import FORMULA, NASTY, context
from workbench.writers import mermaid

SUBGRAPH = re.compile(r'^  subgraph (\w+)\["([^"]*)"\]$')
NODE = re.compile(r'^    (\w+)(\(\[|\[|\{)"([^"]*)"(\]\)|\]|\})$')
EDGE = re.compile(r'^  (\w+) -->(?:\|"([^"|]*)"\|)? (\w+)$')
SHAPE = {"([": "stadium", "[": "rectangle", "{": "rhombus"}


def decode(text: str) -> str:
    """What Mermaid shows for an entity-coded label."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


def parse(source: str) -> dict:
    """Lanes with their nodes, node shapes and labels, edges and classes: every line must be understood."""
    lines = source.splitlines()
    assert lines[0] == "flowchart LR"
    lanes: list[tuple[str, list[str]]] = []
    nodes: dict[str, tuple[str, str]] = {}
    edges: list[tuple[str, str, str | None]] = []
    classes: dict[str, list[str]] = {}
    for line in lines[1:]:
        if m := SUBGRAPH.match(line):
            lanes.append((decode(m.group(2)), []))
        elif m := NODE.match(line):
            assert m.group(1) not in nodes
            nodes[m.group(1)] = (SHAPE[m.group(2)], decode(m.group(3)))
            lanes[-1][1].append(m.group(1))
        elif m := EDGE.match(line):
            label = decode(m.group(2)) if m.group(2) is not None else None
            edges.append((m.group(1), m.group(3), label))
        elif line.startswith("  class "):
            members, name = line.split()[1:]
            classes[name] = members.split(",")
        else:
            assert line in ("  end",) or line.startswith(("  %% ", "  classDef ")), line
    return {"lanes": lanes, "nodes": nodes, "edges": edges, "classes": classes}


def test_one_flowchart_per_process(tmp_path):
    written = mermaid.write(context(), tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "processes/lead_to_deal.mmd",
        "processes/support.mmd",
    ]
    mini = parse(written[0].read_text(encoding="utf-8"))
    assert mini["lanes"] == [("Specialist", ["n_s", "n_q", "n_drop"]), ("Consultant", ["n_work", "n_won"])]
    assert mini["edges"] == [
        ("n_s", "n_q", None),
        ("n_q", "n_work", "yes"),
        ("n_q", "n_drop", "no"),
        ("n_work", "n_won", None),
    ]


def test_support_shapes_lanes_edges_and_labels_survive_escaping(tmp_path):
    ctx = context()
    got = parse(mermaid.write(ctx, tmp_path)[1].read_text(encoding="utf-8"))
    assert [name for name, _ in got["lanes"]] == ["Service agent", "Team lead", "Customer"]
    labels = {label: shape for shape, label in got["nodes"].values()}
    assert labels[FORMULA] == "stadium" and labels["Closed"] == "stadium"
    assert labels[NASTY] == "rectangle" and labels["Reopen the case"] == "rectangle"
    assert labels["Solved?"] == labels["Happy?"] == "rhombus"
    assert got["classes"] == {"startEvent": ["n_opened"], "endEvent": ["n_closed", "n_gone"]}
    edge_labels = [(s, t, label) for s, t, label in got["edges"]]
    assert ("n_solved", "n_escalate", 'No "not yet" | [later]') in edge_labels
    assert ("n_reopen", "n_triage", None) in edge_labels
    assert ("n_happy", "n_confirm", "Ask again") in edge_labels
    assert len(got["edges"]) == len(ctx.playbook.processes[1].edges)


def test_text_escapes_every_character_that_ends_or_changes_a_label():
    escaped = mermaid.text('a "b" | <i> #1; & `c`\n  d')
    assert not set(escaped) & set('"|<>`\n')
    assert decode(escaped) == 'a "b" | <i> #1; & `c` d'


def test_ids_never_collide_with_mermaid_keywords(tmp_path):
    source = mermaid.write(context(), tmp_path)[1].read_text(encoding="utf-8")
    declared = [m.group(1) for line in source.splitlines() if (m := NODE.match(line))]
    assert all(name.startswith("n_") for name in declared)
    assert not re.search(r"^\s*end\b(?!$)", source, re.MULTILINE)


def test_persian_labels(tmp_path):
    got = parse(mermaid.write(context("fa"), tmp_path)[1].read_text(encoding="utf-8"))
    assert [name for name, _ in got["lanes"]] == ["کارشناس خدمات", "سرپرست", "مشتری"]
    assert got["nodes"]["n_triage"] == ("rectangle", "دسته‌بندی «درخواست»")
    assert ("n_solved", "n_notify", "بله") in got["edges"]
