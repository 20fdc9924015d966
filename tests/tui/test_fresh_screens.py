"""A section's first open styles only its own widgets: the stylesheet is not parsed again (Textual would,
twice, for every new mode screen; workbench/tui/fresh_screens.py), yet a section first opened after a
theme change shows that theme, and the Deliverables keep their layout rules (now its DEFAULT_CSS).
Counts of calls, not timings (speed is in benchmarks/tui_section_open_bench.py)."""

from __future__ import annotations

from textual.color import Color
from textual.widgets import TabPane

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.app.engagements import open_session
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.deliverables import DeliverablesScreen
from workbench.tui.themes import DARK, LIGHT, THEMES
from workbench.tui.widgets.plan_table import PlanTable, PlanView


def counting_reparses(app: WorkbenchApp) -> list[str]:
    """A list that grows by one entry each time the app's stylesheet is parsed again from scratch."""
    calls: list[str] = []
    reparse = app.stylesheet.reparse

    def counted() -> None:
        calls.append(app.current_mode)
        reparse()

    app.stylesheet.reparse = counted  # type: ignore[method-assign]
    return calls


def background_of(theme: str) -> Color:
    return Color.parse(next(t.background for t in THEMES if t.name == theme))


async def test_first_opens_of_sections_parse_no_stylesheet_again(engagement):
    app = WorkbenchApp(open_session(engagement, "ana"), author="ana", today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reparses = counting_reparses(app)
        for key, section in (("f5", "deliverables"), ("f3", "intake"), ("f6", "export"), ("f2", "start")):
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == section
        assert reparses == []
        await pilot.press("f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DeliverablesScreen)
        panes = list(screen.query(TabPane))
        assert len(panes) == 6 and {p.styles.padding.top for p in panes} == {0}  # ours, not TabPane's
        assert screen.query_one("#deliverables-tabs").styles.height.cells is None  # 1fr, not auto


async def test_a_section_first_opened_after_a_theme_change_shows_that_theme(engagement):
    app = WorkbenchApp(
        open_session(engagement, "ana"), author="ana", today=TODAY, section="phases", theme=DARK
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.styles.background == background_of(DARK)
        reparses = counting_reparses(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert app.theme == LIGHT and reparses  # the theme change itself parses again, as it must
        await pilot.press("f5")  # never shown before: made now, in the light theme
        await settle(pilot)
        assert isinstance(app.screen, DeliverablesScreen)
        assert app.screen.styles.background == background_of(LIGHT)
        await pilot.press("f4")
        await settle(pilot)
        assert app.screen.styles.background == background_of(LIGHT)


class TabChosenAtOnce(DeliverablesScreen):
    """Notes which views exist when the screen mounts, and asks for the Plan tab before its view exists."""

    views_at_mount: list[str]
    plan_view_when_asked: bool

    def on_mount(self) -> None:
        self.views_at_mount = [type(v).__name__ for v in self.query(VIEWS)]
        self.call_later(self.ask_for_plan)

    def ask_for_plan(self) -> None:
        self.plan_view_when_asked = bool(self.query(PlanView))
        self.show_tab("plan")


VIEWS = "RfpView, RolesView, RaciGrid, ProcessView, KpiView, PlanView"


async def test_deliverables_paint_their_first_tab_and_build_the_others_right_after(engagement):
    from textual.app import App

    class Host(App):
        def on_mount(self) -> None:
            self.session = open_session(engagement, "ana")
            self.push_screen(TabChosenAtOnce(self.session, initial="rfp"))

        def on_unmount(self) -> None:
            self.session.close()

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TabChosenAtOnce)
        assert screen.views_at_mount == ["RfpView"] and not screen.plan_view_when_asked
        assert sorted(type(v).__name__ for v in screen.query(VIEWS)) == sorted(VIEWS.split(", "))
        assert screen.active_tab == "plan" and screen.focused is screen.query_one("#plan-table")
        assert screen.query_one(PlanView).query_one(PlanTable).row_count > 0  # loaded once it was there


async def test_a_section_shown_for_the_first_time_is_resumed_once(engagement, monkeypatch):
    """Textual's switch_mode sends a new mode's screen two ScreenResume events; each restyled the whole
    screen and reloaded its data. The second is dropped; a later return to the section still resumes it.
    The shared handler runs once per resume too (Textual calls each class's handler itself: the sections
    called it again through super())."""
    from workbench.tui.screens.base import WorkbenchScreen

    resumed: list[str] = []
    original = WorkbenchScreen.on_screen_resume

    def counted(self: WorkbenchScreen) -> None:
        resumed.append(self.SECTION)
        original(self)

    monkeypatch.setattr(WorkbenchScreen, "on_screen_resume", counted)
    app = WorkbenchApp(open_session(engagement, "ana"), author="ana", today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert resumed.count("phases") == 1
        for key, section in (("f3", "intake"), ("f8", "uat"), ("f3", "intake")):
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == section
        assert resumed.count("intake") == 2  # first shown, then shown again after Acceptance
        assert resumed.count("phases") == 1


async def test_a_section_first_shown_after_a_theme_change_wears_the_new_theme(engagement, monkeypatch):
    """A section's first resume does not restyle it again: it was styled when it mounted, a moment before
    (that second pass was a twentieth of showing the intake). Styled at mount, it wears the theme of
    that moment: one chosen while it did not exist yet, and one chosen while it was away."""
    from textual.screen import Screen

    restyled: list[str] = []
    original = Screen.update_node_styles

    def counted(self: Screen, animate: bool = True) -> None:
        restyled.append(getattr(self, "SECTION", ""))
        original(self, animate)

    monkeypatch.setattr(Screen, "update_node_styles", counted)
    app = WorkbenchApp(open_session(engagement, "ana"), author="ana", today=TODAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "crmwb-light"
        await settle(pilot)
        restyled.clear()
        await pilot.press("f3")
        await settle(pilot)
        assert app.current_mode == "intake" and "intake" not in restyled
        light = Color.parse(app.theme_variables["background"])
        assert app.screen.styles.background == light
        await pilot.press("f4")
        await settle(pilot)
        app.theme = "crmwb-dark"
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.styles.background == Color.parse(app.theme_variables["background"]) != light
