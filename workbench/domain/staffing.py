"""How to staff the CRM function, each recommendation with the intake answers that led to it.

Pure functions over the answers (no I/O); `advise_staffing(answers, playbook)` is what the CLI calls and
what an engagement folder will call later. Rules, in the order they are tried (design decisions; the
facts behind them are in the content brief, sections 1, 3 and 4):

- team: a CRM manager besides the CRM specialist when readiness finds a dedicated manager needed.
- time: the specialist full-time when company_size is large, a dedicated manager is needed or
  sales_team_size >= 50 (too many users to train and chase on the side); otherwise part-time, but as a
  distinct job: at least half of the person's time, announced formally by a senior manager.
- seniority: experienced when need_crm_not_developed is yes (a running CRM must be taken over and
  developed, there is no rollout to learn on) or a large company has 3 or more integrations; otherwise a
  motivated junior coached by the consultant.
- source: keep the named insider when has_crm_specialist is yes; else hire from outside when an
  experienced person is needed (rarely found inside), else look inside first.
- placement: IT for financial_services/software/telecom that have an IT unit; an independent CRM unit
  for large companies; under the CEO for small companies, and for medium ones where several departments
  share the CRM (all three modules, or collaborative CRM over two or more); IT when has_it_unit and the
  data is complex (an ERP integration or 4+ integrations); marketing when it is in scope and marketing
  activation or a loyalty programme is wanted; sales when sales is in scope without marketing and a
  sales sign is yes; otherwise planning, the best general fit.
- analyst: merged into one person for small companies; separate for large ones, and for medium ones
  when analytical CRM is in scope; merged otherwise.
- risks: specialist_time_share under 50 (stalls the project), under 100 when full-time is advised, the
  share unanswered, no sponsor to announce the assignment, integrations without an IT unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.domain.playbook import Playbook
from workbench.domain.readiness import (
    MANAGER_NEEDED,
    Point,
    Trace,
    Verdict,
    assess_manager,
    below_half,
    prepared,
)

IT_INDUSTRIES = ("financial_services", "software", "telecom")
FULL_TIME_SELLERS = 50
SALES_SIGNS = ("sign_no_sales_oversight", "sign_slow_sales_unhappy", "need_no_sales_plan", "sign_leads_lost")
TOPICS = ("team", "time", "seniority", "source", "placement", "analyst")
# the answers the rules read; those left open are listed in the report (an open answer matches no rule)
INPUTS = (
    "company_size",
    "industry",
    "sales_team_size",
    "has_crm_specialist",
    "specialist_time_share",
    "has_it_unit",
    "modules",
    "crm_kinds",
    "integrations",
    "loyalty_programme",
    "sponsor_named",
    "need_crm_not_developed",
    "need_marketing_activation",
)


@dataclass(frozen=True)
class Recommendation:
    topic: str
    choice: str
    reasons: tuple[Point, ...]


@dataclass(frozen=True)
class Staffing:
    recommendations: tuple[Recommendation, ...]
    risks: tuple[Point, ...]
    manager: Verdict
    unanswered: tuple[str, ...]

    def choice(self, topic: str) -> str:
        return next(r.choice for r in self.recommendations if r.topic == topic)


def _t(a: Mapping[str, Any], *questions: str) -> tuple[Trace, ...]:
    return tuple(Trace(q, a.get(q)) for q in questions)


def _team(a: Mapping[str, Any], manager: Verdict) -> Recommendation:
    if manager.level == MANAGER_NEEDED:
        return Recommendation("team", "manager_and_specialist", manager.reasons)
    trace = tuple(Trace(r.trace[0].question, True) for r in manager.reasons) or _t(a, "need_large_business")
    return Recommendation(
        "team", "specialist_only", (Point("team_few_situations", trace, {"yes": manager.yes}),)
    )


def _time(a: Mapping[str, Any], manager: Verdict) -> Recommendation:
    reasons = []
    if a.get("company_size") == "large":
        reasons.append(Point("time_large", _t(a, "company_size")))
    if manager.level == MANAGER_NEEDED:
        reasons.append(
            Point("time_manager", tuple(Trace(r.trace[0].question, True) for r in manager.reasons))
        )
    sellers = a.get("sales_team_size")
    if isinstance(sellers, (int, float)) and sellers >= FULL_TIME_SELLERS:
        reasons.append(
            Point("time_sellers", _t(a, "sales_team_size"), {"sellers": sellers, "limit": FULL_TIME_SELLERS})
        )
    if reasons:
        return Recommendation("time", "full_time", tuple(reasons))
    trace = _t(a, "company_size", "sales_team_size")
    return Recommendation(
        "time", "part_time", (Point("time_small_scope", trace, {"limit": FULL_TIME_SELLERS}),)
    )


def _seniority(a: Mapping[str, Any]) -> Recommendation:
    reasons = []
    if a.get("need_crm_not_developed") is True:
        reasons.append(Point("seniority_takeover", _t(a, "need_crm_not_developed")))
    integrations = a.get("integrations") or []
    if a.get("company_size") == "large" and len(integrations) >= 3:
        reasons.append(
            Point("seniority_complex", _t(a, "company_size", "integrations"), {"count": len(integrations)})
        )
    if reasons:
        return Recommendation("seniority", "experienced", tuple(reasons))
    return Recommendation(
        "seniority",
        "junior_coached",
        (Point("seniority_rollout", _t(a, "need_crm_not_developed", "company_size")),),
    )


def _source(a: Mapping[str, Any], seniority: Recommendation) -> Recommendation:
    trace = _t(a, "has_crm_specialist")
    if a.get("has_crm_specialist") is True:
        reasons = [Point("source_named", trace)]
        if seniority.choice == "experienced":
            behind = {t.question: t for p in seniority.reasons for t in p.trace}
            reasons.append(Point("source_named_check_experience", trace + tuple(behind.values())))
        return Recommendation("source", "keep_insider", tuple(reasons))
    if seniority.choice == "experienced":
        return Recommendation(
            "source", "outside", (Point("source_none_named", trace), Point("source_experienced_rare", trace))
        )
    return Recommendation("source", "inside_first", (Point("source_none_named", trace),))


def _shared(a: Mapping[str, Any]) -> bool:
    modules = a.get("modules") or []
    return len(modules) >= 3 or ("collaborative" in (a.get("crm_kinds") or []) and len(modules) >= 2)


def _placement(a: Mapping[str, Any]) -> Recommendation:
    size, industry, it_unit = a.get("company_size"), a.get("industry"), a.get("has_it_unit")
    integrations = a.get("integrations") or []
    modules = a.get("modules") or []
    notes = []
    if industry in IT_INDUSTRIES:
        if it_unit is not False:
            return Recommendation(
                "placement", "it", (Point("place_it_industry", _t(a, "industry", "has_it_unit")),)
            )
        notes.append(Point("place_it_industry_no_unit", _t(a, "industry", "has_it_unit")))
    if size == "large":
        choice, reason = "crm_unit", Point("place_large", _t(a, "company_size"))
    elif size == "small":
        choice, reason = "ceo", Point("place_small", _t(a, "company_size"))
    elif _shared(a):
        choice, reason = "ceo", Point("place_shared", _t(a, "company_size", "modules", "crm_kinds"))
    elif it_unit is True and ("erp" in integrations or len(integrations) >= 4):
        choice, reason = "it", Point("place_complex_data", _t(a, "has_it_unit", "integrations"))
    elif "marketing" in modules and (a.get("need_marketing_activation") or a.get("loyalty_programme")):
        choice, reason = (
            "marketing",
            Point("place_marketing", _t(a, "modules", "need_marketing_activation", "loyalty_programme")),
        )
    elif "sales" in modules and "marketing" not in modules and any(a.get(s) is True for s in SALES_SIGNS):
        yes = [s for s in SALES_SIGNS if a.get(s) is True]
        choice, reason = "sales", Point("place_sales", _t(a, "modules", *yes))
    else:
        choice, reason = "planning", Point("place_planning", _t(a, "company_size", "industry", "modules"))
    return Recommendation("placement", choice, (reason, *notes))


def _analyst(a: Mapping[str, Any], team: str) -> Recommendation:
    size = a.get("company_size")
    analytical = "analytical" in (a.get("crm_kinds") or [])
    merged = "merged_manager" if team == "manager_and_specialist" else "merged_specialist"
    if size == "small":
        return Recommendation("analyst", merged, (Point("analyst_small", _t(a, "company_size")),))
    if size == "large":
        return Recommendation("analyst", "separate", (Point("analyst_large", _t(a, "company_size")),))
    if analytical:
        return Recommendation(
            "analyst", "separate", (Point("analyst_analytical", _t(a, "company_size", "crm_kinds")),)
        )
    return Recommendation(
        "analyst", merged, (Point("analyst_operational", _t(a, "company_size", "crm_kinds")),)
    )


def _risks(a: Mapping[str, Any], time: str) -> tuple[Point, ...]:
    risks = []
    share = a.get("specialist_time_share")
    if a.get("has_crm_specialist") is True:
        trace = _t(a, "has_crm_specialist", "specialist_time_share")
        if share is None:
            risks.append(Point("risk_share_unknown", trace))
        elif below_half(share):
            risks.append(Point("risk_share_below_half", trace, {"share": share}))
        elif time == "full_time" and share < 100:
            risks.append(Point("risk_share_below_full", trace, {"share": share}))
    if a.get("sponsor_named") is False:
        risks.append(Point("risk_no_sponsor", _t(a, "sponsor_named")))
    if a.get("has_it_unit") is False and a.get("integrations"):
        risks.append(Point("risk_no_it_unit", _t(a, "has_it_unit", "integrations")))
    return tuple(risks)


def advise_staffing(answers: Mapping[str, Any], playbook: Playbook | None = None) -> Staffing:
    """Team, time, seniority, source, placement and analyst recommendations, and the staffing risks."""
    a = prepared(answers, playbook)
    manager = assess_manager(a)
    team, time, seniority = _team(a, manager), _time(a, manager), _seniority(a)
    recs = (team, time, seniority, _source(a, seniority), _placement(a), _analyst(a, team.choice))
    unanswered = tuple(
        q
        for q in INPUTS
        if a.get(q) is None and (q != "specialist_time_share" or a.get("has_crm_specialist") is True)
    )
    return Staffing(recs, _risks(a, time.choice), manager, unanswered)
