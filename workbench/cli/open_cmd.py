"""`crmwb open DIR`: the workbench TUI on an engagement. `crmwb` with no arguments opens it on the start
screen (see main.py); `crmwb demo` opens it on the demo engagement. All three go through `launch`.

Textual is imported here, inside the functions, so `crmwb --help` and the other commands never load it.
The exit code is the app's: 0, or 70 after an unexpected error (reported without local variables).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workbench.cli.engagement_args import add_author_argument, fail
from workbench.cli.exit_codes import ExitCode
from workbench.i18n import _
from workbench.store.engagement_file import is_engagement


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    add_author_argument(parser)


FIRST_SCREEN_EXIT = "CRMWB_EXIT_AFTER_FIRST_SCREEN"
"""Set for start-up benchmarks: the app runs headless and exits, code 0, once its first working screen is
painted (the start screen, or the engagement's section), or with `first-frame` once its first screen is
(the loading screen while the engagement opens). Not for people."""


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def launch(
    folder: Path | None,
    author: str | None = None,
    command: str = "open",
    section: str | None = None,
    lang: str | None = None,
) -> int:
    """Open the engagement (printing its problems, exit 2, when it cannot be used), then run the TUI in
    the interface language: `lang` (--lang) > $CRMWB_LANG > the settings file > the engagement's."""
    timing = bool(os.environ.get(FIRST_SCREEN_EXIT))
    if not timing and not has_terminal():
        return fail(
            command,
            "the workbench needs a terminal; for scripts use `crmwb status`, `crmwb task` "
            "and the other commands",
        )
    opened_early = None
    if folder is not None and is_engagement(folder):
        from workbench.app.open_early import start_opening
        from workbench.store.author import current_author

        author = current_author(author)
        opened_early = start_opening(Path(folder), author)  # while Textual is imported and the app built
    from workbench.tui.app import make_app

    try:
        app = make_app(
            folder, author=author, section=section, background=True, lang=lang, opened_early=opened_early
        )
    except Exception as exc:
        from workbench.store.engagement import EngagementError  # here: the store loads after the first frame

        if not isinstance(exc, EngagementError):
            raise
        from workbench.cli.output import print_problems

        print_problems(exc.problems)
        return ExitCode.BAD_INPUT
    if timing:
        app.exit_after_first_screen = os.environ[FIRST_SCREEN_EXIT]
        app.run(headless=True, size=(120, 40))
    else:
        app.run()
    failure = app.open_failure
    if failure is not None:  # the engagement opened behind the loading screen could not be used
        from workbench.cli.output import print_problems

        if failure.problems:  # located: file:line:col, as every command reports them
            print_problems(failure.problems)
        else:
            print(f"crmwb {command}: {failure.title}: {failure.message}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return launch(args.folder, args.author, lang=getattr(args, "lang_flag", None))
