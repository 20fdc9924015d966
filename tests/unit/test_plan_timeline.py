"""The plan's text Gantt (domain.plan_timeline): the scale that fits a width, each task's bar in the right
cells (a one-day task, one spanning the whole engagement, one crossing a unit boundary), the slip after the
baseline, today's column, the localised axis, and the same bars mirrored right to left."""

from __future__ import annotations

from datetime import date

from workbench.domain.plan_timeline import Timeline, timeline, unit_bounds, unit_label

START, FINISH = date(2026, 3, 2), date(2026, 5, 29)
"""a 13-week engagement, Monday 2 March to Friday 29 May 2026"""


def drawn(line: Timeline, start: date, finish: date, **kw) -> str:
    """The row as one letter per cell: # bar, ~ late, | baseline, ! today, . empty."""
    kinds = {"": ".", "bar": "#", "late": "~", "baseline": "|", "today": "!"}
    return "".join(kinds[c] for c in line.cells(start, finish, **kw))


def test_the_finest_scale_that_fits_the_width():
    wide = timeline(START, FINISH, 40, "en")
    assert (wide.scale, wide.units, wide.per_unit, wide.width) == ("week", 13, 3, 39)
    narrow = timeline(START, FINISH, 20, "en")
    assert (narrow.scale, narrow.units, narrow.per_unit) == ("month", 3, 6)
    long = timeline(date(2026, 1, 5), date(2029, 12, 31), 20, "en")
    assert long.scale == "quarter" and long.units == 16 and long.width <= 20


def test_a_one_day_task_fills_one_cell_and_the_whole_engagement_every_cell():
    line = timeline(START, FINISH, 26, "en")  # weeks of two cells: a cell is half a week
    assert line.scale == "week"
    assert drawn(line, date(2026, 3, 4), date(2026, 3, 4)) == "#" + "." * 25  # Wednesday: first half
    assert drawn(line, date(2026, 3, 13), date(2026, 3, 13)) == "...#" + "." * 22  # Friday: second half
    assert drawn(line, START, FINISH) == "#" * 26


def test_a_task_crossing_a_month_boundary_spans_both_months():
    line = timeline(START, FINISH, 9, "en")  # March, April, May: three cells each
    assert (line.scale, line.per_unit) == ("month", 3)
    assert drawn(line, date(2026, 3, 25), date(2026, 4, 3)) == "..##....."
    assert drawn(line, date(2026, 3, 31), date(2026, 4, 1)) == "..##....."


def test_the_slip_after_the_baseline_and_a_baseline_after_the_bar():
    line = timeline(START, FINISH, 26, "en")
    late = drawn(line, date(2026, 3, 2), date(2026, 3, 20), baseline=date(2026, 3, 11))
    assert late == "###~~~" + "." * 20  # baseline Wednesday of week 2 (cell 2): cells 3 to 5 are the slip
    ahead = drawn(line, date(2026, 3, 2), date(2026, 3, 4), baseline=date(2026, 3, 20))
    assert ahead == "#....|" + "." * 20  # the baseline finished on Friday of week 3 (cell 5)


def test_today_is_marked_where_the_row_is_empty():
    line = timeline(START, FINISH, 26, "en")
    assert drawn(line, date(2026, 3, 2), date(2026, 3, 3), today=date(2026, 3, 18)) == "#...!" + "." * 21
    assert drawn(line, date(2026, 3, 16), date(2026, 3, 20), today=date(2026, 3, 18)) == "....##" + "." * 20
    assert "!" not in drawn(line, START, START, today=date(2026, 8, 1))  # outside the span: no mark


def test_right_to_left_the_earliest_day_is_the_rightmost_cell():
    ltr, rtl = timeline(START, FINISH, 26, "en"), timeline(START, FINISH, 26, "en", rtl=True)
    for start, finish in [(START, START), (START, FINISH), (date(2026, 3, 25), date(2026, 4, 3))]:
        assert drawn(rtl, start, finish) == drawn(ltr, start, finish)[::-1]
    assert drawn(rtl, START, START) == "." * 25 + "#"


def test_persian_weeks_start_on_saturday_and_months_are_solar_hijri():
    weeks = unit_bounds("week", START, FINISH, "fa")
    assert weeks[0] == date(2026, 2, 28) and weeks[0].weekday() == 5
    months = unit_bounds("month", START, FINISH, "fa")
    # Esfand 1404 begins 20 February; Farvardin 1405 on Nowruz, 21 March; Ordibehesht on 21 April
    assert months[:3] == (date(2026, 2, 20), date(2026, 3, 21), date(2026, 4, 21))
    line = timeline(START, FINISH, 8, "fa", rtl=True)
    assert (line.scale, line.units, line.per_unit) == ("month", 4, 2)  # Esfand to Khordad
    # the Nowruz eve task crosses the year boundary: Esfand's last cell and Farvardin's first
    assert drawn(line, date(2026, 3, 19), date(2026, 3, 22)) == ".....##."


def test_the_axis_labels_are_localised_short_dates():
    assert unit_label("week", date(2026, 3, 16), "en") == "16 Mar"
    assert unit_label("week", date(2026, 3, 16), "ru") == "16 " + "мар"
    assert unit_label("month", date(2026, 3, 21), "fa") == "فروردین"
    assert unit_label("week", date(2026, 3, 14), "fa") == "۲۳ اسفند"
    assert unit_label("quarter", date(2026, 3, 21), "fa") == "بهار"
    line = timeline(START, FINISH, 9, "ru")
    assert line.axis("ru") == "мар   май"  # each at its month's first cell, April's would touch March's


def test_right_to_left_a_label_ends_at_its_units_first_cell():
    line = timeline(START, FINISH, 12, "en", rtl=True)
    assert (line.scale, line.per_unit) == ("month", 4)
    assert line.axis("en") == " May Apr Mar"
    assert line.axis("en", lambda text: text.upper()) == " MAY APR MAR"  # laid out by the caller's bidi
