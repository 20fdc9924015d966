"""The few steps every engagement command shares — opening a folder and reporting its problems, dates and
`--as` arguments — so `new`, `intake`, `diff`, `status`, `task`, `phase`, `kpi` and `report` behave alike."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.exit_codes import ExitCode
from workbench.i18n import N_, _
from workbench.store.engagement_file import is_engagement

if TYPE_CHECKING:  # keep `crmwb --help` free of pydantic and sqlite
    from workbench.app.engagement import OpenEngagement


def iso_date(text: str) -> date:
    """argparse type: a calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date; expected YYYY-MM-DD, e.g. 2026-03-01").format(text=repr(text))
        ) from None


def add_author_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="author",
        metavar="NAME",
        help=_(
            "who makes the change (default: $CRMWB_AUTHOR, else the settings file's author, else the OS user)"
        ),
    )


def fail(command: str, message: str) -> int:
    """Bad input: one line on stderr, exit 2."""
    from workbench.i18n import _

    print(_("crmwb {command}: error: {message}").format(command=command, message=message), file=sys.stderr)
    return ExitCode.BAD_INPUT


def say_waiting(message: str) -> None:
    print(f"crmwb: {message}", file=sys.stderr)


def open_or_report(folder: Path, author: str | None, command: str) -> OpenEngagement | None:
    """Open (and sync) an engagement, or print every located problem and return None (exit 2).

    The store waits for another writer as the CLI's busy policy says (a few retries, each announced on
    stderr); past them StoreBusy propagates and `crmwb` exits 75 with the message."""
    import sqlite3

    from workbench.app.engagement import open_engagement
    from workbench.cli.output import print_problems
    from workbench.i18n import _
    from workbench.store.author import current_author
    from workbench.store.busy import BusyPolicy
    from workbench.store.engagement import EngagementError

    try:
        return open_engagement(Path(folder), current_author(author), BusyPolicy.command_line(say_waiting))
    except EngagementError as exc:
        print_problems(exc.problems)
    except (sqlite3.Error, RuntimeError) as exc:
        fail(
            command,
            _("{file}: the state store cannot be used: {reason}").format(
                file=Path(folder) / "state.db", reason=exc
            ),
        )
    return None


def sync_summary(new: list[str], archived: list[str], restored: list[str]) -> str:
    from workbench.cli.local import num
    from workbench.i18n import _, ngettext

    parts = [
        ngettext("{n} task added (not started)", "{n} tasks added (not started)", len(new)).format(
            n=num(len(new))
        )
        if new
        else "",
        ngettext(
            "{n} archived (its history is kept)", "{n} archived (their history is kept)", len(archived)
        ).format(n=num(len(archived)))
        if archived
        else "",
        ngettext("{n} restored", "{n} restored", len(restored)).format(n=num(len(restored)))
        if restored
        else "",
    ]
    return "; ".join(p for p in parts if p) or _("the task list is unchanged")


def task_rows(resolved):
    """The store's (task id, phase, checklist length) rows, imported late to keep `crmwb --help` light."""
    from workbench.store.engagement import task_rows as rows

    return rows(resolved)


LANG_HELP = N_("language of the output: en, fa or ru (default: the engagement's, else $CRMWB_LANG, else en)")
"""marked here, translated where the parser is built (after the language is known)"""


def add_lang_argument(parser: argparse.ArgumentParser, help_text: str = LANG_HELP) -> None:
    """`--lang en|fa|ru` with no default of its own: `resolve_language` decides when it is not given."""
    from workbench.languages import LANGUAGES

    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=_(help_text))


def ensure_lang_argument(parser: argparse.ArgumentParser) -> None:
    """Give a command `--lang` if it has none, and its actions (`task DIR list --lang fa`) too; an action's
    copy leaves the value alone when not given, so `task DIR --lang fa list` works as well."""
    from workbench.languages import LANGUAGES

    if not any("--lang" in a.option_strings for a in parser._actions):
        add_lang_argument(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                if not any("--lang" in a.option_strings for a in sub._actions):
                    sub.add_argument(
                        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_(LANG_HELP)
                    )


_FOLDER_ARGUMENTS = ("folder", "design", "playbook")
"""where a command keeps its engagement folder (or a playbook, which has no language of its own)"""


def engagement_language(args: argparse.Namespace) -> str:
    """The `language:` of the engagement folder the command works on, or "" (no folder, no field, or a
    file that cannot be read: the command itself reports that, in the fallback language)."""
    for name in _FOLDER_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, (str, Path)) and is_engagement(value):
            from workbench.store.engagement import EngagementError, read

            try:
                return read(Path(value)).language
            except (EngagementError, OSError):
                return ""
    return ""


def resolve_language(args: argparse.Namespace) -> str:
    """One rule for every command: `--lang` > the engagement's `language:` > $CRMWB_LANG > en. The result
    becomes the interface language (every `_()` of the command) and `args.lang` when the command has
    one, so the content it prints (playbook names, questions) follows the same choice."""
    from workbench.i18n import default_language, set_language

    flag = getattr(args, "lang", None)
    # what --lang said, before the rule fills `args.lang` in: the TUI ranks it above its own setting
    args.lang_flag = flag if isinstance(flag, str) else None
    if getattr(args, "command", None) == "open":  # the TUI speaks its user's language, set on its own
        return default_language()
    lang = flag if isinstance(flag, str) else (engagement_language(args) or default_language())
    set_language(lang)
    if hasattr(args, "lang") and not isinstance(flag, list):
        args.lang = lang
    return lang
