"""`crmwb rfp evaluate`: three vendors' packs, filled in the pack's own workbooks (requirements, commercial
form, two evaluators' demo scorecards and reference checks each), ranked with the client's weights.

Every expected figure below is computed here, plainly, from what the vendors typed (tests/writers/
vendor_pack_fixtures.py) -- never by the code under test: fit from the response points, TCO as the sum of
the costs, the demo as the evaluators' mean, the sensitivity by stepping each weight 0.01 point at a time.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile

import openpyxl
import pytest
from defusedxml import ElementTree

from tests.jobdesc.helpers import html_text
from tests.writers.vendor_pack_fixtures import (
    EVALUATION,
    VENDORS,
    blank_pack,
    fill_commercial,
    fill_scorecard,
    vendor_packs,
)

WEIGHTS = {"fit": 50, "price": 25, "demo": 15, "references": 10}
"""tests/data/evaluation.yaml's weights (the core playbook's defaults too)"""
REQUIREMENT_WEIGHTS = {"R1": 5, "R3": 2, "R2": 3, "R4": 4, "R6": 2}
"""the scored requirements of the mini playbook (R5 is a Won't: weight 0)"""
POINTS = {"Fully supported": 1.0, "Configuration": 0.8, "Not supported": 0.0}


def plain_scores(vendor: str, lowest_eligible_tco: float) -> dict[str, float]:
    pack = VENDORS[vendor]
    earned = sum(w * POINTS[pack["responses"][rid]] for rid, w in REQUIREMENT_WEIGHTS.items())
    tco = sum(sum(years) for years in pack["costs"].values())
    evaluators = list(pack["demo"].values())
    items = evaluators[0].keys()
    item_means = [sum(card[item] for card in evaluators) / len(evaluators) for item in items]
    call_means = [sum(call) / len(call) for call in pack["references"]]
    return {
        "fit": 100 * earned / sum(REQUIREMENT_WEIGHTS.values()),
        "price": min(100.0, 100 * lowest_eligible_tco / tco),
        "demo": 100 * (sum(item_means) / len(item_means)) / 5,
        "references": 100 * (sum(call_means) / len(call_means)) / 5,
    }


def plain_total(scores: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights[c] * scores[c] for c in weights) / sum(weights.values())


def independent_ranking(weights: dict[str, float]) -> list[tuple[str, float]]:
    """Gamma says Not supported to R6, a Must: out. Alpha and Beta ranked by total."""
    eligible = ["Alpha", "Beta"]
    lowest = min(sum(sum(y) for y in VENDORS[v]["costs"].values()) for v in eligible)
    totals = [(v, plain_total(plain_scores(v, lowest), weights)) for v in eligible]
    return sorted(totals, key=lambda pair: -pair[1])


def rescaled(weights: dict[str, float], criterion: str, new: float) -> dict[str, float]:
    rest = 100 - weights[criterion]
    return {c: new if c == criterion else w * (100 - new) / rest for c, w in weights.items()}


def brute_force_first_flip() -> tuple[str, float]:
    """Step every weight up and down by 0.01 until first place changes; the nearest change wins."""
    winner = independent_ranking(WEIGHTS)[0][0]
    found = []
    for criterion, now in WEIGHTS.items():
        for direction in (1, -1):
            step = 0
            while 0 <= now + direction * step * 0.01 <= 100:
                weights = rescaled(WEIGHTS, criterion, now + direction * step * 0.01)
                if independent_ranking(weights)[0][0] != winner:
                    found.append((step * 0.01, criterion, now + direction * step * 0.01))
                    break
                step += 1
    _distance, criterion, weight = min(found)
    return criterion, weight


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    root = tmp_path_factory.mktemp("evaluation")
    return vendor_packs(root / "vendors", blank_pack(root / "blank"))


@pytest.fixture(scope="module")
def evaluated(packs, tmp_path_factory):
    from workbench.cli.main import main

    out = tmp_path_factory.mktemp("out")
    code = main(["rfp", "evaluate", str(packs), "--out", str(out), "--format", "json", "--lang", "en"])
    assert code == 0
    return out


def _json(run_cli, *args):
    code, out, err = run_cli("rfp", "evaluate", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_ranking_matches_an_independent_calculation(run_cli, packs, tmp_path):
    data = _json(run_cli, packs, "--out", tmp_path)
    expected = independent_ranking(WEIGHTS)
    ranked = [(r["vendor"], r["total"]) for r in data["ranking"] if r["rank"] is not None]
    assert [v for v, _t in ranked] == [v for v, _t in expected] == ["Alpha", "Beta"]
    assert [t for _v, t in ranked] == pytest.approx([t for _v, t in expected], abs=0.01)
    assert data["weights"] == WEIGHTS and data["horizon_years"] == 5 and data["currency"] == "EUR"
    alpha = data["ranking"][0]
    assert alpha["tco"] == 125_000 and alpha["scores"]["price"] == pytest.approx(80.0)


def test_weights_option_changes_the_ranking_as_calculated(run_cli, packs, tmp_path):
    weights = {"fit": 35, "price": 40, "demo": 15, "references": 10}
    data = _json(run_cli, packs, "--out", tmp_path, "--weights", "fit=35,price=40")
    assert data["weights"] == weights
    assert [r["vendor"] for r in data["ranking"][:2]] == [v for v, _t in independent_ranking(weights)]
    assert data["ranking"][0]["vendor"] == "Beta"


def test_horizon_of_three_years_sums_three_years(run_cli, packs, tmp_path):
    data = _json(run_cli, packs, "--out", tmp_path, "--horizon", "3")
    tco = {r["vendor"]: r["tco"] for r in data["ranking"]}
    assert tco == {"Alpha": 25_000 + 3 * 20_000, "Beta": 40_000 + 3 * 12_000, "Gamma": 3 * 10_000 + 10_000}
    alpha = next(r for r in data["ranking"] if r["vendor"] == "Alpha")
    assert alpha["scores"]["price"] == pytest.approx(100 * 76_000 / 85_000, abs=0.01)


def test_the_engagement_gives_the_weights_and_the_language(run_cli, packs, tmp_path):
    """The engagement's playbook (an overlay stating its own weights) and its language decide."""
    for name in ("mini.yaml", "tricky.yaml", "evaluation.yaml"):  # an overlay extends files beside it
        shutil.copyfile(EVALUATION.parent / name, tmp_path / name)
    overlay = tmp_path / "price-first.yaml"
    overlay.write_text(
        "id: price-first\nversion: '0.1'\nname: Price first\nextends: evaluation.yaml\n"
        "evaluation_weights: {fit: 35, price: 40, demo: 15, references: 10}\n",
        encoding="utf-8",
    )
    code, _out, err = run_cli(
        "new",
        tmp_path / "client",
        "--playbook",
        overlay,
        "--client",
        "Клиент",
        "--lang",
        "ru",
        "--start",
        "2026-01-05",
    )
    assert code == 0, err
    code, out, err = run_cli("rfp", "evaluate", packs, "--engagement", tmp_path / "client", "--out", tmp_path)
    assert code == 0, err
    beta = plain_total(plain_scores("Beta", 100_000), {"fit": 35, "price": 40, "demo": 15, "references": 10})
    assert out.startswith(
        f"Первое место: Beta, взвешенный итог {round(beta, 1):.1f} из 100.".replace(".", ",", 1)
    )
    md = (tmp_path / "evaluation.md").read_text(encoding="utf-8")
    assert md.startswith("# Оценка поставщиков") and "| Цена (ССВ) | 40 |" in md


def test_sensitivity_names_the_weight_that_flips_first(run_cli, packs, tmp_path):
    criterion, weight = brute_force_first_flip()
    assert criterion == "price"
    data = _json(run_cli, packs, "--out", tmp_path)
    assert data["first_to_flip"] == "price"
    first = data["sensitivity"][0]
    assert first["criterion"] == "price" and first["new_leader"] == "Beta"
    assert first["new_weight"] == pytest.approx(weight, abs=0.02)
    demo = next(f for f in data["sensitivity"] if f["criterion"] == "demo")
    assert demo["change"] is None and data["sensitivity"][-1] == demo


def test_evaluators_far_apart_are_flagged(run_cli, packs, tmp_path):
    data = _json(run_cli, packs, "--out", tmp_path)
    flagged = {
        r["vendor"]: [(o["item"], o["evaluator"], o["score"]) for o in r["outliers"]] for r in data["ranking"]
    }
    # Beta's R1: Ali 3, Olga 5 -- two points apart; Alpha's evaluators differ by one at most
    assert flagged == {"Alpha": [], "Beta": [("R1", "Ali", 3), ("R1", "Olga", 5)], "Gamma": []}
    beta = next(r for r in data["ranking"] if r["vendor"] == "Beta")
    assert beta["demo_items"] == {"R1": 4.0, "R6": 3.0} and beta["evaluators"] == ["Ali", "Olga"]


def test_a_missed_must_knocks_the_vendor_out_but_shows_it(run_cli, packs, tmp_path):
    data = _json(run_cli, packs, "--out", tmp_path)
    gamma = data["ranking"][-1]
    assert gamma["vendor"] == "Gamma" and gamma["rank"] is None and gamma["knocked_out"] is True
    assert gamma["musts_missed"] == ["R6"]
    # the highest total of all, yet not first; and its lower price does not set the others' price scale
    assert gamma["total"] > data["ranking"][0]["total"]
    assert next(r for r in data["ranking"] if r["vendor"] == "Beta")["scores"]["price"] == 100


def test_workbook_has_the_ranking_the_sheets_and_a_chart(evaluated):
    path = evaluated / "evaluation.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "Ranking",
        "Weights",
        "Functional fit",
        "Price (TCO)",
        "Demo",
        "Evaluators far from the others",
        "References",
        "Sensitivity",
    ]
    ranking = wb["Ranking"]
    rows = [[c.value for c in row] for row in ranking.iter_rows(min_row=6, max_row=8)]
    assert [(r[0], r[1]) for r in rows] == [(1, "Alpha"), (2, "Beta"), ("—", "Gamma")]
    assert rows[2][-1] == "missed Musts: R6"
    assert ranking["B8"].style == "crmwb bad" and ranking["B7"].style == "Normal"  # Gamma set apart
    assert wb["Sensitivity"]["A2"].value == "Price (TCO)" and wb["Sensitivity"]["D2"].value == "Beta"
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = ElementTree.fromstring(archive.read(charts[0]))
    formulas = [f.text for f in chart.iter("{http://schemas.openxmlformats.org/drawingml/2006/chart}f")]
    assert "'Ranking'!$G$6:$G$8" in formulas and "'Ranking'!$B$6:$B$8" in formulas  # totals by vendor
    assert (evaluated / "evaluation.md").read_text(encoding="utf-8").startswith("# Vendor evaluation")


NAMES = {"Alpha", "Beta", "Gamma", "Ali", "Olga", "R1", "R6", "EUR"}
"""proper names and ids the outputs rightly keep in Latin letters"""


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z0-9]*", text)) - NAMES


