"""What the workbench prints after an unexpected error: what broke, that it is our bug, what is safe.

Textual's own report is a traceback with local variables, and locals can hold client data (answers,
names, notes), so the app prints this instead (see WorkbenchApp._fatal_error)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

CRASH_EXIT = 70
"""Exit code after an unexpected error, as the CLI's internal errors (EX_SOFTWARE)."""


def crash_report(error: BaseException | None, debug: bool = False) -> Group:
    """The few lines shown after an unexpected error: what, that it is our bug, what is safe."""
    what = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
    lines: list = [
        Text(f"crmwb: internal error: {what}", style="bold"),
        Text(
            "This is a bug in crmwb, not in your files. Changes you made were saved as you "
            "made them. Run again with CRMWB_DEBUG=1 for a traceback (local variables are "
            "never shown)."
        ),
    ]
    if debug and error is not None:
        from rich.traceback import Traceback

        lines.append(Traceback.from_exception(type(error), error, error.__traceback__, show_locals=False))
    return Group(*lines)
