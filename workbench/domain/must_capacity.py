"""Must share against size: can a small firm's budget and time buy the Must-haves its answers left in?

The MoSCoW balance check (governance.must_have_weight) judges the Musts against the other priorities; this
one judges them against what the client can pay for. A 40-person firm with licences and a light set-up in
its budget cannot configure, test and train 60 Must-haves before its go-live date: each Must needs setting
up, an acceptance script and a line in the training, and a small firm's CRM work is a part-time specialist
with some consultant days. The rule of thumb (a design decision, sized on the bundled playbooks' Musts):

| `crm_budget` answer | Musts a small firm can take per month to go-live |
|---|---|
| `tight` (licences and a light set-up) | 4 |
| `moderate` (also consultant days, one or two integrations) | 8 |
| `generous` (also custom work, several integrations) | 12 |

A warning, when `company_size` is `small` and the surviving Musts exceed that figure times
`target_go_live_months` (6 when unanswered: a typical small-firm rollout). Medium and large firms, and a
small firm that did not answer the budget question, get no warning: nothing says what they can buy.
"""

from __future__ import annotations

from typing import Any

from workbench.domain.governance import Finding
from workbench.domain.locale import format_number
from workbench.domain.playbook import Playbook
from workbench.i18n import _, current_language, ngettext

BUDGET_QUESTION = "crm_budget"
MONTHS_QUESTION = "target_go_live_months"
MUSTS_PER_MONTH = {"tight": 4, "moderate": 8, "generous": 12}
"""Musts a small firm can configure, test and train per month of its rollout, by budget answer"""
MONTHS_WHEN_UNANSWERED = 6
SMALL = "small"


def must_capacity(answers: dict[str, Any]) -> int | None:
    """How many Musts this client's budget and time can buy; None when the rule does not apply (not a
    small firm, or the budget unanswered)."""
    per_month = MUSTS_PER_MONTH.get(answers.get(BUDGET_QUESTION) or "")
    if answers.get("company_size") != SMALL or per_month is None:
        return None
    months = answers.get(MONTHS_QUESTION)
    if isinstance(months, bool) or not isinstance(months, (int, float)):
        months = MONTHS_WHEN_UNANSWERED
    return int(per_month * months)


def must_capacity_findings(pb: Playbook, answers: dict[str, Any]) -> list[Finding]:
    """A warning when the resolved playbook `pb` keeps more Musts than `answers` can buy."""
    capacity = must_capacity(answers)
    musts = sum(1 for r in pb.requirements if r.priority == "must")
    if capacity is None or musts <= capacity:
        return []
    lang = current_language()
    message = ngettext(
        "{musts} Must-have requirement for a small firm whose budget and time buy about {capacity}: the "
        "rollout will run out of money or time before they are configured, tested and trained",
        "{musts} Must-have requirements for a small firm whose budget and time buy about {capacity}: the "
        "rollout will run out of money or time before they are configured, tested and trained",
        musts,
    ).format(musts=format_number(musts, lang), capacity=format_number(capacity, lang))
    fix = _(
        "keep as Must only what the business cannot open without on go-live day and move the rest to "
        "Should or Could, or raise the budget or the months to go-live"
    )
    return [Finding("must-capacity", "warning", message, fix)]
