"""`crmwb open DIR`: the workbench TUI on an engagement. `crmwb` with no arguments opens it on the start
screen (see main.py); `crmwb demo` opens it on the demo engagement. All three go through `launch`.

Textual is imported here, inside the functions, so `crmwb --help` and the other commands never load it.
The exit code is the app's: 0, or 70 after an unexpected error (reported without local variables).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.engagement_args import add_author_argument, fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the engagement folder")
    add_author_argument(parser)


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def launch(folder: Path | None, author: str | None = None, command: str = "open",
           section: str | None = None, lang: str | None = None) -> int:
    """Open the engagement (printing its problems, exit 2, when it cannot be used), then run the TUI in
    the interface language: `lang` (--lang) > $CRMWB_LANG > the settings file > the engagement's."""
    if not has_terminal():
        return fail(command, "the workbench needs a terminal; for scripts use `crmwb status`, `crmwb task` "
                    "and the other commands")
    from workbench.cli.output import print_problems
    from workbench.store.engagement import EngagementError
    from workbench.tui.app import make_app

    try:
        app = make_app(folder, author=author, section=section, lang=lang)
    except EngagementError as exc:
        print_problems(exc.problems)
        return 2
    app.run()
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return launch(args.folder, args.author, lang=getattr(args, "lang_flag", None))
