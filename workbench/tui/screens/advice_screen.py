"""Readiness and staffing as screens: the advice `crmwb readiness` and `crmwb staffing` print, built by
app.advice from the open engagement's playbook and answers, shown as its Markdown in the interface
language (Persian laid out right to left)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from workbench.i18n import N_, _, current_language
from workbench.tui.screens.result_screen import ResultScreen
from workbench.tui.widgets.bidi_markdown import MarkdownPreview

TITLES = {"readiness": N_("Readiness"), "staffing": N_("Staffing")}
HELPS = {
    "readiness": N_(
        "Does the client need a CRM now, and a dedicated CRM manager? The verdicts, the answers behind "
        "them and what to do first."
    ),
    "staffing": N_(
        "How to staff the CRM function: time, hire, seniority, placement, manager and analyst, each with "
        "the answers behind it, and the staffing risks."
    ),
}


class AdviceScreen(ResultScreen):
    DEFAULT_CSS = """
    AdviceScreen #advice-scroll { height: 1fr; background: $panel; }
    """

    def __init__(self, kind: str, markdown: str) -> None:
        super().__init__(_(TITLES[kind]))
        self.kind, self.markdown = kind, markdown
        self.HELP = HELPS[kind]

    def compose_result(self) -> ComposeResult:
        with VerticalScroll(id="advice-scroll"):
            yield MarkdownPreview(self.markdown, id="advice-markdown")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#advice-scroll").focus()


def advice_markdown(kind: str, opened) -> str:
    """The advice of `kind` for the open engagement, as the CLI's `--format md` gives it (less the
    right-to-left wrapper, which the screen does itself)."""
    from workbench.app.advice import ADVICE

    e = opened.engagement
    return ADVICE[kind](opened.playbook, e.answers, e.client, current_language()).markdown
