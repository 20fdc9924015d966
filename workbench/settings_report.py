"""Where each effective setting comes from: a `CRMWB_*` variable, the settings file, or the default.

A person who set the theme in the file and still sees another one needs to know that `CRMWB_THEME` wins;
the TUI's settings view shows this report. A file or variable that cannot be used is named with its
problem, and the rest still reported, so the view works even when the file is broken."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from workbench.settings import ENV, Settings, SettingsError, _checked, _read_file, settings_path

DEFAULT = "default"


@dataclass(frozen=True)
class Origin:
    name: str
    """the setting's key in the file (`keymap.<binding id>` for each key binding)"""
    value: str
    source: str
    """the file's path, `$CRMWB_…`, or DEFAULT"""


@dataclass(frozen=True)
class SettingsReport:
    path: Path
    exists: bool
    origins: list[Origin]
    problems: list[str]


def _show(value: object) -> str:
    return "" if value is None else str(value)


def settings_report(environ: dict[str, str] | None = None) -> SettingsReport:
    environ = dict(os.environ) if environ is None else environ
    path = settings_path()
    problems: list[str] = []
    try:
        from_file = _checked(_read_file(path), str(path))
    except SettingsError as exc:
        from_file, problems = {}, [str(exc)]
    defaults = Settings()
    origins: list[Origin] = []
    for item in fields(Settings):
        name = item.name
        if name == "keymap":
            keymap = from_file.get("keymap", {})
            origins += [
                Origin(f"keymap.{binding}", keys, str(path)) for binding, keys in sorted(keymap.items())
            ]
            continue
        var = ENV.get(name)
        raw = environ.get(var, "").strip() if var else ""
        if raw:
            try:
                value = _checked({name: raw.lower()[:2] if name == "language" else raw}, f"${var}")[name]
                origins.append(Origin(name, _show(value), f"${var}"))
                continue
            except SettingsError as exc:
                problems.append(str(exc))
        if name in from_file:
            origins.append(Origin(name, _show(from_file[name]), str(path)))
        else:
            origins.append(Origin(name, _show(getattr(defaults, name)), DEFAULT))
    return SettingsReport(path, path.is_file(), origins, problems)
