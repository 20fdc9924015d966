"""One weight rule everywhere: the TUI's RFP rows, the xlsx and md packs and vendor scoring all give a
Won't-have weight 0 (it used to show 5 in the TUI and 0 in the export)."""

from __future__ import annotations

import openpyxl

from workbench.domain.governance import must_weight_share
from workbench.domain.rfp import score_vendor
from workbench.tui.widgets.rfp_table import RfpTable, rfp_rows

from .rfp_fixtures import context, write_pack


def _xlsx_weights(path) -> dict[str, tuple[str, object]]:
    ws = openpyxl.load_workbook(path)["Requirements"]
    headers = [c.value for c in ws[1]]
    rid, priority, weight = headers.index("ID"), headers.index("Priority"), headers.index("Weight")
    return {
        row[rid]: (row[priority], row[weight])
        for row in ws.iter_rows(min_row=2, values_only=True)
        if row[rid]
    }


def test_tui_rows_and_the_exported_xlsx_agree_on_every_weight(tmp_path):
    ctx = context()
    tui = {r.id: r for r in rfp_rows(ctx.playbook)}
    exported = _xlsx_weights(write_pack(tmp_path))
    wont = [rid for rid, r in tui.items() if r.priority == "wont"]
    assert wont and set(tui) == set(exported)
    assert {rid: r.scored_weight for rid, r in tui.items()} == {rid: w for rid, (_, w) in exported.items()}
    assert all(exported[rid][1] == 0 and tui[rid].weight > 0 for rid in wont)  # set weight kept for later


def test_the_tui_table_shows_the_scored_weight():
    ctx = context()
    rows = rfp_rows(ctx.playbook)
    table = RfpTable()
    cells = {r.id: str(table.render_item(r, 0)[3]) for r in rows}
    wont = next(r for r in rows if r.priority == "wont")
    assert cells[wont.id] == "0 ·····"
    must = next(r for r in rows if r.priority == "must")
    assert cells[must.id].startswith(f"{must.weight} ")


def test_scoring_and_must_share_use_the_same_rule():
    ctx = context()
    reqs = ctx.playbook.requirements
    everything = {r.id: "Fully supported" for r in reqs}
    scored = score_vendor("v", reqs, everything)
    assert scored.total == 100.0
    wont = [r for r in reqs if r.priority == "wont"]
    assert wont and not any(r.id in scored.unanswered for r in wont)
    rows = rfp_rows(ctx.playbook)
    total = sum(r.scored_weight for r in rows)
    must = sum(r.scored_weight for r in rows if r.priority == "must")
    assert must_weight_share((r.priority, r.weight) for r in reqs) == must / total
