"""rfp.xlsx read back with openpyxl: sheets, cells, formula-like text kept as text, the response drop-down,
live formulas, protection, print setup and the hidden Scoring sheet."""

from __future__ import annotations

import openpyxl
import pytest

from tests.writers.rfp_fixtures import DATA, ORDER, write_pack
from workbench.domain.rfp import RESPONSE_ALIASES, RESPONSES, normalise_response, response_labels
from workbench.domain.rfp_pack import COLUMNS

HEADERS = [title for _, title in COLUMNS]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = write_pack(tmp_path_factory.mktemp("rfp"))
    return openpyxl.load_workbook(path)


def rows(ws):
    return {row[0]: dict(zip(HEADERS, row)) for row in ws.iter_rows(min_row=2, values_only=True)}


def test_sheets_in_order_and_scoring_hidden(book):
    assert book.sheetnames == ["Cover", "Requirements", "Scores", "Scoring"]
    assert [book[n].sheet_state for n in book.sheetnames] == ["visible", "visible", "visible", "hidden"]
    assert book.active.title == "Cover"


def test_one_row_per_requirement_grouped_by_module(book):
    ws = book["Requirements"]
    assert [c.value for c in ws[1]] == HEADERS
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == ORDER
    found = rows(ws)
    assert (
        found["R1"]["Module"] == "Sales" and found["R1"]["Priority"] == "Must" and found["R1"]["Weight"] == 5
    )
    assert found["R2"]["Module"] == "Service" and found["R2"]["Requirement"] == "Cases have SLA timers."
    assert found["R6"]["Module"] == "Reports" and found["R6"]["Priority"] == "Must"
    assert found["R5"]["Priority"] == "Won't" and found["R5"]["Weight"] == 0  # listed, never scored
    assert found["R1"]["Vendor response"] is None and found["R1"]["Vendor comment"] is None


def test_formula_like_text_stays_text(book):
    ws = book["Requirements"]
    row = ORDER.index("R4") + 2
    for column, text in (
        (3, '=HYPERLINK("http://evil.example/x","Click me")'),
        (4, "+1 more | pipes and <script>alert(1)</script>"),
        (5, "@SUM(1,2)"),
    ):
        cell = ws.cell(row, column)
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    wont = ws.cell(ORDER.index("R5") + 2, 3)
    assert wont.value == "-2 dashboards nobody asked for" and wont.data_type == "s" and wont.quotePrefix
    cover_answer = [c for c in book["Cover"]["B"] if c.value == "=cmd|' /C calc'!A0"]
    assert cover_answer and cover_answer[0].data_type == "s" and cover_answer[0].quotePrefix


def test_response_column_has_the_drop_down(book):
    ws = book["Requirements"]
    [validation] = ws.data_validations.dataValidation
    assert validation.type == "list" and validation.showErrorMessage and validation.allow_blank
    assert validation.formula1 == '"' + ",".join(RESPONSES) + '"'
    assert str(validation.sqref) == f"H2:H{len(ORDER) + 1}"


def test_points_and_weighted_score_are_live_formulas(book):
    ws, scoring = book["Requirements"], book["Scoring"]
    table = [(r[0], r[1]) for r in scoring.iter_rows(min_row=2, max_col=2, values_only=True) if r[0]]
    end = len(table) + 1
    for row in range(2, len(ORDER) + 2):
        assert ws[f"J{row}"].value == (
            f'=IFERROR(VLOOKUP(TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(H{row},CHAR(9)," "),'
            f'CHAR(10)," "),CHAR(13)," ")),Scoring!$A$2:$B${end},2,FALSE),0)'
        )
        assert ws[f"K{row}"].value == f"=G{row}*J{row}"
    for text, points in table:  # every label (in each language) and short form reads as domain.rfp reads it
        assert RESPONSES[normalise_response(text)] == points
    shown = {text for text, _ in table}
    for lang in ("en", "fa", "ru"):  # a vendor may answer a Russian pack in English and still score
        assert set(response_labels(lang).values()) <= shown
    assert set(RESPONSE_ALIASES) <= shown


def test_hidden_key_copies_what_scoring_needs(book):
    key = [r[3:7] for r in book["Scoring"].iter_rows(values_only=True) if r[3]]
    assert key[0] == ("Requirement ID", "Module", "Priority", "Weight")
    assert key[1:] == [
        ("R1", "Sales", "Must", 5),
        ("R3", "Sales", "Could", 2),
        ("R2", "Service", "Should", 3),
        ("R4", "Reports", "Should", 4),
        ("R5", "Reports", "Won't", 0),
        ("R6", "Reports", "Must", 2),
    ]


