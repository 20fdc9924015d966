"""argparse's own words ("usage:", "options", "invalid choice: ...") from our catalogue.

argparse translates its fixed text with `gettext.gettext` and `gettext.ngettext`, bound once as the module
globals `argparse._` and `argparse.ngettext` and looked up each time a message is made. `install()` points
those two names at our catalogue, so `crmwb --help` and a usage error read in the interface language like
every other message (English is the message itself, as before; a message not in the catalogue falls back
to English the same way). The messages are listed here with `N_` so that `tools/i18n.py` puts them in the
.po files with the rest; a test compares the list with the `_()`/`ngettext()` calls of the running
Python's argparse, so a message a newer Python adds is noticed.
The `%(name)s` and `%s` placeholders are argparse's: every translation keeps them as they are.
"""

from __future__ import annotations

import argparse

from workbench.i18n import N_, _, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_('argument "-" with mode %r'),
)
"""what a person can meet from argparse: help headings, usage errors (argparse's programming errors, such
as conflicting option strings, are for us and stay English)"""

VERSION_HELP = N_("show program's version number and exit")
"""argparse leaves this default help untranslated; crmwb passes it to its `--version` itself"""

PROGRAMMING_ERRORS = frozenset(
    {
        ".__call__() not defined",
        "'required' is an invalid argument for positionals",
        "mutually exclusive arguments must be optional",
        "?",
        "%r is not callable",
        "cannot merge actions - two groups are named %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "cannot have multiple subparser arguments",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        "conflicting option string: %s",
    }
)
"""argparse messages about a wrongly built parser: a bug of ours, never shown to a user, left English"""


def expected_arguments(count: int) -> str:
    """argparse's one plural a user can meet (an option taking `nargs=N` values), spelled out here so the
    extractor finds it as a plural message."""
    return ngettext("expected %s argument", "expected %s arguments", count) % count


def install() -> None:
    """Route argparse's messages through the catalogue (idempotent; English stays English)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
