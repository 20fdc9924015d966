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
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from workbench.domain.evaluation_weights import CRITERIA, CRITERION_LABELS
from workbench.domain.locale import format_number
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_markdown import MarkdownPreview
from workbench.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from workbench.domain.evaluation_summary import EvaluationSummary
    from workbench.domain.evaluation_weights import EvaluationWeights

HORIZON = 5
"""years of the total cost of ownership, as `crmwb rfp evaluate` counts by default"""
HORIZONS = (3, 5)
"""the horizons `crmwb rfp evaluate --horizon` accepts"""


@dataclass(frozen=True)
class Evaluation:
    folder: Path
    summary: EvaluationSummary
    warnings: list[str]
    weights: EvaluationWeights | None = None
    horizon: int = HORIZON


class VendorEvaluationDialog(FormDialog[Evaluation | None]):
    HELP = N_(
        "Evaluate the vendors' returned packs: fit, price over three or five years, demo and references "
        "with the engagement's weights or your own (adding up to 100); the ranking, knock-outs, flagged "
        "evaluators and the weight that flips first place, then write the evaluation workbook, md and html."
    )
    box_classes = "dialog-box wide evaluation-box"
    DEFAULT_CSS = """
    VendorEvaluationDialog #evaluation-scroll { height: 1fr; background: $panel; margin: 1 0 0 0; }
    VendorEvaluationDialog #evaluation-options { height: auto; }
    VendorEvaluationDialog #evaluation-options > Vertical { width: 1fr; height: auto; }
    """

    def __init__(self, weights: EvaluationWeights) -> None:
        super().__init__(_("Vendor evaluation"))
        self.weights = weights
        self.evaluation: Evaluation | None = None
        self.error: str | None = None

    def compose_form(self) -> ComposeResult:
        yield Label(visual(_("Vendors folder (one folder per vendor)")))
        yield Input(id="vendors-folder", suggester=PathSuggester(), compact=True)
        lang, points = current_language(), self.weights.as_dict()
        with Horizontal(id="evaluation-options"):
            for criterion in CRITERIA:
                with Vertical():
                    yield Label(visual(_(CRITERION_LABELS[criterion])))
                    yield Input(
                        format_number(points[criterion], lang), id=f"weight-{criterion}", compact=True
                    )
            with Vertical():
                yield Label(visual(_("Horizon")))
                yield Select(
                    [
                        (ngettext("{n} year", "{n} years", n).format(n=format_number(n, lang)), n)
                        for n in HORIZONS
                    ],
                    value=HORIZON,
                    allow_blank=False,
                    id="evaluation-horizon",
                    compact=True,
                )
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

    @property
    def horizon(self) -> int:
        value = self.query_one("#evaluation-horizon", Select).value
        return value if isinstance(value, int) else HORIZON

    def chosen_weights(self) -> EvaluationWeights:
        """The weights the fields say; WeightsInputError as `--weights` would refuse them."""
        from workbench.app.evaluation_weights_input import read_weights

        typed = {c: self.query_one(f"#weight-{c}", Input).value for c in CRITERIA}
        return read_weights(typed, self.weights)

    def evaluate(self) -> None:
        from workbench.app.evaluation_weights_input import WeightsInputError

        if not self.folder:
            self.show_error(_("Type the folder that holds one folder per vendor."))
            return
        try:
            weights = self.chosen_weights()
        except WeightsInputError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.query_one("#evaluation-scroll").loading = True
        self._run(Path(self.folder).expanduser(), weights, self.horizon)

    @work(
        thread=True,
        exclusive=True,
        group="vendor-evaluation",
        exit_on_error=False,
        description="vendor evaluation",
    )
    def _run(self, folder: Path, weights: EvaluationWeights, horizon: int) -> None:
        from workbench.app.vendor_evaluation import EvaluationInputError, run_evaluation
        from workbench.writers.evaluation_text import markdown

        try:
            evaluated = run_evaluation(folder, weights, horizon)
        except EvaluationInputError as exc:
            self.app.call_from_thread(self._done, None, "", "\n".join(exc.problems))
            return
        evaluation = Evaluation(folder, evaluated.summary, evaluated.warnings, weights, horizon)
        self.app.call_from_thread(self._done, evaluation, markdown(evaluated.summary), None)

    def _done(self, evaluation: Evaluation | None, text: str, error: str | None) -> None:
        self.query_one("#evaluation-scroll").loading = False
        self.evaluation = evaluation
        self.query_one(MarkdownPreview).update(text)
        self.show_error(error or "\n".join(evaluation.warnings if evaluation else []))

    def submit(self) -> None:
        evaluation = self.evaluation
        if evaluation is None or not self._evaluated_as_shown(evaluation):
            self.evaluate()
            return
        self.dismiss(evaluation)

    def _evaluated_as_shown(self, evaluation: Evaluation) -> bool:
        """Whether the shown evaluation is of the folder, weights and horizon the fields say now."""
        from workbench.app.evaluation_weights_input import WeightsInputError

        try:
            weights = self.chosen_weights()
        except WeightsInputError:
            return False
        same_folder = str(evaluation.folder) == str(Path(self.folder).expanduser())
        return same_folder and weights == evaluation.weights and self.horizon == evaluation.horizon
