"""`when:` on a process step or edge: the step drops out for clients it does not fit, and the edges into
it lead on to the step after it, so the resolved map is still a valid graph."""

from __future__ import annotations

from workbench.domain.processes import (
    Edge,
    Node,
    Process,
    check_process,
    conditional_node_problems,
    resolve_process,
)

LABEL = {"en": "x", "fa": "x", "ru": "x"}


def _node(node_id: str, kind: str = "task", when: dict | None = None) -> Node:
    return Node.model_validate(
        {"id": node_id, "kind": kind, "lane": "sales_manager", "label": LABEL, "when": when}
    )


def _edge(source: str, target: str, label: str | None = None, when: dict | None = None) -> Edge:
    data: dict = {"source": source, "target": target, "when": when}
    if label:
        data["label"] = {"en": label, "fa": label, "ru": label}
    return Edge.model_validate(data)


def _process() -> Process:
    """start -> visit? -> quote -> approve? -> decide -(yes)-> won / -(no)-> lost."""
    return Process.model_validate(
        {
            "id": "p",
            "name": LABEL,
            "nodes": [
                _node("start", "start"),
                _node("visit", when={"question": "field", "equals": True}),
                _node("quote"),
                _node("approve", when={"question": "pricing", "equals": "bespoke"}),
                _node("decide", "decision"),
                _node("won", "end"),
                _node("lost", "end"),
            ],
            "edges": [
                _edge("start", "visit"),
                _edge("visit", "quote"),
                _edge("quote", "approve"),
                _edge("approve", "decide"),
                _edge("decide", "won", "yes"),
                _edge("decide", "lost", "no"),
            ],
        }
    )


def _pairs(process: Process) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in process.edges}


def test_a_step_whose_condition_holds_stays_with_its_edges():
    resolved = resolve_process(_process(), {"field": True, "pricing": "bespoke"})
    assert [n.id for n in resolved.nodes] == ["start", "visit", "quote", "approve", "decide", "won", "lost"]
    assert _pairs(resolved) == _pairs(_process())
    assert all(n.when is None for n in resolved.nodes)
    assert check_process(resolved) == []


def test_dropped_steps_are_bridged_to_the_step_after_them():
    resolved = resolve_process(_process(), {"field": False, "pricing": "list"})
    assert [n.id for n in resolved.nodes] == ["start", "quote", "decide", "won", "lost"]
    assert _pairs(resolved) == {
        ("start", "quote"),
        ("quote", "decide"),
        ("decide", "won"),
        ("decide", "lost"),
    }
    assert check_process(resolved) == []


def test_two_dropped_steps_in_a_row_are_bridged_and_the_entry_label_kept():
    process = _process()
    process.nodes[2] = _node("quote", when={"question": "pricing", "equals": "bespoke"})
    process.edges[0] = _edge("start", "visit", "go")
    resolved = resolve_process(process, {"field": False, "pricing": "list"})
    assert _pairs(resolved) == {("start", "decide"), ("decide", "won"), ("decide", "lost")}
    (entry,) = [e for e in resolved.edges if e.source == "start"]
    assert entry.label is not None and entry.label.get_text("en") == "go"


def test_an_edge_whose_condition_fails_drops_out():
    process = _process()
    process.edges.append(_edge("start", "decide", when={"question": "small", "equals": True}))
    assert ("start", "decide") in _pairs(resolve_process(process, {"small": True, "field": True}))
    assert ("start", "decide") not in _pairs(resolve_process(process, {"small": False, "field": True}))


def test_only_a_task_with_one_exit_may_carry_a_condition():
    process = _process()
    assert conditional_node_problems(process) == []
    process.nodes[4] = _node("decide", "decision", when={"question": "field", "equals": True})
    process.edges.append(_edge("visit", "lost"))
    messages = [p.message for p in conditional_node_problems(process)]
    assert any("'decide' is a decision with 2 exits" in m for m in messages), messages
    assert any("'visit' is a task with 2 exits" in m for m in messages), messages


OVERLAY = """\
id: step-conditions
version: "1.0"
name: {en: Step conditions}
extends: core
processes:
  - id: tiny
    name: {en: Tiny}
    nodes:
      - {id: s, kind: start, lane: sales_manager, label: {en: S}}
      - {id: t, kind: task, lane: director, label: {en: T}, when: {question: no_such_question, equals: 1}}
      - {id: d, kind: decision, lane: director, label: {en: D}, when: {question: has_it_unit, equals: 1}}
      - {id: e, kind: end, lane: sales_manager, label: {en: E}}
      - {id: f, kind: end, lane: sales_manager, label: {en: F}}
    edges:
      - {source: s, target: t}
      - {source: t, target: d}
      - {source: d, target: e, label: {en: "yes"}}
      - {source: d, target: f, label: {en: "no"}, when: {question: has_it_unit, equals: maybe}}
"""


def test_the_loader_points_at_a_bad_step_condition_in_the_file(tmp_path):
    from workbench.loading.playbooks import load_playbook

    path = tmp_path / "step-conditions.yaml"
    path.write_text(OVERLAY, encoding="utf-8")
    problems = [str(p) for p in load_playbook(str(path)).problems]
    assert any("no_such_question" in p and ":10:" in p for p in problems), problems
    assert any("'d' is a decision with 2 exits" in p and ":11:" in p for p in problems), problems
    assert any("'maybe' is not a possible answer" in p and ":18:" in p for p in problems), problems