def test_scores_formulas_reference_the_requirement_ranges(book):
    ws = book["Scores"]
    n = len(ORDER) + 1
    assert [c.value for c in ws[1]] == [
        "Module",
        "Total weight",
        "Score earned",
        "Score %",
        "Requirements",
        "Must-haves missed",
    ]
    assert [ws.cell(r, 1).value for r in range(2, 6)] == ["Sales", "Service", "Reports", "Total"]
    assert ws["B2"].value == f"=SUMIFS(Requirements!$G$2:$G${n},Requirements!$B$2:$B${n},$A2)"
    assert ws["C4"].value == f"=SUMIFS(Requirements!$K$2:$K${n},Requirements!$B$2:$B${n},$A4)"
    assert ws["D3"].value == '=IF(B3=0,"",C3/B3)' and ws["D3"].number_format == "0.0%"
    assert ws["B5"].value == "=SUM(B2:B4)" and ws["C5"].value == "=SUM(C2:C4)"
    assert ws["D5"].value == '=IF(B5=0,"",C5/B5)'
    assert ws["A7"].value == "Must-haves missed"
    assert ws["B7"].value == (
        f'=COUNTIFS(Requirements!$F$2:$F${n},"Must")-COUNTIFS(Requirements!$F$2:$F${n},'
        f'"Must",Requirements!$J$2:$J${n},">="&0.4)'
    )
    assert ws["F2"].value == (
        f'=COUNTIFS(Requirements!$B$2:$B${n},$A2,Requirements!$F$2:$F${n},"Must")'
        f'-COUNTIFS(Requirements!$B$2:$B${n},$A2,Requirements!$F$2:$F${n},"Must",'
        f'Requirements!$J$2:$J${n},">="&0.4)'
    )


def test_only_response_and_comment_cells_are_editable(book):
    ws = book["Requirements"]
    assert ws.protection.sheet and not ws.protection.password
    assert not ws.protection.autoFilter  # filtering stays allowed on the protected sheet
    for row in range(2, len(ORDER) + 2):
        unlocked = [c.column_letter for c in ws[row] if not c.protection.locked]
        assert unlocked == ["H", "I"]
    assert book["Scores"].protection.sheet and book["Scoring"].protection.sheet
    assert "without a password" in " ".join(str(c.value) for c in book["Cover"]["B"] if c.value)


def test_table_layout_and_print_setup(book):
    ws = book["Requirements"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(ORDER) + 1}"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width > 40 and ws["C2"].alignment.wrap_text


def test_cover_has_client_playbook_instructions_and_context(book):
    ws = book["Cover"]
    pairs = {r[0]: r for r in ws.iter_rows(values_only=True) if r[0]}
    assert pairs["Client"][1] == "Acme Retail"
    assert pairs["Playbook"][1] == "Tricky mini (mini-tricky 0.2)"
    assert pairs["Date"][1] is not None
    assert pairs["Response deadline"][1] is None and pairs["Vendor name"][1] is None
    vendor_cell = next(c for c in ws["A"] if c.value == "Vendor name").offset(column=1)
    assert not vendor_cell.protection.locked and vendor_cell.fill.fgColor.rgb.endswith("FFF2CC")
    for label, points in RESPONSES.items():
        assert pairs[label][1] == points and pairs[label][2]
    assert "Won't" in pairs and "information only" in pairs["Won't"][1]
    text = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    assert "Won't items are listed for information only" in text
    assert pairs["Who are your customers?"][1] == "Both"  # option labels, not ids
    assert pairs["Which modules?"][1] == "Sales, Service"
    assert pairs["Is there an in-house CRM specialist?"][1] == "Yes"
    assert (
        "Share of the specialist's time given to CRM (percent)" not in pairs
    )  # internal: not vendor-visible


def test_persian_pack_uses_translations(tmp_path):
    book = openpyxl.load_workbook(write_pack(tmp_path, lang="fa"))
    cover_sheet, requirements, scores = book.worksheets[:3]
    found = {row[0]: dict(zip(HEADERS, row)) for row in requirements.iter_rows(min_row=2, values_only=True)}
    assert found["R1"]["Requirement"] == "سرنخ‌ها از فرم‌های وب ثبت می‌شوند."
    assert found["R1"]["Module"] == "فروش" and found["R4"]["Module"] == "Reports"  # English fallback
    assert [r[0] for r in scores.iter_rows(min_row=2, max_row=4, values_only=True)] == [
        "فروش",
        "خدمات",
        "Reports",
    ]
    cover = {r[0]: r for r in cover_sheet.iter_rows(values_only=True) if r[0]}
    assert cover["چیز دیگری هست؟"][1] == "=cmd|' /C calc'!A0"
    assert cover["Is there an in-house CRM specialist?"][1] == "بله"


def test_mini_playbook_without_answers(tmp_path):
    book = openpyxl.load_workbook(write_pack(tmp_path, ref=DATA / "mini.yaml", answers={}))
    assert [r[0] for r in book["Requirements"].iter_rows(min_row=2, values_only=True)] == ["R1"]
    text = [c.value for c in book["Cover"]["B"] if c.value]
    assert "No intake answers were recorded for this RFP." in text
