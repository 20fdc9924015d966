"""Graphviz DOT read back (clusters, shapes, labels), and the SVG Graphviz renders from it when installed."""

from __future__ import annotations

import re
import shutil

import pytest
from defusedxml import ElementTree as SafeET

from tests.conftest import missing_tool, tool_mark
from tests.writers.processes_fixtures import FORMULA, NASTY, context
from workbench.writers import dot

STRING = r'"((?:[^"\\]|\\.)*)"'
CLUSTER = re.compile(rf"^  subgraph {STRING} {{$")
CLUSTER_LABEL = re.compile(rf"^    label={STRING};")
NODE = re.compile(rf"^    {STRING} \[label={STRING}, shape=(\w+)(, peripheries=2)?")
EDGE = re.compile(rf"^  {STRING} -> {STRING}(?: \[label={STRING}\])?;$")
SVG = "{http://www.w3.org/2000/svg}"


def unquote(text: str) -> str:
    """The text Graphviz shows for a quoted DOT string (lines joined with spaces)."""
    text = re.sub(r"\\(.)", lambda m: " " if m.group(1) == "n" else m.group(1), text)
    return text.replace("&amp;", "&")


def parse(source: str) -> dict:
    clusters: dict[str, str] = {}
    nodes: dict[str, tuple[str, str, str]] = {}
    edges: list[tuple[str, str, str | None]] = []
    current = None
    for line in source.splitlines():
        if m := CLUSTER.match(line):
            current = m.group(1)
        elif current and (m := CLUSTER_LABEL.match(line)):
            clusters[current] = unquote(m.group(1))
        elif m := NODE.match(line):
            shape = "double " + m.group(3) if m.group(4) else m.group(3)
            nodes[unquote(m.group(1))] = (shape, unquote(m.group(2)), current)
        elif m := EDGE.match(line):
            edges.append((unquote(m.group(1)), unquote(m.group(2)), m.group(3) and unquote(m.group(3))))
    return {"clusters": clusters, "nodes": nodes, "edges": edges}


def test_clusters_per_lane_shapes_per_kind_and_escaped_labels(tmp_path, monkeypatch):
    monkeypatch.setattr(dot.shutil, "which", lambda name: None)
    ctx = context()
    written = dot.write(ctx, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "processes/lead_to_deal.dot",
        "processes/support.dot",
    ]
    source = written[1].read_text(encoding="utf-8")
    assert source.startswith('digraph "support" {') and "rankdir=LR" in source
    got = parse(source)
    assert got["clusters"] == {
        "cluster_agent": "Service agent",
        "cluster_lead": "Team lead",
        "cluster_customer": "Customer",
    }
    assert got["nodes"]["opened"] == ("oval", FORMULA, "cluster_agent")
    assert got["nodes"]["triage"] == ("box", NASTY, "cluster_agent")
    assert got["nodes"]["solved"][0] == got["nodes"]["happy"][0] == "diamond"
    assert got["nodes"]["gone"] == ("double oval", "Customer gave up", "cluster_customer")
    assert got["nodes"]["escalate"][2] == "cluster_lead"
    assert ("solved", "escalate", 'No "not yet" | [later]') in got["edges"]
    assert ("reopen", "triage", None) in got["edges"]
    assert len(got["edges"]) == len(ctx.playbook.processes[1].edges)


def test_quote_escapes_backslashes_quotes_and_entities():
    assert dot.quote('say "hi" \\ & go') == '"say \\"hi\\" \\\\ &amp; go"'
    assert dot.quote("one two three four", wrap=9) == '"one two\\nthree\\nfour"'


def test_a_failing_graphviz_is_an_error_not_a_missing_file(tmp_path, monkeypatch):
    source = tmp_path / "p.dot"
    source.write_text("digraph {}", encoding="utf-8")
    false = shutil.which("false")
    if false is None:
        missing_tool("no `false` program to stand in for a failing Graphviz")
    with pytest.raises(RuntimeError, match="p.dot"):
        dot.render_svg(source, tmp_path / "p.svg", false)
    monkeypatch.setattr(dot.shutil, "which", lambda name: false)
    with pytest.raises(RuntimeError, match="lead_to_deal.dot"):
        dot.write(context(), tmp_path / "out")


@tool_mark(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_svg_rendered_when_graphviz_is_installed(tmp_path):
    written = dot.write(context("fa"), tmp_path)
    assert [p.name for p in written] == ["lead_to_deal.dot", "lead_to_deal.svg", "support.dot", "support.svg"]
    root = SafeET.parse(written[3]).getroot()
    assert root.tag == f"{SVG}svg"
    groups = {g.get("class"): [] for g in root.iter(f"{SVG}g")}
    for g in root.iter(f"{SVG}g"):
        groups[g.get("class")].append(g)
    titles = {cls: {g.find(f"{SVG}title").text for g in gs} for cls, gs in groups.items() if cls != "graph"}
    assert titles["node"] == {
        "opened",
        "triage",
        "solved",
        "notify",
        "escalate",
        "confirm",
        "happy",
        "closed",
        "reopen",
        "gone",
    }
    assert titles["cluster"] == {"cluster_agent", "cluster_lead", "cluster_customer"}
    assert "reopen->triage" in titles["edge"] and len(titles["edge"]) == 13
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "کارشناس خدمات" in texts and "دسته‌بندی «درخواست»" in texts and "بله" in texts
