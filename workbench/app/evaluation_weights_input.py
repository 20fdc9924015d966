"""The vendor evaluation's weights and horizon as a person types them in the TUI: one number per criterion
in their own notation (Persian digits, a decimal comma), checked by the rules `crmwb rfp evaluate
--weights` applies (points 0-100, adding up to 100) but said in the interface language, then read by the
CLI's own parser (domain.evaluation_weights.parse_weights) so the two can never disagree."""

from __future__ import annotations

from workbench.domain.evaluation_weights import CRITERIA, CRITERION_LABELS, EvaluationWeights, parse_weights
from workbench.domain.locale import format_number
from workbench.domain.numbers import NumberError, parse_number
from workbench.i18n import _, current_language

HORIZONS = (3, 5)
"""years of the total cost of ownership `crmwb rfp evaluate --horizon` accepts"""


class WeightsInputError(ValueError):
    """A weight that cannot be used; the message names the criterion and what was expected."""


def read_weights(typed: dict[str, str], base: EvaluationWeights) -> EvaluationWeights:
    """The weights the fields say (a criterion left empty keeps `base`'s); WeightsInputError saying what is
    wrong and what was expected."""
    values = base.as_dict()
    for criterion in CRITERIA:
        text = typed.get(criterion, "").strip()
        if not text:
            continue
        label = _(CRITERION_LABELS[criterion])
        try:
            number = parse_number(text)
        except NumberError:
            raise WeightsInputError(
                _("{criterion}: {value!r} is not a number; expected points from 0 to 100").format(
                    criterion=label, value=text
                )
            ) from None
        if not 0 <= number <= 100:
            raise WeightsInputError(
                _("{criterion}: {value} is outside 0 to 100; expected points from 0 to 100").format(
                    criterion=label, value=format_number(number, current_language())
                )
            )
        values[criterion] = number
    total = sum(values.values())
    if abs(total - 100) > 1e-6:
        raise WeightsInputError(
            _("the weights add up to {total}; they must add up to 100").format(
                total=format_number(round(total, 4), current_language())
            )
        )
    return parse_weights(",".join(f"{c}={values[c]!r}" for c in CRITERIA), base)
