"""BPMN 2.0 XML with a complete diagram (BPMNDI), one file per process: `processes/<id>.bpmn`.

A pool holds one lane per role; every node and flow has a shape or edge laid out by
`workbench.domain.layout`, so bpmn.io and Camunda Modeler draw the file as it is, with no manual layout.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from workbench import __version__
from workbench.domain.layout import Box, Layout, Placement, layered_layout, place, steps_by_lane
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process
from workbench.domain.text import LocalText, local_text
from workbench.writers.context import ExportContext

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
NAMESPACES = {"bpmn": MODEL, "bpmndi": BPMNDI, "dc": DC, "di": DI}

SIZES = {"start": (36, 36), "end": (36, 36), "task": (100, 80), "decision": (50, 50)}
ELEMENT = {"start": "startEvent", "end": "endEvent", "task": "userTask", "decision": "exclusiveGateway"}
PREFIX = {"start": "Event", "end": "Event", "task": "Activity", "decision": "Gateway"}
COL_WIDTH, ROW_HEIGHT = 190, 160
POOL_X, POOL_Y, HEADER = 20, 20, 30
"""The pool's and each lane's name are drawn in a vertical band of HEADER units on their left."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: LocalText | None, lang: str) -> str:
    """Text in the export's language without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", local_text(value, lang))


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


class _Ids:
    """XML ids (NCNames) built from playbook ids: prefixed, sanitised and never repeated."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str, raw: str) -> str:
        base = f"{prefix}_{re.sub(r'[^A-Za-z0-9_.-]', '_', raw)}"
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}_{n}"
        self.used.add(candidate)
        return candidate