@pytest.mark.parametrize("lang", ["fa", "ru"])
def test_persian_and_russian_outputs_have_no_english(run_cli, tmp_path, lang):
    packs = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank", lang=lang), lang=lang)
    code, out, err = run_cli("rfp", "evaluate", packs, "--lang", lang, "--out", tmp_path / "out")
    assert code == 0, err
    md = (tmp_path / "out" / "evaluation.md").read_text(encoding="utf-8")
    wb = openpyxl.load_workbook(tmp_path / "out" / "evaluation.xlsx")
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    shown = {
        "md": md,
        "html": html_text(tmp_path / "out" / "evaluation.html"),
        "xlsx": " ".join(cells + wb.sheetnames),
    }
    shown["terminal"] = out.rsplit("\n", 2)[0]  # the last line lists the files written, by their paths
    assert {name: _latin_words(text) for name, text in shown.items()} == dict.fromkeys(shown, set())
    if lang == "fa":
        for text in (md, shown["html"]):
            assert re.findall(r"(?<![A-Za-z])[0-9]", text) == []  # Persian digits, except inside ids (R1)
        assert (
            "۴۰٫۶" in md
            and '<html lang="fa" dir="rtl">' in (tmp_path / "out" / "evaluation.html").read_text()
        )
        assert all(ws.sheet_view.rightToLeft for ws in wb)
    else:
        assert "40,6" in md


