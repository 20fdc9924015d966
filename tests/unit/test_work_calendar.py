"""The client's working calendar: weekends and public holidays of its country, extra days off, declared
working days; and a plan counted on it never puts a task's start or finish on a day that does not work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbench.domain.plan import schedule
from workbench.domain.resolve import resolve
from workbench.domain.work_calendar import WorkCalendar, country_calendar, parse_weekend
from workbench.loading.playbooks import load_playbook

BUNDLED = ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services")
START = date(2026, 1, 5)


def test_iran_works_saturday_and_rests_on_friday_and_nowruz():
    cal = country_calendar("IR", START)
    assert 4 in cal.weekend and 5 not in cal.weekend  # Friday off, Saturday works
    assert not cal.is_working(date(2026, 3, 21))  # 1 Farvardin 1405, Nowruz
    assert not cal.is_working(date(2026, 4, 1))  # 12 Farvardin, Islamic Republic Day
    assert cal.is_working(date(2026, 1, 10))  # an ordinary Saturday


def test_russia_rests_through_the_january_holidays():
    cal = country_calendar("RU", START)
    assert [cal.is_working(date(2026, 1, d)) for d in range(1, 13)] == [False] * 11 + [True]
    assert cal.first_working(date(2026, 1, 1)) == date(2026, 1, 12)
    assert "Новогодние" in country_calendar("RU", START, lang="ru").names[date(2026, 1, 2)]


def test_declared_working_days_and_extra_days_off_win():
    saturday, shutdown = date(2026, 11, 28), date(2026, 12, 1)
    cal = country_calendar("RU", START, extra_off=[shutdown], extra_working=[saturday])
    assert cal.is_working(saturday) and not cal.is_working(shutdown)
    assert cal.add(date(2026, 11, 27), 1) == saturday


def test_weekend_names_and_errors():
    assert parse_weekend(["thu", "Friday"]) == frozenset({3, 4})
    with pytest.raises(ValueError, match="unknown weekday"):
        parse_weekend(["funday"])
    with pytest.raises(ValueError, match="unknown country"):
        country_calendar("XX", START)
    with pytest.raises(ValueError, match="every day"):
        WorkCalendar(weekend=frozenset(range(7)))


def test_add_agrees_with_counting_day_by_day():
    cal = country_calendar("IR", START, weekend=frozenset({3, 4}))
    for offset in range(0, 60, 7):
        start = START + timedelta(days=offset)
        for days in (0, 1, 5, 23):
            current, left = cal.first_working(start), days
            while left:
                current += timedelta(days=1)
                left -= cal.is_working(current)
            assert cal.add(start, days) == current


@pytest.mark.parametrize("playbook", BUNDLED)
@pytest.mark.parametrize("country", ["IR", "RU"])
def test_no_task_starts_or_ends_on_a_day_off(playbook, country):
    loaded = load_playbook(playbook)
    assert loaded.ok
    pb = resolve(loaded.playbook, {})
    cal = country_calendar(country, START)
    plan = schedule(pb, START, calendar=cal)
    assert len(plan.tasks) > 20
    off = [(t.id, d) for t in plan.tasks for d in (t.start, t.finish) if not cal.is_working(d)]
    assert off == []
    if country == "IR":
        assert not any(d.weekday() == 4 for t in plan.tasks for d in (t.start, t.finish))
        assert any(d.weekday() == 5 for t in plan.tasks for d in (t.start, t.finish))  # Saturdays work
    else:
        assert plan.start == date(2026, 1, 12)  # after the January holidays
