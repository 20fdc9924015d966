"""The vendor pack's fillable forms (commercial form, demo scorecard, reference check): in the pack, in the
engagement's language and direction, validated where vendors and evaluators type, inert against formula
injection, and read back with every problem located."""

from __future__ import annotations

import openpyxl
import pytest

from tests.writers.rfp_fixtures import context
from tests.writers.vendor_pack_fixtures import EVALUATION, blank_pack, fill_commercial, fill_scorecard
from workbench.app.export import export
from workbench.i18n import gettext_in
from workbench.loading.vendor_forms import FormErrors, read_commercial, read_reference, read_scorecard
from workbench.writers import vendor_forms_xlsx

FORMS = ["commercial-form.xlsx", "demo-scorecard.xlsx", "reference-check.xlsx"]


def _validations(ws) -> dict[str, tuple]:
    return {str(v.sqref): (v.type, v.formula1, v.formula2) for v in ws.data_validations.dataValidation}


def test_the_pack_carries_the_three_forms(tmp_path):
    result = export(context(EVALUATION), tmp_path / "pack", only=["rfp", "vendor-forms"])
    assert sorted(p.name for p in result.files) == sorted(
        ["rfp.docx", "rfp.html", "rfp.md", "rfp.xlsx", *FORMS]
    )


def test_forms_validate_what_is_typed_and_keep_playbook_text_inert(tmp_path):
    folder = blank_pack(tmp_path)
    demo = openpyxl.load_workbook(folder / "demo-scorecard.xlsx").worksheets[0]
    assert [demo.cell(r, 1).value for r in (8, 9)] == ["R1", "R6"]
    check = demo["D9"]
    assert check.value == "=1+1 export opens in Excel" and check.data_type == "s" and check.quotePrefix
    assert _validations(demo) == {"E8:E9": ("whole", "0", "5")}
    assert demo.protection.sheet and not demo["E8"].protection.locked and demo["D8"].protection.locked
    reference = openpyxl.load_workbook(folder / "reference-check.xlsx").worksheets[0]
    assert _validations(reference) == {"D11:D17": ("whole", "1", "5")}
    commercial = openpyxl.load_workbook(folder / "commercial-form.xlsx").worksheets[0]
    assert _validations(commercial) == {"B8:F15": ("decimal", "0", None)}
    assert commercial["B16"].value == "=SUM(B8:B15)" and commercial["B19"].value == "=SUM(B16:F16)"


@pytest.mark.parametrize("lang, country, currency", [("fa", "IR", "IRR"), ("ru", "RU", "RUB")])
def test_forms_speak_the_engagement_language_and_currency(tmp_path, lang, country, currency):
    ctx = context(EVALUATION, lang=lang, answers={"country": country, "modules": ["sales", "service"]})
    vendor_forms_xlsx.write(ctx, tmp_path)
    commercial = openpyxl.load_workbook(tmp_path / "commercial-form.xlsx").worksheets[0]
    assert commercial.title == gettext_in(lang, "Commercial form") and commercial["B4"].value == currency
    assert commercial["A7"].value == gettext_in(lang, "Cost item")
    for name in FORMS:
        ws = openpyxl.load_workbook(tmp_path / name).worksheets[0]
        assert ws.sheet_view.rightToLeft is (lang == "fa")
    filled = fill_commercial(
        tmp_path / "commercial-form.xlsx", tmp_path / "filled.xlsx", {"Training": [9]}, currency
    )
    offer = read_commercial(filled)  # read back by its translated labels
    assert offer.currency == currency and offer.costs["Training"] == [9.0, 0.0, 0.0, 0.0, 0.0]
    assert sum(sum(years) for years in offer.costs.values()) == 9
    with pytest.raises(FormErrors) as blank:
        read_commercial(tmp_path / "commercial-form.xlsx")
    sheet = gettext_in(
        lang, "Commercial form"
    )  # the form's own sheet name; the message in the user's language
    message = "no amount in the form; expected the vendor's costs per year"
    assert blank.value.problems == [f"{tmp_path / 'commercial-form.xlsx'}:{sheet}!B8: {message}"]


def test_a_scorecard_without_evaluator_or_with_a_text_score_is_located(tmp_path):
    folder = blank_pack(tmp_path / "blank")
    with pytest.raises(FormErrors) as blank:
        read_scorecard(folder / "demo-scorecard.xlsx")
    assert blank.value.problems == [
        f"{folder / 'demo-scorecard.xlsx'}:Demo scorecard!B4: empty; expected the Evaluator",
        f"{folder / 'demo-scorecard.xlsx'}:Demo scorecard: no score given; expected a score from 0 to 5 for "
        "each demo item",
    ]
    target = fill_scorecard(
        folder / "demo-scorecard.xlsx", tmp_path / "s.xlsx", "Ali", {"R1": "good", "R6": 4.0}
    )
    with pytest.raises(FormErrors) as typed:
        read_scorecard(target)
    assert typed.value.problems == [
        f"{target}:Demo scorecard!E8: 'good' is not a score; expected a whole number from 0 to 5"
    ]
    unscored = fill_scorecard(folder / "demo-scorecard.xlsx", tmp_path / "u.xlsx", "Olga", {})
    with pytest.raises(FormErrors) as nothing:
        read_scorecard(unscored)
    assert nothing.value.problems == [
        f"{unscored}:Demo scorecard: no score given; expected a score from 0 to 5 for each demo item"
    ]
    assert read_reference(folder / "reference-check.xlsx") == []


def test_a_file_that_is_not_a_workbook_is_named(tmp_path):
    path = tmp_path / "commercial-form.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(FormErrors) as raised:
        read_commercial(path)
    [problem] = raised.value.problems
    assert problem.startswith(f"{path}: ") and problem.endswith(
        "expected an .xlsx workbook from the vendor pack"
    )
