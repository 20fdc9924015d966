"""The holiday table loaded from its country's module alone is the library's own, and loading it does not
import every country (what made it worth writing: ~250 modules on every scheduling command)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from workbench.domain.holiday_source import country_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("country", "language"), [("IR", "fa_IR"), ("IR", None), ("RU", "ru"), ("RU", None), ("DE", None)]
)
def test_the_table_is_the_librarys_own(country, language):
    years = range(2025, 2029)
    ours = country_table(country, years, language)
    theirs = holidays.country_holidays(country, years=years, language=language)
    assert dict(ours.items()) == dict(theirs.items()) and len(ours) > 10
    assert ours.weekend == theirs.weekend
    assert getattr(ours, "weekend_workdays", None) == getattr(theirs, "weekend_workdays", None)


def test_an_unknown_code_is_refused_as_the_library_refuses_it():
    with pytest.raises(NotImplementedError):
        country_table("XX", range(2025, 2026), None)


def test_only_the_countrys_module_is_imported():
    code = (
        "import sys\n"
        "from workbench.domain.holiday_source import country_table\n"
        "country_table('IR', range(2025, 2027), 'fa_IR')\n"
        "country_table('RU', range(2025, 2027), 'ru')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('holidays.countries'))\n"
        "print(' '.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, timeout=60
    ).stdout.split()
    assert out == ["holidays.countries.iran", "holidays.countries.russia"]
