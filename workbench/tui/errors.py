"""Where the TUI puts what went wrong: a log file in the platform's state/log folder, so a notification
can stay short and name the file, and nothing an ordinary user does ends the app.

The log holds the traceback without local variables (locals can hold client data: answers, notes). No
Textual here: the app calls `log_error` and shows the notification itself."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from workbench.app.recent import state_dir

LOG_NAME = "crmwb-tui.log"
KEEP_BYTES = 1_000_000
"""The log is cut to its newer half beyond this size: it must never fill a disk."""


def log_dir() -> Path:
    """The platform's folder for logs: %LOCALAPPDATA%\\crmwb\\Logs, ~/Library/Logs/crmwb, or
    $XDG_STATE_HOME/crmwb/log (default ~/.local/state/crmwb/log)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "crmwb" / "Logs"
    if sys.platform == "darwin" and not os.environ.get("XDG_STATE_HOME"):
        return Path.home() / "Library" / "Logs" / "crmwb"
    return state_dir() / "log"


def log_error(error: BaseException, context: str) -> Path | None:
    """Append `error` with its traceback (no locals) to the log; the log's path, or None when even the
    log cannot be written (a read-only home must not turn a reported error into a crash)."""
    path = log_dir() / LOG_NAME
    lines = [
        f"--- {datetime.now(UTC).isoformat(timespec='seconds')} {context}\n",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > KEEP_BYTES:
            kept = path.read_bytes()[-KEEP_BYTES // 2 :]
            path.write_bytes(kept)
        with path.open("a", encoding="utf-8") as log:
            log.writelines(lines)
    except OSError:
        return None
    return path
