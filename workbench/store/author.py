"""Who made a change: `--as NAME`, else $CRMWB_AUTHOR, else the operating-system user."""

from __future__ import annotations

import getpass
import os


def current_author(explicit: str | None = None) -> str:
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get("CRMWB_AUTHOR", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"