def _label_box(text: str, x_centre: int, y: int, width: int = 120) -> Box:
    """An estimated external label box; about 6 units a character, 14 a line."""
    lines = max(1, math.ceil(len(text) * 6 / width))
    return Box(x_centre - width // 2, y, width, 14 * lines)


def _bounds(parent: ET.Element, box: Box) -> None:
    ET.SubElement(parent, _q(DC, "Bounds"), x=str(box.x), y=str(box.y), width=str(box.w), height=str(box.h))


def _label(parent: ET.Element, box: Box) -> None:
    _bounds(ET.SubElement(parent, _q(BPMNDI, "BPMNLabel")), box)


def _flow_label(text: str, route: list[tuple[int, int]]) -> Box:
    """A flow's name beside its first vertical segment (where exits fan out), else above its first one."""
    size = _label_box(text, 0, 0, width=90)
    for (x1, y1), (x2, y2) in itertools.pairwise(route):
        if x1 == x2 and y1 != y2:
            return Box(x1 + 4, min(y1, y2) + 4, size.w, size.h)
    (x1, y1), (x2, _) = route[0], route[1]
    return Box(min(x1, x2) + 4, y1 - 4 - size.h, size.w, size.h)


def lane_name(playbook: Playbook, lane: str, lang: str) -> str:
    names = {r.id: _text(r.name, lang) for r in playbook.roles}
    return names.get(lane, lane)


def render(process: Process, playbook: Playbook, lang: str = "en") -> bytes:
    """The BPMN 2.0 document for one process, as UTF-8 bytes with an XML declaration."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    ids = _Ids()
    pid = process.id
    layout = layered_layout(process)
    placed = place(process, layout, SIZES, COL_WIDTH, ROW_HEIGHT, origin=(POOL_X + 2 * HEADER, POOL_Y))
    root = ET.Element(
        _q(MODEL, "definitions"),
        id=ids.make("Definitions", pid),
        targetNamespace="urn:crm-workbench:processes",
        exporter="CRM Workbench",
        exporterVersion=__version__,
    )
    collaboration = ET.SubElement(root, _q(MODEL, "collaboration"), id=ids.make("Collaboration", pid))
    proc_id, part_id = ids.make("Process", pid), ids.make("Participant", pid)
    ET.SubElement(
        collaboration,
        _q(MODEL, "participant"),
        id=part_id,
        name=_text(process.name, lang),
        processRef=proc_id,
    )
    proc = ET.SubElement(
        root, _q(MODEL, "process"), id=proc_id, name=_text(process.name, lang), isExecutable="false"
    )
    if process.description:
        ET.SubElement(proc, _q(MODEL, "documentation")).text = _text(process.description, lang)
    lane_set = ET.SubElement(proc, _q(MODEL, "laneSet"), id=ids.make("LaneSet", pid))
    node_ids: dict[str, str] = {}
    for node in process.nodes:
        if node.id not in node_ids:
            node_ids[node.id] = ids.make(PREFIX[node.kind], node.id)
    lane_ids = {band.id: ids.make("Lane", band.id) for band in layout.lanes}
    _lanes(lane_set, layout, playbook, lang, lane_ids, node_ids)
    flows = {
        i: ids.make("Flow", f"{i + 1}_{e.source}_{e.target}")
        for i, e in enumerate(process.edges)
        if i in placed.routes
    }
    _flow_elements(proc, process, flows, node_ids, lang)
    _diagram(
        root, process, placed, ids, lang, (collaboration.get("id", ""), part_id), lane_ids, node_ids, flows
    )
    ET.indent(root, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    ).encode()


def _lanes(
    lane_set: ET.Element,
    layout: Layout,
    playbook: Playbook,
    lang: str,
    lane_ids: dict[str, str],
    node_ids: dict[str, str],
) -> None:
    """One lane per role, listing the steps it holds."""
    for lane_id, members in steps_by_lane(layout):
        lane = ET.SubElement(
            lane_set, _q(MODEL, "lane"), id=lane_ids[lane_id], name=lane_name(playbook, lane_id, lang)
        )
        for member in members:
            ET.SubElement(lane, _q(MODEL, "flowNodeRef")).text = node_ids[member]


def _flow_elements(
    proc: ET.Element, process: Process, flows: dict[int, str], node_ids: dict[str, str], lang: str
) -> None:
    """The flow nodes with their incoming and outgoing references, then the sequence flows."""
    elements: dict[str, ET.Element] = {}
    for node in process.nodes:
        if node.id in node_ids and node.id not in elements:
            elements[node.id] = ET.SubElement(
                proc, _q(MODEL, ELEMENT[node.kind]), id=node_ids[node.id], name=_text(node.label, lang)
            )
    for direction, end in (("incoming", "target"), ("outgoing", "source")):
        for i, flow_id in flows.items():
            ET.SubElement(elements[getattr(process.edges[i], end)], _q(MODEL, direction)).text = flow_id
    for i, flow_id in flows.items():
        edge = process.edges[i]
        attrs = {"id": flow_id, "sourceRef": node_ids[edge.source], "targetRef": node_ids[edge.target]}
        if edge.label:
            attrs["name"] = _text(edge.label, lang)
        ET.SubElement(proc, _q(MODEL, "sequenceFlow"), attrs)


def _diagram(
    root: ET.Element,
    process: Process,
    placed: Placement,
    ids: _Ids,
    lang: str,
    top: tuple[str, str],
    lane_ids: dict[str, str],
    node_ids: dict[str, str],
    flows: dict[int, str],
) -> None:
    """The BPMNDI part: the pool, each lane, each node and each flow with its waypoints.
    `top` is the (collaboration, participant) ids."""
    collaboration, participant = top
    diagram = ET.SubElement(root, _q(BPMNDI, "BPMNDiagram"), id=ids.make("BPMNDiagram", process.id))
    plane = ET.SubElement(
        diagram, _q(BPMNDI, "BPMNPlane"), id=ids.make("BPMNPlane", process.id), bpmnElement=collaboration
    )
    right = max(placed.width, POOL_X + 2 * HEADER + COL_WIDTH) + HEADER
    bottom = max(placed.height, POOL_Y + ROW_HEIGHT)
    pool = ET.SubElement(
        plane, _q(BPMNDI, "BPMNShape"), id=f"{participant}_di", bpmnElement=participant, isHorizontal="true"
    )
    _bounds(pool, Box(POOL_X, POOL_Y, right - POOL_X, bottom - POOL_Y))
    for lane, band in placed.lanes.items():
        shape = ET.SubElement(
            plane,
            _q(BPMNDI, "BPMNShape"),
            id=f"{lane_ids[lane]}_di",
            bpmnElement=lane_ids[lane],
            isHorizontal="true",
        )
        _bounds(shape, Box(POOL_X + HEADER, band.y, right - POOL_X - HEADER, band.h))
    done: set[str] = set()
    for node in process.nodes:
        if node.id not in node_ids or node.id in done:
            continue
        done.add(node.id)
        box = placed.nodes[node.id]
        attrs = {"id": f"{node_ids[node.id]}_di", "bpmnElement": node_ids[node.id]}
        if node.kind == "decision":
            attrs["isMarkerVisible"] = "true"
        shape = ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), attrs)
        _bounds(shape, box)
        text = _text(node.label, lang)
        if node.kind in ("start", "end"):
            _label(shape, _label_box(text, box.cx, box.bottom + 4))
        elif node.kind == "decision":
            label = _label_box(text, box.cx, 0)
            _label(shape, Box(label.x, box.y - 4 - label.h, label.w, label.h))
    for i, flow_id in flows.items():
        edge = ET.SubElement(plane, _q(BPMNDI, "BPMNEdge"), id=f"{flow_id}_di", bpmnElement=flow_id)
        route = placed.routes[i]
        for x, y in route:
            ET.SubElement(edge, _q(DI, "waypoint"), x=str(x), y=str(y))
        label = process.edges[i].label
        if label:
            _label(edge, _flow_label(_text(label, lang), route))


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    """One `processes/<id>.bpmn` per process of the resolved playbook."""
    out: list[Path] = []
    for process in ctx.playbook.processes:
        path = Path(folder) / "processes" / f"{process.id}.bpmn"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(process, ctx.playbook, ctx.lang))
        out.append(path)
    return out
