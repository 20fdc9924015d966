"""The vendor evaluation use case (`crmwb rfp evaluate`, and later the TUI): read every vendor's returned
pack, score and rank them with the client's weights, name the weight that flips first place, and write the
evaluation workbook and its md/html summary.

Nothing is written unless every file read cleanly: all problems of all files are raised together
(EvaluationInputError), and the outputs are built in memory first, then each replaced in one rename.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.evaluation_summary import EvaluationSummary
from workbench.domain.evaluation_weights import EvaluationWeights
from workbench.domain.rfp import score_vendor
from workbench.domain.vendor_evaluation import VendorEvidence, evaluate
from workbench.domain.vendor_forms import tco
from workbench.domain.vendor_sensitivity import sensitivity
from workbench.i18n import _
from workbench.loading.vendor_packs import VendorPack, read_packs
from workbench.writers.atomic import atomic_path

OUTPUTS = ("evaluation.xlsx", "evaluation.md", "evaluation.html")


class EvaluationInputError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Evaluated:
    summary: EvaluationSummary
    warnings: list[str]
    """cells that could not be read and other things to know: the evaluation stands, exit 1"""


def playbook_weights(engagement: Path | None) -> EvaluationWeights:
    """The weights the client's playbook states: the engagement's (its overlays and answers applied), else
    the bundled core playbook's."""
    from workbench.loading.playbooks import load_playbook

    if engagement is not None:
        from workbench.app.engagement import resolve_engagement
        from workbench.store.engagement import EngagementError, read

        try:
            return resolve_engagement(read(engagement)).resolved.evaluation_weights
        except EngagementError as exc:
            raise EvaluationInputError([str(p) for p in exc.problems]) from None
    loaded = load_playbook("core")
    return loaded.playbook.evaluation_weights if loaded.playbook is not None else EvaluationWeights()


def _currency(packs: list[VendorPack]) -> str:
    """The one currency every commercial form is in; EvaluationInputError when two differ."""
    stated = {p.vendor: p.commercial.currency for p in packs if p.commercial.currency}
    if len(set(stated.values())) > 1:
        listed = ", ".join(f"{vendor}: {currency}" for vendor, currency in stated.items())
        raise EvaluationInputError(
            [
                _(
                    "the commercial forms are in different currencies ({listed}); expected one currency"
                ).format(listed=listed)
            ]
        )
    return next(iter(stated.values()), "")


def run_evaluation(root: Path, weights: EvaluationWeights, horizon: int) -> Evaluated:
    read = read_packs(Path(root))
    if read.errors:
        raise EvaluationInputError(read.errors)
    currency = _currency(read.packs)
    evidence = [
        VendorEvidence(
            pack.vendor,
            score_vendor(pack.vendor, pack.requirements.requirements, pack.requirements.responses),
            tco(pack.commercial.costs, horizon),
            pack.scorecards,
            pack.references,
        )
        for pack in read.packs
    ]
    points = weights.as_dict()
    results = evaluate(evidence, points)
    warnings = [str(w) for w in read.warnings]
    summary = EvaluationSummary(results, sensitivity(results, points), points, horizon, currency, warnings)
    return Evaluated(summary, warnings)


def write_outputs(summary: EvaluationSummary, folder: Path) -> list[Path]:
    """evaluation.xlsx, .md and .html in the current language; all built before the first is written."""
    from workbench.writers.evaluation_text import html, markdown
    from workbench.writers.evaluation_xlsx import workbook_bytes

    contents = [workbook_bytes(summary), markdown(summary).encode("utf-8"), html(summary).encode("utf-8")]
    paths = [Path(folder) / name for name in OUTPUTS]
    with ExitStack() as renames:  # every file complete beside its target before the first is renamed
        for path, data in zip(paths, contents):
            renames.enter_context(atomic_path(path)).write_bytes(data)
    return paths
