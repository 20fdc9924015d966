"""Readiness and staffing as screens: the advice `crmwb readiness` and `crmwb staffing` print, built by
app.advice from the open engagement's playbook and answers, shown as its Markdown in the interface
language (Persian laid out right to left)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from workbench.i18n import N_, _, current_language
from workbench.tui.screens.result_screen import ResultScreen
from workbench.tui.widgets.bidi_markdown import MarkdownPreview


class AdviceScreen(ResultScreen):
    DEFAULT_CSS = """
    AdviceScreen #advice-scroll { height: 1fr; background: $panel; }
    """

    KIND: ClassVar[str] = ""
    TITLE_TEXT: ClassVar[str] = ""

    def __init__(self, markdown: str) -> None:
        super().__init__(_(self.TITLE_TEXT))
        self.kind, self.markdown = self.KIND, markdown

    def compose_result(self) -> ComposeResult:
        with VerticalScroll(id="advice-scroll"):
            yield MarkdownPreview(self.markdown, id="advice-markdown")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#advice-scroll").focus()


class ReadinessScreen(AdviceScreen):
    KIND, TITLE_TEXT = "readiness", N_("Readiness")
    HELP = N_(
        "Does the client need a CRM now, and a dedicated CRM manager? The verdicts, the answers behind "
        "them and what to do first."
    )


class StaffingScreen(AdviceScreen):
    KIND, TITLE_TEXT = "staffing", N_("Staffing")
    HELP = N_(
        "How to staff the CRM function: time, hire, seniority, placement, manager and analyst, each with "
        "the answers behind it, and the staffing risks."
    )


SCREENS: dict[str, type[AdviceScreen]] = {"readiness": ReadinessScreen, "staffing": StaffingScreen}


def advice_markdown(kind: str, opened) -> str:
    """The advice of `kind` for the open engagement, as the CLI's `--format md` gives it (less the
    right-to-left wrapper, which the screen does itself)."""
    from workbench.app.advice import ADVICE

    e = opened.engagement
    return ADVICE[kind](opened.playbook, e.answers, e.client, current_language()).markdown
