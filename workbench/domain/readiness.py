"""Does the business need a CRM now, and does it need a dedicated CRM manager?

Pure functions over the intake answers (no I/O): the CLI (from a playbook + answers file, or from an
engagement folder) and later the TUI call `assess_readiness(answers, playbook)`. Every reason and step
carries the answers it came from, except the closing step, which rests on the CRM verdict as a whole (its
count is in the text).

Thresholds (design decisions; every report states them):
- CRM, from the seven signs: 4 or more answered yes -> "needed now"; 2 or 3 -> "useful, prepare first";
  0 or 1 -> "not yet". Four is more than half of seven: most of the pains a CRM removes are present.
- Dedicated CRM manager, from the six situations: "needed" when `need_large_business` is yes (at that
  scale the source says the work cannot be done on the side) or when 2 or more situations are yes;
  exactly 1 -> "not yet: give that duty to the CRM specialist"; none -> "not needed".
- An unanswered sign or situation counts as no, and the verdict is marked provisional when answering
  the open questions could still change it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.answers import complete_answers
from workbench.domain.playbook import Playbook

SIGNS = (
    "sign_leads_lost",
    "sign_no_sales_oversight",
    "sign_slow_reports",
    "sign_unknown_conversion",
    "sign_scattered_data",
    "sign_slow_sales_unhappy",
    "sign_losing_old_customers",
)
SITUATIONS = (
    "need_messy_base",
    "need_marketing_activation",
    "need_no_sales_plan",
    "need_crm_not_developed",
    "need_negative_reviews",
    "need_large_business",
)

CRM_NOW, CRM_PREPARE, CRM_NOT_YET = "needed_now", "prepare_first", "not_yet"
MANAGER_NEEDED, MANAGER_DUTIES, MANAGER_NOT_NEEDED = "needed", "duties_to_specialist", "not_needed"
CRM_NOW_AT, CRM_PREPARE_AT, MANAGER_AT = 4, 2, 2

# first steps for the signs, in the order they should be done: data and intake before reports
_SIGN_STEP_ORDER = (
    "sign_scattered_data",
    "sign_leads_lost",
    "sign_no_sales_oversight",
    "sign_unknown_conversion",
    "sign_slow_sales_unhappy",
    "sign_slow_reports",
    "sign_losing_old_customers",
)


@dataclass(frozen=True)
class Trace:
    """One intake answer a piece of advice rests on (answer None = not answered)."""

    question: str
    answer: Any


@dataclass(frozen=True)
class Point:
    """A reason, step or risk: a text key (see advice_text), the answers behind it, text parameters."""

    code: str
    trace: tuple[Trace, ...]
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    level: str
    yes: int
    total: int
    unanswered: tuple[str, ...]
    provisional: bool
    reasons: tuple[Point, ...]


@dataclass(frozen=True)
class Readiness:
    crm: Verdict
    manager: Verdict
    first_steps: tuple[Point, ...]


def crm_level(yes: int) -> str:
    if yes >= CRM_NOW_AT:
        return CRM_NOW
    return CRM_PREPARE if yes >= CRM_PREPARE_AT else CRM_NOT_YET


def manager_level(yes: int, large_business: bool) -> str:
    if large_business or yes >= MANAGER_AT:
        return MANAGER_NEEDED
    return MANAGER_DUTIES if yes == 1 else MANAGER_NOT_NEEDED


def prepared(answers: Mapping[str, Any], playbook: Playbook | None) -> dict[str, Any]:
    """The answers, completed with the questionnaire's defaults when a playbook is given."""
    return complete_answers(playbook, dict(answers)) if playbook is not None else dict(answers)


def _yes(answers: Mapping[str, Any], ids: tuple[str, ...]) -> list[str]:
    return [q for q in ids if answers.get(q) is True]


