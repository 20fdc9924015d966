"""The `holidays` package's table for one country, importing that country's module only.

`holidays.country_holidays("IR")` imports `holidays.countries`, whose `__init__` imports all ~250 country
modules: 0.59 s of import time in a 1.2 s `crmwb open` (measured with `python -X importtime`), paid by
every command that schedules. The class we need lives in one module (`holidays/countries/iran.py`), which
imports only the package's shared parts (calendars, groups, holiday_base), so it is loaded alone, under its
own name; if `holidays.countries` is imported later, its `__init__` finds that module already loaded and
uses it. The class and its results are the library's own (a test compares them with
`country_holidays`); when the registry does not know the code, or a later `holidays` lays its modules out
differently, the library's own way is taken.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from typing import Any

_LOCK = threading.Lock()
"""the portfolio reads engagements on 4 threads: one module is executed once"""


def country_table(country: str, years: range, language: str | None) -> Any:
    """`holidays.country_holidays(country, years=years, language=language)`, without importing every
    country. Raises NotImplementedError for a code the package does not know, as the library does."""
    cls = _country_class(country)
    if cls is None:
        import holidays

        return holidays.country_holidays(country, years=years, language=language)
    return cls(years=years, language=language)


def _country_class(country: str) -> Any | None:
    import holidays
    from holidays.registry import COUNTRIES

    module = next((name for name, entry in COUNTRIES.items() if country in entry[1:]), None)
    if module is None:
        return None
    class_name = COUNTRIES[module][0]
    full = f"holidays.countries.{module}"
    with _LOCK:
        loaded = sys.modules.get(full)
        if loaded is None:
            where = Path(holidays.__file__ or "").parent / "countries" / f"{module}.py"
            spec = importlib.util.spec_from_file_location(full, where)
            if spec is None or spec.loader is None:
                return None
            loaded = importlib.util.module_from_spec(spec)
            sys.modules[full] = loaded
            try:
                spec.loader.exec_module(loaded)
            except Exception:  # noqa: BLE001 - a layout this code does not know: the library's own way
                sys.modules.pop(full, None)
                return None
    return getattr(loaded, class_name, None)
