"""The language of `crmwb --help` and of usage errors, known before the parser is built.

Every help text is translated when its argument is added, so the language has to be decided from the raw
command line first. The rule is the one every command uses for its output (`resolve_language`): `--lang`
> the `language:` of the engagement folder the command names > $CRMWB_LANG > English. A `--lang` that is
not a language we have is left to argparse, which reports it (in the language the rest decided).

Persian help is right-to-left text in a terminal. As with the rest of the CLI's output it stays in logical
order (terminals differ in what they do with bidi), and its layout keeps each line in one direction: every
option and metavar (Latin) on a line of its own, its Persian help on the lines below, at most 80 columns,
so a terminal that does bidi lays out whole Persian lines and one that does not still shows each piece
apart.
"""

from __future__ import annotations

import argparse
import shutil

from workbench.languages import LANGUAGES, RTL_LANGUAGES
from workbench.store.engagement_file import is_engagement

RTL_WIDTH = 80


def lang_flag(argv: list[str]) -> str | None:
    """The value of the last `--lang xx` or `--lang=xx` on the command line, if it is one of ours."""
    found = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            found = value
    return found


def _engagement_folder(argv: list[str]) -> str | None:
    """The first argument naming an engagement folder (where `resolve_language` would find `language:`)."""
    return next((a for a in argv if not a.startswith("-") and a and is_engagement(a)), None)


def help_language(argv: list[str]) -> str:
    """Decide, and make current, the language the parser speaks for this command line (`open` included:
    its help follows the commands' rule, not the TUI's own start language)."""
    from workbench.cli.engagement_args import resolve_language

    scanned = argparse.Namespace(command=None, lang=lang_flag(argv), folder=_engagement_folder(argv))
    return resolve_language(scanned)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, but a line is never broken inside a word or at its hyphen: the values listed in
    a help text (`data-dictionary`, `field-mapping`) are what the user types, and must stay whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


class RightToLeftHelpFormatter(HelpFormatter):
    """Each option's invocation alone on its line, its help below it indented by four, lines of at most
    80 columns."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None) -> None:
        width = width or min(shutil.get_terminal_size().columns - 2, RTL_WIDTH)
        super().__init__(prog, indent_increment, max_help_position, width)

    def _format_action(self, action: argparse.Action) -> str:
        # argparse puts the help on the invocation's line when the invocation fits before the help column;
        # a help column four past the invocation's own indent leaves room for none, at every nesting level
        kept, self._max_help_position = self._max_help_position, self._current_indent + 4
        try:
            return super()._format_action(action)
        finally:
            self._max_help_position = kept


def formatter_for(lang: str) -> type[argparse.HelpFormatter]:
    return RightToLeftHelpFormatter if lang in RTL_LANGUAGES else HelpFormatter
