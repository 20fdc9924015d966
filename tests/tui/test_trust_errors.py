"""An exception in an action or a worker becomes a notification naming a log file with the details; the
app stays up (it used to exit 70)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import notifications, wait_for
from workbench.tui.app import WorkbenchApp
from workbench.tui.errors import LOG_NAME, log_dir
from workbench.tui.screens.base import WorkbenchScreen


@dataclass
class Poke(Message):
    """A message whose handler on the screen has a bug."""


class FaultyScreen(WorkbenchScreen):
    @on(Poke)
    def _poked(self) -> None:
        raise KeyError("the handler broke")


class Faulty(WorkbenchApp):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "boom", "Boom"),
        Binding("y", "background", "Bg"),
        Binding("z", "poke", "Poke"),
    ]

    def action_poke(self) -> None:
        self.push_screen(FaultyScreen())
        self.call_later(lambda: self.screen.post_message(Poke()))

    def action_boom(self) -> None:
        raise RuntimeError("the action broke")

    def action_background(self) -> None:
        self._fails()

    @work(thread=True)
    def _fails(self) -> None:
        raise ValueError("the worker broke")


async def test_an_exception_in_an_action_or_a_worker_is_reported_and_the_app_goes_on(state_home):
    app = Faulty(author="ana", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert await wait_for(pilot, lambda: any("the action broke" in n for n in notifications(app)))
        await pilot.press("y")
        assert await wait_for(pilot, lambda: any("the worker broke" in n for n in notifications(app)))
        await pilot.press("z")
        assert await wait_for(pilot, lambda: any("the handler broke" in n for n in notifications(app)))
        assert isinstance(app.screen, FaultyScreen)
        log = log_dir() / LOG_NAME
        assert str(log) in "\n".join(notifications(app))
        assert app.is_running
        await pilot.press("f1")  # still answering keys
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
    assert app.return_code in (None, 0)
    text = log.read_text(encoding="utf-8")
    assert log.is_relative_to(state_home)
    assert "RuntimeError: the action broke" in text and "ValueError: the worker broke" in text
    assert "Traceback" in text