def test_a_bad_score_is_located_and_nothing_is_written(run_cli, tmp_path):
    blank = blank_pack(tmp_path / "blank")
    packs = vendor_packs(tmp_path / "vendors", blank)
    fill_scorecard(
        blank / "demo-scorecard.xlsx", packs / "Beta" / "demo-scorecard-olga.xlsx", "Olga", {"R1": 7}
    )
    fill_commercial(
        blank / "commercial-form.xlsx", packs / "Alpha" / "commercial-form.xlsx", {"Training": ["a lot"]}
    )
    code, out, err = run_cli("rfp", "evaluate", packs)
    assert code == 2 and out == ""
    olga, alpha = packs / "Beta" / "demo-scorecard-olga.xlsx", packs / "Alpha" / "commercial-form.xlsx"
    assert f"{olga}:Demo scorecard!E8: 7 is not a score; expected a whole number from 0 to 5" in err
    assert f"{alpha}:Commercial form!B12: 'a lot' is not an amount; expected a number of 0 or more" in err
    assert "nothing was written" in err
    assert sorted(p.name for p in packs.iterdir()) == ["Alpha", "Beta", "Gamma"]


def test_a_missing_form_and_different_currencies_are_refused(run_cli, tmp_path):
    blank = blank_pack(tmp_path / "blank")
    packs = vendor_packs(tmp_path / "vendors", blank)
    (packs / "Gamma" / "commercial-form.xlsx").unlink()
    code, _out, err = run_cli("rfp", "evaluate", packs)
    assert (
        code == 2 and f"{packs / 'Gamma'}: 0 files named commercial-form*.xlsx; expected exactly one" in err
    )
    fill_commercial(
        blank / "commercial-form.xlsx",
        packs / "Gamma" / "commercial-form.xlsx",
        {"Training": [1]},
        currency="USD",
    )
    code, _out, err = run_cli("rfp", "evaluate", packs)
    assert code == 2 and "different currencies (Alpha: EUR, Beta: EUR, Gamma: USD)" in err
    assert not (packs / "evaluation.xlsx").exists()


