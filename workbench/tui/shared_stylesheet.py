"""The app's stylesheet, with parsed CSS shared by every stylesheet of the process.

Textual parses each CSS source (the app's file, every widget class's DEFAULT_CSS) into rule sets and keeps
them in a cache of 64 entries per stylesheet. Three things made the workbench parse the same CSS again
and again:
- the workbench has about 70 sources once its sections have been opened, so the 64-entry cache evicted
  what the next parse needed: each widget class seen for the first time re-parsed nearly everything;
- a theme change parses every source again into a fresh stylesheet (the variables differ), so switching
  back to a theme parsed it all once more (Ctrl+T twice);
- every app made in one process (the test suite makes hundreds) started from nothing.

Here the parsed rule sets are kept per process, keyed by what the parse reads: the CSS text, where it
came from, its defaults flag, tie-breaker and scope, and the values of the theme's variables. Rule sets
are only read once parsed (Textual's own cache already hands the same ones to every parse of one
stylesheet), so sharing them across stylesheets changes nothing but the time. CSS with errors is still
reported at each parse: the check runs on the rules, cached or not.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

KEPT_SOURCES = 2048
"""parsed sources kept (about 70 per theme; the palette offers about 20 themes)"""
_parsed: OrderedDict[tuple, list[RuleSet]] = OrderedDict()


class SharedStylesheet(Stylesheet):
    _variables_seen: Any = None
    _variables_key: frozenset = frozenset()

    def _theme_key(self) -> frozenset:
        """The variables as a hashable value, worked out again only when they were replaced."""
        if self._variables_seen is not self._variables:
            self._variables_seen = self._variables
            self._variables_key = frozenset(self._variables.items())
        return self._variables_key

    def _parse_rules(
        self,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (self._theme_key(), css, read_from, is_default_rules, tie_breaker, scope)
        rules = _parsed.get(key)
        if rules is not None:
            _parsed.move_to_end(key)
            return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        _parsed[key] = rules
        while len(_parsed) > KEPT_SOURCES:
            _parsed.popitem(last=False)
        return rules

    def copy(self) -> SharedStylesheet:
        stylesheet = SharedStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        """Textual's `reparse` (textual 8.2: parse into a fresh stylesheet, so an error leaves this one as
        it was), with the fresh stylesheet one of ours, so it finds the shared rules."""
        stylesheet = SharedStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False


def forget_parsed() -> None:
    """Drop the shared rules (tests that count parses)."""
    _parsed.clear()
