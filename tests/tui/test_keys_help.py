"""The help's keys in one widget (widgets/keys_help.py): every key of the Markdown help is there, a long
row wraps under its words (not under the key), and F1 builds tens of widgets, not hundreds."""

from __future__ import annotations

from textual.app import App

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui.app import make_app
from workbench.tui.screens.help import HelpScreen
from workbench.tui.widgets.keys_help import KeysHelp, Part

PARTS: list[Part] = [
    ("heading", "## This screen (Phases)"),
    ("text", "Work the tasks of each phase; `i` shows the details."),
    (
        "keys",
        [
            ("s", "Start", "Mark the task in progress"),
            (
                "Ctrl+Z",
                "Undo",
                "Undo the last status, assignee or due-date change made here; again for the one before",
            ),
        ],
    ),
]


class Holder(App):
    def compose(self):
        yield KeysHelp(PARTS, id="keys")


async def test_a_long_key_row_wraps_under_its_words():
    app = Holder()
    async with app.run_test(size=(50, 20)):
        lines = [line.plain for line in app.query_one(KeysHelp).lines(40)]
    assert lines[0] == "This screen (Phases)"
    assert lines[1].startswith("Work the tasks") and "`" not in " ".join(lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("s "))
    assert lines[start] == "s       Start: Mark the task in progress"  # keys padded to the widest, Ctrl+Z
    undo = lines[start + 1 :]
    assert undo[0].startswith("Ctrl+Z  Undo: ") and len(undo) > 2
    assert all(line.startswith(" " * 8) and line[8] != " " for line in undo[1:])
    assert all(len(line) <= 40 for line in lines)


async def test_f1_shows_every_key_of_the_help_from_a_few_widgets(engagement):
    from workbench.tui.screens.help import help_parts

    app = make_app(engagement, today=TODAY, section="phases", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        phases = app.screen
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one(KeysHelp).text
        assert len(list(app.screen.walk_children())) < 20  # the Markdown help was some 270 widgets
        for kind, part in help_parts(phases):
            if kind == "heading":
                assert part.removeprefix("## ") in shown
        assert "Ctrl+Z  Undo" in shown and "Everywhere" in shown


def test_a_screen_without_keys_says_so_in_plain_words_in_persian(monkeypatch):
    """Persian help is plain lines for BidiText, not Markdown: the sentence came out as `_..._`."""
    from workbench.i18n import gettext_in, use_language
    from workbench.tui.screens import help as help_module
    from workbench.tui.widgets.keys_help import NO_KEYS

    monkeypatch.setattr(help_module, "help_parts", lambda current: [("heading", "## X"), ("keys", [])])
    with use_language("fa"):
        lines = help_module.help_lines(None)  # type: ignore[arg-type]
    assert lines == [("X", "bold"), (gettext_in("fa", NO_KEYS), "dim italic")]
    assert gettext_in("fa", NO_KEYS) != NO_KEYS and "_" not in lines[-1][0]