def test_weights_that_do_not_add_up_are_refused(run_cli, packs):
    code, _out, err = run_cli("rfp", "evaluate", packs, "--weights", "fit=60")
    assert code == 2 and "add up to 110; they must add up to 100" in err
    code, _out, err = run_cli("rfp", "evaluate", packs, "--weights", "looks=10")
    assert code == 2 and "expected NAME=POINTS with NAME one of fit, price, demo, references" in err


def test_names_that_look_like_formulas_stay_text(run_cli, tmp_path):
    """A vendor folder and an evaluator named like formulas: shown as typed, never run."""
    tricky = {
        "=1+2 Corp": VENDORS["Alpha"],
        "Beta": {**VENDORS["Beta"], "demo": {"@SUM(A1)": VENDORS["Beta"]["demo"]["Ali"]}},
    }
    packs = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"), tricky)
    code, _out, err = run_cli("rfp", "evaluate", packs, "--out", tmp_path / "out")
    assert code == 0, err
    wb = openpyxl.load_workbook(tmp_path / "out" / "evaluation.xlsx")
    vendor = wb["Ranking"]["B6"]
    assert vendor.value == "=1+2 Corp" and vendor.data_type == "s" and vendor.quotePrefix
    evaluator = next(c for c in wb["Demo"][1] if c.value == "@SUM(A1)")
    assert evaluator.data_type == "s" and evaluator.quotePrefix
    html_text = (tmp_path / "out" / "evaluation.html").read_text(encoding="utf-8")
    assert "<td>=1+2 Corp</td>" in html_text
