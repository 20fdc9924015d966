"""Who made a change: `--as NAME`, else $CRMWB_AUTHOR, else the settings file's `author`, else the
operating-system user."""

from __future__ import annotations

import getpass
import os


def _from_settings() -> str | None:
    """The settings file's author; a broken settings file never stops a change from being recorded."""
    from workbench.settings import SettingsError, _checked, _read_file, settings_path

    try:
        path = settings_path()
        value = _checked(_read_file(path), str(path)).get("author")
    except (SettingsError, OSError):
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def current_author(explicit: str | None = None) -> str:
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get("CRMWB_AUTHOR", "").strip()
    if env:
        return env
    configured = _from_settings()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"
