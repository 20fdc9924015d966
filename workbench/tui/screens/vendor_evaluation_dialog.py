"""The vendor evaluation: the folder of the vendors' returned packs (one folder per vendor, completed as
typed), evaluated in a worker by app.vendor_evaluation — the code `crmwb rfp evaluate` runs, with the
engagement's weights — and shown as the evaluation's Markdown: the headline (first place and the weight
that flips it), the ranking with the knocked-out vendors, the criteria, the flagged evaluators and the
sensitivity. Write returns the evaluation; whoever pushed the dialog writes evaluation.xlsx, .md and
.html into the vendors folder. A pack that cannot be read is shown with every located problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from workbench.i18n import N_, _
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_markdown import MarkdownPreview
from workbench.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from workbench.domain.evaluation_summary import EvaluationSummary
    from workbench.domain.evaluation_weights import EvaluationWeights

HORIZON = 5
"""years of the total cost of ownership, as `crmwb rfp evaluate` counts by default"""


@dataclass(frozen=True)
class Evaluation:
    folder: Path
    summary: EvaluationSummary
    warnings: list[str]


class VendorEvaluationDialog(FormDialog[Evaluation | None]):
    HELP = N_(
        "Evaluate the vendors' returned packs: fit, price over five years, demo and references with the "
        "engagement's weights; the ranking, knock-outs, flagged evaluators and the weight that flips first "
        "place, then write the evaluation workbook, md and html."
    )
    box_classes = "dialog-box wide evaluation-box"
    DEFAULT_CSS = """
    VendorEvaluationDialog #evaluation-scroll { height: 1fr; background: $panel; margin: 1 0 0 0; }
    """

    def __init__(self, weights: EvaluationWeights) -> None:
        super().__init__(_("Vendor evaluation"))
        self.weights = weights
        self.evaluation: Evaluation | None = None
        self.error: str | None = None

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Vendors folder (one folder per vendor)")))
        yield Input(id="vendors-folder", suggester=PathSuggester(), compact=True)
        with VerticalScroll(id="evaluation-scroll"):
            yield MarkdownPreview(id="evaluation-markdown")

    def on_mount(self) -> None:
        self.query_one(".evaluation-box").styles.height = "95%"  # the app's .dialog-box is height auto
        self.query_one("#vendors-folder", Input).focus()

    def ok_label(self) -> str:
        return _("Write")

    @property
    def folder(self) -> str:
        return self.query_one("#vendors-folder", Input).value.strip()

    def is_dirty(self) -> bool:
        return bool(self.folder)

    @property
    def markdown(self) -> str:
        return self.query_one(MarkdownPreview).source

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.evaluate()

    def evaluate(self) -> None:
        if not self.folder:
            self.show_error(_("Type the folder that holds one folder per vendor."))
            return
        self.show_error("")
        self.query_one("#evaluation-scroll").loading = True
        self._run(Path(self.folder).expanduser())

    @work(
        thread=True,
        exclusive=True,
        group="vendor-evaluation",
        exit_on_error=False,
        description="vendor evaluation",
    )
    def _run(self, folder: Path) -> None:
        from workbench.app.vendor_evaluation import EvaluationInputError, run_evaluation
        from workbench.writers.evaluation_text import markdown

        try:
            evaluated = run_evaluation(folder, self.weights, HORIZON)
        except EvaluationInputError as exc:
            self.app.call_from_thread(self._done, None, "", "\n".join(exc.problems))
            return
        evaluation = Evaluation(folder, evaluated.summary, evaluated.warnings)
        self.app.call_from_thread(self._done, evaluation, markdown(evaluated.summary), None)

    def _done(self, evaluation: Evaluation | None, text: str, error: str | None) -> None:
        self.query_one("#evaluation-scroll").loading = False
        self.evaluation = evaluation
        self.query_one(MarkdownPreview).update(text)
        self.show_error(error or "\n".join(evaluation.warnings if evaluation else []))

    def submit(self) -> None:
        evaluation = self.evaluation
        if evaluation is None or str(evaluation.folder) != str(Path(self.folder).expanduser()):
            self.evaluate()
            return
        self.dismiss(evaluation)