def _open(answers: Mapping[str, Any], ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(q for q in ids if answers.get(q) is None)


def _sign_reason(sign: str, a: Mapping[str, Any]) -> Point:
    trace = [Trace(sign, True)]
    params: dict[str, Any] = {}
    if sign == "sign_leads_lost" and a.get("channels"):
        trace.append(Trace("channels", a["channels"]))
        params["channels"] = len(a["channels"])
    if sign == "sign_no_sales_oversight" and a.get("sales_team_size"):
        trace.append(Trace("sales_team_size", a["sales_team_size"]))
        params["sellers"] = a["sales_team_size"]
    code = sign + ("_n" if params else "")
    return Point(code, tuple(trace), params)


def assess_crm(a: Mapping[str, Any]) -> Verdict:
    yes, unanswered = _yes(a, SIGNS), _open(a, SIGNS)
    level = crm_level(len(yes))
    provisional = crm_level(len(yes) + len(unanswered)) != level
    reasons = tuple(_sign_reason(s, a) for s in yes)
    return Verdict(level, len(yes), len(SIGNS), unanswered, provisional, reasons)


def assess_manager(a: Mapping[str, Any]) -> Verdict:
    yes, unanswered = _yes(a, SITUATIONS), _open(a, SITUATIONS)
    large = "need_large_business" in yes
    level = manager_level(len(yes), large)
    best = manager_level(len(yes) + len(unanswered), large or "need_large_business" in unanswered)
    reasons = tuple(Point(s, (Trace(s, True),)) for s in yes)
    return Verdict(level, len(yes), len(SITUATIONS), unanswered, best != level, reasons)


def _preconditions(a: Mapping[str, Any]) -> list[Point]:
    """People and money that must be in place before software is chosen (explicit 'no' answers only)."""
    steps = []
    if a.get("sponsor_named") is False:
        steps.append(Point("step_sponsor", (Trace("sponsor_named", False),)))
    if a.get("has_crm_specialist") is False:
        steps.append(Point("step_name_specialist", (Trace("has_crm_specialist", False),)))
    elif a.get("has_crm_specialist") is True and below_half(a.get("specialist_time_share")):
        steps.append(
            Point(
                "step_free_specialist",
                (
                    Trace("has_crm_specialist", True),
                    Trace("specialist_time_share", a["specialist_time_share"]),
                ),
                {"share": a["specialist_time_share"]},
            )
        )
    if a.get("budget_approved") is False:
        steps.append(Point("step_budget", (Trace("budget_approved", False),)))
    return steps


def below_half(share: Any) -> bool:
    """True for a time share under 50 percent; an unanswered share is not below anything."""
    return isinstance(share, (int, float)) and not isinstance(share, bool) and share < 50


def _sign_step(sign: str, a: Mapping[str, Any]) -> Point:
    trace = [Trace(sign, True)]
    code = "step_" + sign
    if sign == "sign_scattered_data" and a.get("data_has_duplicates") is True:
        trace.append(Trace("data_has_duplicates", True))
        code += "_dup"
    return Point(code, tuple(trace))


def first_steps(a: Mapping[str, Any], crm: Verdict, manager: Verdict) -> tuple[Point, ...]:
    """Ordered: people and budget, then one step per sign (data first), then the manager, then what next."""
    steps: list[Point] = []
    if crm.level != CRM_NOT_YET:
        steps += _preconditions(a)
    steps += [_sign_step(s, a) for s in _SIGN_STEP_ORDER if a.get(s) is True]
    situations = tuple(Trace(r.trace[0].question, True) for r in manager.reasons)
    if manager.level == MANAGER_NEEDED:
        steps.append(Point("step_manager_position", situations))
    elif manager.level == MANAGER_DUTIES:
        steps.append(Point("step_duty_" + situations[0].question, situations))
    # rests on the verdict as a whole, whose reasons carry the traces; the count is in the text
    steps.append(Point("step_next_" + crm.level, (), {"yes": crm.yes, "total": crm.total}))
    return tuple(steps)


def assess_readiness(answers: Mapping[str, Any], playbook: Playbook | None = None) -> Readiness:
    """The CRM verdict, the dedicated-manager verdict and the ordered first steps for these answers."""
    a = prepared(answers, playbook)
    crm, manager = assess_crm(a), assess_manager(a)
    return Readiness(crm, manager, first_steps(a, crm, manager))
