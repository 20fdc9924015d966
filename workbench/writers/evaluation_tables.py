"""The vendor evaluation as tables, built once in the current language for every output: the workbook's
sheets and the md/html summary show the same columns and rows. Cells hold numbers as numbers; each
writer formats them (Persian digits, decimal comma) its own way."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.evaluation_summary import EvaluationSummary
from workbench.domain.evaluation_weights import CRITERIA, CRITERION_LABELS
from workbench.domain.locale import format_number
from workbench.i18n import _, current_language, ngettext

Cell = str | float | int | None


@dataclass(frozen=True)
class EvalTable:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    flagged: frozenset[int] = frozenset()
    """indexes of rows to set apart (a knocked-out vendor)"""


def criterion(c: str) -> str:
    return _(CRITERION_LABELS[c])


def points(value: float) -> str:
    return format_number(round(value, 1), current_language())


def headline(summary: EvaluationSummary) -> list[str]:
    """Two sentences: who is first, and which weight flips that first."""
    lines = []
    winner = summary.winner
    if winner is None:
        lines.append(_("No vendor is in the running: every vendor missed a Must."))
    else:
        lines.append(
            _("First place: {vendor}, weighted total {total} of 100.").format(
                vendor=winner.vendor, total=points(winner.total)
            )
        )
    flip = summary.first_flip
    if flip is not None and flip.new_weight is not None:
        lines.append(
            _(
                "The weight that flips first place first: {criterion}. From {now} to {then} points "
                "(the others rescaled) makes {vendor} first."
            ).format(
                criterion=criterion(flip.criterion),
                now=points(flip.weight),
                then=points(flip.new_weight),
                vendor=flip.new_leader,
            )
        )
    elif winner is not None:
        lines.append(_("No change of a single weight changes first place."))
    return lines


def tables(summary: EvaluationSummary) -> list[EvalTable]:
    return [
        _ranking(summary),
        EvalTable(
            "weights",
            _("Weights"),
            [_("Criterion"), _("Weight (points)")],
            [[criterion(c), summary.weights[c]] for c in CRITERIA],
        ),
        _fit(summary),
        _price(summary),
        _demo(summary),
        _outliers(summary),
        _references(summary),
        _sensitivity(summary),
    ]


def _ranking(summary: EvaluationSummary) -> EvalTable:
    columns = ["#", _("Vendor"), *(criterion(c) for c in CRITERIA), _("Weighted total"), _("Knocked out")]
    rows: list[list[Cell]] = []
    for r in summary.results:
        missed = _("missed Musts: {ids}").format(ids=", ".join(r.musts_missed)) if r.knocked_out else ""
        rank: Cell = r.rank if r.rank is not None else "—"
        rows.append([rank, r.vendor, *(round(r.scores[c], 1) for c in CRITERIA), round(r.total, 1), missed])
    out = frozenset(i for i, r in enumerate(summary.results) if r.knocked_out)
    return EvalTable("summary", _("Ranking"), columns, rows, out)


def _fit(summary: EvaluationSummary) -> EvalTable:
    rows: list[list[Cell]] = [
        [r.vendor, round(r.scores["fit"], 1), ", ".join(r.musts_missed)] for r in summary.results
    ]
    return EvalTable("fit", criterion("fit"), [_("Vendor"), criterion("fit"), _("Musts missed")], rows)


def _price(summary: EvaluationSummary) -> EvalTable:
    horizon = ngettext("TCO over {n} year", "TCO over {n} years", summary.horizon).format(
        n=format_number(summary.horizon, current_language())
    )
    title = f"{horizon} ({summary.currency})" if summary.currency else horizon
    rows: list[list[Cell]] = [[r.vendor, r.tco, round(r.scores["price"], 1)] for r in summary.results]
    return EvalTable("price", criterion("price"), [_("Vendor"), title, criterion("price")], rows)


def _demo(summary: EvaluationSummary) -> EvalTable:
    """Per vendor and demo item: each evaluator's score, then the reconciled mean."""
    evaluators = list(dict.fromkeys(who for r in summary.results for who in r.demo.evaluators))
    rows: list[list[Cell]] = []
    for r in summary.results:
        for item, mean in r.demo.items.items():
            given = [r.demo.scores.get(who, {}).get(item) for who in evaluators]
            rows.append([r.vendor, item, *given, round(mean, 2)])
    columns = [_("Vendor"), _("Demo item"), *evaluators, _("Mean score (0-5)")]
    return EvalTable("demo", criterion("demo"), columns, rows)


def _outliers(summary: EvaluationSummary) -> EvalTable:
    rows: list[list[Cell]] = [
        [r.vendor, o.item, o.evaluator, o.score, o.others_mean]
        for r in summary.results
        for o in r.demo.outliers
    ]
    columns = [_("Vendor"), _("Demo item"), _("Evaluator"), _("Score"), _("Mean of the others")]
    return EvalTable("outliers", _("Evaluators far from the others"), columns, rows)


def _references(summary: EvaluationSummary) -> EvalTable:
    rows: list[list[Cell]] = [[r.vendor, round(r.scores["references"], 1)] for r in summary.results]
    return EvalTable("references", criterion("references"), [_("Vendor"), criterion("references")], rows)


def _sensitivity(summary: EvaluationSummary) -> EvalTable:
    columns = [
        _("Criterion"),
        _("Weight now"),
        _("Weight at which first place changes"),
        _("New first place"),
    ]
    rows: list[list[Cell]] = []
    for f in summary.flips:
        if f.new_weight is None:
            rows.append([criterion(f.criterion), f.weight, _("none between 0 and 100"), ""])
        else:
            rows.append([criterion(f.criterion), f.weight, round(f.new_weight, 1), f.new_leader])
    return EvalTable("sensitivity", _("Sensitivity"), columns, rows)
