"""Parsed CSS shared across the process's stylesheets (tui/shared_stylesheet.py): a second app, or a theme
switched back to, parses nothing again; the rules are the ones Textual's own stylesheet makes; bad CSS is
still refused every time."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui import shared_stylesheet
from workbench.tui.app import make_app
from workbench.tui.shared_stylesheet import SharedStylesheet
from workbench.tui.themes import DARK, LIGHT


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The CSS sources the app's stylesheets parsed (not served from the shared rules) from here on."""
    shared_stylesheet.forget_parsed()
    seen: list[str] = []
    real = Stylesheet._parse_rules

    def counting(self, css, read_from, *args, **kwargs):
        if isinstance(self, SharedStylesheet):  # not the plain copies the test makes to compare with
            seen.append(str(read_from))
        return real(self, css, read_from, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "_parse_rules", counting)
    return seen


def _plain_copy(stylesheet: Stylesheet) -> Stylesheet:
    """The same sources and variables in Textual's own stylesheet, parsed."""
    plain = Stylesheet(variables=dict(stylesheet._variables))
    for read_from, (css, is_defaults, tie_breaker, scope) in stylesheet.source.items():
        plain.add_source(
            css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
        )
    plain.parse()
    return plain


def _described(stylesheet: Stylesheet) -> list[tuple]:
    """Each rule set as selectors, declarations and ranking."""
    return [
        (
            r.selector_names,
            tuple(map(repr, r.selector_set)),
            repr(sorted(r.styles.get_rules().items())),
            r.is_default_rules,
            r.tie_breaker,
        )
        for r in stylesheet.rules
    ]


async def test_a_second_app_and_a_theme_switched_back_parse_nothing_again(parsed):
    app = make_app(today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.stylesheet, SharedStylesheet)
        first = len(parsed)
        assert first >= 10
        app.theme = LIGHT
        await settle(pilot)
        after_light = len(parsed)
        assert after_light > first  # another theme: its variables differ, so its rules are parsed
        app.theme = DARK
        await settle(pilot)
        assert len(parsed) == after_light
        assert _described(app.stylesheet) == _described(_plain_copy(app.stylesheet))
    again = make_app(today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(parsed) == after_light
        assert _described(again.stylesheet) == _described(_plain_copy(again.stylesheet))


def test_bad_css_is_refused_at_every_parse(parsed):
    for _ in range(2):
        sheet = SharedStylesheet(variables={})
        sheet.add_source("Label { colour: red; }", read_from=("test", "BAD"))
        with pytest.raises(StylesheetParseError):
            sheet.parse()
