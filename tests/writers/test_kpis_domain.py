"""The KPI plan rows both KPI writers share: formulas in words, dates from go-live, tracking periods."""

from __future__ import annotations

from datetime import date

import pytest

from tests.writers.plan_example import GO_LIVE, START, example_data, example_playbook
from workbench.domain.kpi_plan import add_months, go_live, kpi_plan, periods, readable_formula
from workbench.domain.kpis import FormulaError, Measure


def test_readable_formula_names_the_measures():
    measures = {
        "active": Measure(id="active", name="Active users (30 days)", source="log"),
        "licensed": Measure(id="licensed", name="Licensed users", source="list"),
    }
    assert (
        readable_formula("active / licensed * 100", measures)
        == "Active users (30 days) / Licensed users × 100"
    )
    assert (
        readable_formula("(1-active/licensed)*100", measures)
        == "(1 - Active users (30 days) / Licensed users) × 100"
    )
    assert readable_formula("-active + 2.5e1", measures) == "-Active users (30 days) + 2.5e1"
    assert readable_formula("unknown_id * 2", measures) == "unknown_id × 2"
    with pytest.raises(FormulaError):
        readable_formula("__import__('os')", measures)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 16), 3, date(2027, 2, 16)),
        (date(2026, 1, 16), 12, date(2027, 1, 16)),
    ],
)
def test_add_months_clamps_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_periods_are_calendar_periods_from_go_live():
    assert [p.label for p in periods("monthly", date(2026, 11, 20), 3)] == ["2026-11", "2026-12", "2027-01"]
    assert [p.label for p in periods("quarterly", date(2026, 8, 20), 3)] == ["2026 Q3", "2026 Q4", "2027 Q1"]
    assert [p.start for p in periods("quarterly", date(2026, 8, 20), 2)] == [
        date(2026, 7, 1),
        date(2026, 10, 1),
    ]
    weekly = periods("weekly", date(2026, 12, 31), 2)
    assert [(p.label, p.start) for p in weekly] == [
        ("2026-W53", date(2026, 12, 28)),
        ("2027-W01", date(2027, 1, 4)),
    ]
    assert [p.label for p in periods("yearly", date(2026, 8, 20), 2)] == ["2026", "2027"]


def test_kpi_plan_groups_by_phase_with_dated_targets():
    plan = kpi_plan(example_playbook(), START)
    assert plan.go_live == GO_LIVE == go_live(example_playbook(), START)
    assert [(g.phase, g.title, [line.kpi.id for line in g.lines]) for g in plan.groups] == [
        ("deployment", "Deployment: adoption", ["adoption_rate"]),
        ("post_deployment", "Post-deployment: business outcomes", ["conversion", "reply_time"]),
    ]
    adoption, conversion, reply = plan.lines()
    assert adoption.target_date == date(2026, 4, 16) and conversion.target_date == date(2027, 1, 16)
    assert reply.target_date is None
    assert (adoption.owner_name, conversion.owner_name) == ("Project lead", "Sponsor")
    assert adoption.baseline_label == "measure before go-live" and conversion.baseline_label == "12.5"
    assert (adoption.target_label, reply.target_label) == ("85%", "4 hours")
    assert reply.readable_formula == "Hours to first reply / (Deals won + Leads created)"
    assert {m.measure.id: m.used_by for m in plan.measures} == {
        "active": ["adoption_rate"],
        "licensed": ["adoption_rate"],
        "won": ["conversion", "reply_time"],
        "leads": ["conversion", "reply_time"],
        "hours": ["reply_time"],
        "unused": [],
    }


def test_without_a_deployment_phase_targets_count_from_the_start():
    data = example_data()
    data["phases"] = data["phases"][:1]
    assert kpi_plan(example_playbook(data), START).go_live == START


def test_persian_periods_are_solar_hijri_months_seasons_and_years():
    from workbench.domain.kpi_plan import periods

    months = periods("monthly", date(2026, 3, 25), 3, "fa")  # 5 Farvardin 1405
    assert [p.label for p in months] == ["فروردین ۱۴۰۵", "اردیبهشت ۱۴۰۵", "خرداد ۱۴۰۵"]
    assert [p.start for p in months] == [date(2026, 3, 21), date(2026, 4, 21), date(2026, 5, 22)]
    seasons = periods("quarterly", date(2026, 12, 1), 2, "fa")  # Azar 1405: autumn
    assert [p.label for p in seasons] == ["پاییز ۱۴۰۵", "زمستان ۱۴۰۵"]
    assert periods("yearly", date(2026, 3, 1), 2, "fa")[0].label == "۱۴۰۴"
    week = periods("weekly", date(2026, 12, 3), 1, "fa")[0]  # a Thursday: the week began on Saturday
    assert week.start == date(2026, 11, 28) and week.label.startswith("هفتهٔ ")


def test_russian_period_labels():
    from workbench.domain.kpi_plan import periods

    assert [p.label for p in periods("monthly", date(2026, 1, 15), 2, "ru")] == ["01.2026", "02.2026"]
    assert periods("quarterly", date(2026, 8, 1), 1, "ru")[0].label == "III кв. 2026"
