"""The permission matrix at 80 columns in Russian and Persian (issue 15): the scope words made each action
column as wide as the longest of them, and two or three action columns showed beside the role column. The
compact form (one-character scope marks, named in the legend above) shows many more; a resize across
NARROW_BELOW lays the matrix out again, in either direction."""

from __future__ import annotations

import pytest

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.domain.vocabulary import scope_label
from workbench.i18n import _, use_language
from workbench.tui.app import make_app
from workbench.tui.bidi import visual
from workbench.tui.widgets.permission_matrix import COMPACT_MARKS, PermissionMatrixTable

COMPACT_AT_80 = 8
"""action columns in sight at 80x24 at least (measured: 10 in Russian, 9 in Persian; 1 and 2 before)"""


def action_columns_in_sight(table: PermissionMatrixTable) -> int:
    """The action columns drawn whole beside the role column, the matrix scrolled to its left edge."""
    columns = list(table.columns.values())
    room = table.scrollable_content_region.width - columns[0].get_render_width(table)
    count = 0
    for column in columns[1:]:
        room -= column.get_render_width(table)
        if room < 0:
            break
        count += 1
    return count


def legend_text(app) -> str:
    return str(app.screen.query_one("#matrix-legend").render())


@pytest.mark.parametrize("lang", ["ru", "fa"])
async def test_the_matrix_shows_many_action_columns_at_80_and_names_every_mark(engagement, lang):
    app = make_app(engagement, today=TODAY, section="deliverables", lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.show_tab("roles")
        await settle(pilot)
        table = app.screen.query_one(PermissionMatrixTable)
        wide = action_columns_in_sight(table)
        assert not table.compact
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert table.compact and action_columns_in_sight(table) >= COMPACT_AT_80
        marks = {table.get_cell_at((r, c)).plain for r in range(table.row_count) for c in range(1, 8)}
        assert marks <= set(COMPACT_MARKS.values()) and len(marks) >= 2
        legend = legend_text(app)
        with use_language(lang):
            words = {scope: visual(scope_label(scope)) for scope in COMPACT_MARKS}  # as drawn
        for scope, mark in COMPACT_MARKS.items():  # four scopes: every mark is named in words, the mark
            # read first: on its word's left in Russian, on its right in Persian (read from the right)
            assert (f"{words[scope]} {mark}" if lang == "fa" else f"{mark} {words[scope]}") in legend
        if lang == "fa":  # the legend starts at the right edge, with its heading
            first = legend.splitlines()[0].rstrip()
            with use_language(lang):
                assert first.endswith(visual(_("Scope")))
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not table.compact and action_columns_in_sight(table) == wide
        assert not set(COMPACT_MARKS.values()) - {"·"} & set(legend_text(app))
