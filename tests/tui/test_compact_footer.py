"""The keys bar (widgets/compact_footer.py): Textual's compact Footer drawn as one widget. It shows the
screen's keys and follows a keymap change, a click presses a key, hovering shades it and shows its
tooltip, and a narrow bar keeps whole keys left of the palette key."""

from __future__ import annotations

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui.app import WorkbenchApp, make_app
from workbench.tui.screens.help import HelpScreen
from workbench.tui.widgets.compact_footer import RULE, CompactFooter


def shown(app) -> str:
    return app.screen.query_one(CompactFooter).render().plain


async def test_the_keys_and_the_palette_key_on_the_right_follow_a_keymap_change():
    app = WorkbenchApp(author="ana", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = shown(app)
        assert len(line) == 120 and "f1 Help" in line
        assert line.rstrip().endswith(f"{RULE}^p palette")
        app.set_keymap({**app.settings.keymap, "app.help": "f12"})
        app.screen.refresh_bindings()
        await settle(pilot)
        assert "f12 Help" in shown(app) and "f1 Help" not in shown(app)


async def test_a_click_presses_the_key_and_a_click_between_keys_does_nothing():
    app = WorkbenchApp(author="ana", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = shown(app)
        gap = line.index("f1 Help") - 1  # the space before the key
        await pilot.click(CompactFooter, offset=(gap, 0))
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        await pilot.click(CompactFooter, offset=(line.index("f1 Help") + 4, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_hovering_a_key_shades_it_and_shows_its_tooltip(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(CompactFooter)
        start = shown(app).index("s Start")
        plain = bar.render()
        await pilot.hover(CompactFooter, offset=(start + 2, 0))
        await settle(pilot)
        hovered = bar.render()
        assert bar.hovered == "s" and bar.tooltip
        assert hovered.get_style_at_offset(app.console, start) != plain.get_style_at_offset(
            app.console, start
        )
        other = shown(app).index("d Done")
        assert hovered.get_style_at_offset(app.console, other) == plain.get_style_at_offset(
            app.console, other
        )


async def test_a_narrow_bar_keeps_whole_keys_left_of_the_palette_key():
    app = WorkbenchApp(author="ana", today=TODAY)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        line = shown(app)
        assert len(line) == 40 and line.rstrip().endswith(f"{RULE}^p palette")
        keys = line[: line.index(RULE)].split()
        assert keys and all(not word.endswith("…") for word in keys)
        bar = app.screen.query_one(CompactFooter)
        descriptions = [k.description for k in bar.keys()[0]]
        assert all(d in line for d in descriptions if f" {d} " in f" {line} ")


async def test_a_disabled_key_is_dim_and_a_click_on_it_rings_the_bell(seeded, monkeypatch):
    """Block is greyed out for a task already blocked: drawn dim, and clicking it only rings the bell."""
    from workbench.tui.screens.dialogs import PromptDialog

    app = make_app(seeded, today=TODAY, section="phases")
    rang: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rang.append(True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        blocked = next(v.id for v in screen.views if v.status == "blocked")
        await app.show_task(blocked)
        await settle(pilot)
        bar = screen.query_one(CompactFooter)
        block = next(k for k in bar.keys()[0] if k.key == "b")
        assert not block.enabled
        line = bar.render()
        at = line.plain.index("b Block")
        assert line.get_style_at_offset(app.console, at).dim
        await pilot.click(CompactFooter, offset=(at + 2, 0))
        await settle(pilot)
        assert rang and not isinstance(app.screen, PromptDialog)
