"""What the RFP document (`rfp.docx`) says, section by section, in the client's language: the playbook's
narrative passages around tables computed from the playbook, the intake and the plan.

Procurement sends this document with the requirements workbook. It is vendor-facing, so the client's
profile comes only from `rfp_pack.client_context` (vendor-visible answers); every date comes from the
engagement's plan (`plan.plan_for`), so the document, the Gantt chart and the status report agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.domain.evaluation_weights import CRITERIA, CRITERION_LABELS
from workbench.domain.fixed_ids import Priority
from workbench.domain.forecast import go_live_task
from workbench.domain.locale import format_date, format_number, format_percent
from workbench.domain.plan import Plan, ScheduledTask, plan_for
from workbench.domain.playbook import Playbook
from workbench.domain.rfp import RESPONSES
from workbench.domain.rfp_pack import PRIORITY_LABELS, RESPONSE_MEANINGS, ModuleGroup, client_context, groups
from workbench.domain.rfp_passages import RFP_SECTIONS
from workbench.domain.target_date import deferrable_modules, go_live
from workbench.domain.text import local_text
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import N_, _, ngettext

HEADINGS: dict[str, str] = {
    "background": N_("Company background"),
    "objectives": N_("Objectives"),
    "scope": N_("Scope by module and release"),
    "timeline": N_("Timeline"),
    "submission": N_("Submission rules and contacts"),
    "evaluation": N_("Evaluation method and weights"),
    "confidentiality": N_("Confidentiality"),
    "annex": N_("Requirements annex"),
    "commercial": N_("Commercial form"),
    "tco": N_("Total cost of ownership over 3 and 5 years"),
    "demo": N_("Scripted demonstration"),
    "references": N_("Reference-check sheet"),
}
"""Section id -> heading, in the order of `RFP_SECTIONS`."""
assert tuple(HEADINGS) == RFP_SECTIONS

IN_SCOPE = tuple(p for p in PRIORITY_LABELS if p != Priority.WONT)
"""the priorities the scope table counts (a Won't is out of this procurement)"""
VENDOR_SHORTLIST = "pre-14-vendor-shortlist"
"""The plan's task in which proposals arrive and are scored: proposals are due halfway through it."""
MILESTONES: tuple[tuple[str, str, str], ...] = (
    ("pre-17-requirements-signoff", "finish", N_("Request for proposal issued")),
    ("pre-15-select-crm", "finish", N_("Vendor selected")),
    ("pre-16-deployment-plan", "finish", N_("Contract and deployment plan agreed")),
    ("dep-16-acceptance-test", "span", N_("User acceptance testing")),
    ("dep-20-hypercare", "finish", N_("End of post-go-live support window")),
    ("post-11-implementation-review", "span", N_("Post-implementation review")),
)
"""(task id, which dates, label): the plan's tasks a vendor needs to know; a task the client's plan does
not have is left out."""

COST_ITEMS = (
    N_("Licences or subscriptions"),
    N_("Implementation and configuration"),
    N_("Data migration"),
    N_("Integrations"),
    N_("Training"),
    N_("Support and maintenance"),
    N_("Hosting and infrastructure"),
    N_("Other costs"),
)
"""The commercial form's rows; the TCO form adds them up over the horizon."""
COMMERCIAL_YEARS = 5
VALIDITY_DAYS = 90
"""how long a proposal must stay valid (the submission passages say the same)"""
TCO_HORIZONS = (3, 5)

REFERENCE_FACTS = (
    N_("Reference customer"),
    N_("Contact person and phone"),
    N_("Industry and size"),
    N_("Modules in use and number of users"),
    N_("In use since"),
)
REFERENCE_QUESTIONS = (
    N_("Which modules do you use, for how many users, and what did you use before?"),
    N_("Did the system go live on the agreed date and within the agreed budget?"),
    N_("How well did the vendor's team understand your industry and processes?"),
    N_("How quickly are support requests answered and resolved?"),
    N_("Which needs required custom development, and did it survive the upgrades since?"),
    N_("What did the vendor do well, and what would you ask it to do differently?"),
    N_("Would you choose this vendor again?"),
)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    total: bool = False
    """the last row is a total (shown bold)"""


@dataclass
class DocSection:
    id: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bulleted: bool = False
    tables: list[Table] = field(default_factory=list)


@dataclass
class RfpDocument:
    lang: str
    title: str
    facts: list[tuple[str, str]]
    sections: list[DocSection]


@dataclass(frozen=True)
class RfpInputs:
    """What the document is built from; `contact` may be empty (a placeholder asks the sender to fill it)."""

    playbook: Playbook
    answers: Mapping[str, Any]
    client: str
    start: date
    issued: date
    lang: str
    contact: str = ""
    calendar: WorkCalendar | None = None


@dataclass(frozen=True)
class KeyDates:
    deadline: date | None
    go_live: date
    timeline: list[tuple[str, str]]


def _go_live(plan: Plan, task_id: str | None) -> date:
    """The go-live task's day (the status report's go-live), else the end of deployment."""
    task = next((t for t in plan.tasks if t.id == task_id), None)
    return task.finish if task is not None else go_live(plan)


def key_dates(plan: Plan, lang: str, go_live_id: str | None = None) -> KeyDates:
    """The proposal deadline (halfway through the shortlisting task), go-live and the timeline rows."""
    tasks = {t.id: t for t in plan.tasks}
    shortlist = tasks.get(VENDOR_SHORTLIST)
    middle = shortlist.early_start + shortlist.duration // 2 if shortlist else 0
    deadline = plan.day(middle) if shortlist else None
    live = _go_live(plan, go_live_id)
    rows: list[tuple[date, str, str]] = []
    for task_id, which, label in MILESTONES:
        task = tasks.get(task_id)
        if task is not None:
            shown = task.finish if which == "finish" else task.start
            rows.append((shown, _(label), _span(task, which, lang)))
    if shortlist is not None and deadline is not None:
        rows.append((deadline, _("Proposals due"), format_date(deadline, lang)))
        evaluation = min(plan.day(middle + 1), shortlist.finish)
        rows.append(
            (
                evaluation,
                _("Evaluation, demonstrations and reference checks"),
                _range(evaluation, shortlist.finish, lang),
            )
        )
    deployment = [t.start for t in plan.tasks if t.phase == "deployment"]
    if deployment:
        rows.append((min(deployment), _("Implementation starts"), format_date(min(deployment), lang)))
    rows.append((live, _("Go-live"), format_date(live, lang)))
    rows.sort(key=lambda row: row[0])
    return KeyDates(deadline, live, [(label, when) for _day, label, when in rows])


def _span(task: ScheduledTask, which: str, lang: str) -> str:
    if which == "finish" or task.start == task.finish:
        return format_date(task.finish, lang)
    return _range(task.start, task.finish, lang)


def _range(first: date, last: date, lang: str) -> str:
    return _("{first} to {last}").format(first=format_date(first, lang), last=format_date(last, lang))


def build(inputs: RfpInputs) -> RfpDocument:
    """The whole document; every fixed label in the current language (writers run in the client's)."""
    pb, lang = inputs.playbook, inputs.lang
    dates = key_dates(plan_for(pb, inputs.answers, inputs.start, inputs.calendar), lang, go_live_task(pb))
    contact = inputs.contact.strip() or _("[name, e-mail and phone of the contact person]")
    deadline = format_date(dates.deadline, lang) if dates.deadline else _("[date]")
    values = {
        "client": inputs.client,
        "contact": contact,
        "deadline": deadline,
        "go_live": format_date(dates.go_live, lang),
    }
    sections = {sid: DocSection(sid, _(heading)) for sid, heading in HEADINGS.items()}
    for passage in pb.rfp_document:
        sections[passage.section].paragraphs.append(local_text(passage.text, lang).format(**values))
    sections["objectives"].bulleted = True
    module_groups = groups(pb, lang)
    sections["background"].tables += _profile(pb, inputs.answers, lang)
    sections["scope"].tables.append(_scope(pb, module_groups, values["go_live"], lang))
    sections["timeline"].tables.append(Table((_("Stage"), _("Date")), dates.timeline))
    sections["submission"].tables.append(
        Table(
            (_("Item"), _("Detail")),
            [
                (_("Client"), inputs.client),
                (_("Contact person"), contact),
                (_("Proposals due"), deadline),
                (
                    _("Proposal validity"),
                    ngettext("{n} day from the deadline", "{n} days from the deadline", VALIDITY_DAYS).format(
                        n=format_number(VALIDITY_DAYS, lang)
                    ),
                ),
            ],
        )
    )
    sections["evaluation"].tables.append(_criteria(pb, lang))
    sections["evaluation"].tables += _evaluation(module_groups, lang)
    sections["annex"].tables.append(_annex(module_groups, lang))
    sections["commercial"].tables.append(_commercial(lang))
    sections["tco"].tables.append(_tco(lang))
    sections["demo"].tables.append(_demo(module_groups, lang))
    sections["references"].tables += _references(lang)
    title = _("Request for proposal: CRM system for {client}").format(client=inputs.client)
    facts = [
        (_("Client"), inputs.client),
        (_("Date"), format_date(inputs.issued, lang)),
        (_("Proposals due"), deadline),
        (_("Contact person"), contact),
    ]
    return RfpDocument(lang, title, facts, list(sections.values()))


def _profile(pb: Playbook, answers: Mapping[str, Any], lang: str) -> list[Table]:
    context = client_context(pb, dict(answers), lang)
    return [Table((_("Question"), _("Answer")), context)] if context else []


def _counts(group: ModuleGroup, lang: str) -> tuple[str, ...]:
    return tuple(
        format_number(sum(row.priority == pid for row in group.rows), lang) for pid in PRIORITY_LABELS
    )


def _scope(pb: Playbook, module_groups: list[ModuleGroup], go_live_on: str, lang: str) -> Table:
    later = set(deferrable_modules(pb))
    first = _("First release, live by {date}").format(date=go_live_on)
    rows = [
        (g.name, g.description, *_counts(g, lang)[:3], _("Later release") if g.id in later else first)
        for g in module_groups
    ]
    labels = tuple(_(PRIORITY_LABELS[pid]) for pid in IN_SCOPE)
    return Table((_("Module"), _("What it covers"), *labels, _("Release")), rows)


def _criteria(pb: Playbook, lang: str) -> Table:
    """The weights `crmwb rfp evaluate` gives functional fit, price, the demo and the references: vendors
    are told how they will be judged before they answer."""
    weights = pb.evaluation_weights.as_dict()
    rows = [(_(CRITERION_LABELS[c]), format_number(weights[c], lang)) for c in CRITERIA]
    rows.append((_("Total"), format_number(sum(weights.values()), lang)))
    return Table((_("Criterion"), _("Weight (points)")), rows, total=True)


def _evaluation(module_groups: list[ModuleGroup], lang: str) -> list[Table]:
    """The module weights `crmwb rfp score` applies (each module's share of the scored weight) and the points
    each response earns."""
    scored = sum(g.weight for g in module_groups)
    rows = [
        (
            g.name,
            format_number(g.weight, lang),
            format_percent(round(100 * g.weight / scored, 1), lang) if scored else "—",
        )
        for g in module_groups
    ]
    rows.append((_("Total"), format_number(scored, lang), format_percent(100 if scored else 0, lang)))
    points = [
        (_(label), format_percent(round(100 * share), lang), _(RESPONSE_MEANINGS[label]))
        for label, share in RESPONSES.items()
    ]
    return [
        Table((_("Module"), _("Weight"), _("Share of the score")), rows, total=True),
        Table((_("Vendor response"), _("Share of the weight earned"), _("Meaning")), points),
    ]


def _annex(module_groups: list[ModuleGroup], lang: str) -> Table:
    rows = [(g.name, *_counts(g, lang), format_number(len(g.rows), lang)) for g in module_groups]
    totals = [sum(row.priority == pid for g in module_groups for row in g.rows) for pid in PRIORITY_LABELS]
    rows.append((_("Total"), *(format_number(n, lang) for n in totals), format_number(sum(totals), lang)))
    labels = tuple(_(label) for label in PRIORITY_LABELS.values())
    return Table((_("Module"), *labels, _("Total")), rows, total=True)


def _year(n: int, lang: str) -> str:
    return _("Year {n}").format(n=format_number(n, lang))


def _commercial(lang: str) -> Table:
    years = tuple(_year(n, lang) for n in range(1, COMMERCIAL_YEARS + 1))
    rows = [(_(item), *("",) * COMMERCIAL_YEARS, "") for item in COST_ITEMS]
    rows.append((_("Total"), *("",) * COMMERCIAL_YEARS, ""))
    return Table((_("Cost item"), *years, _("Notes")), rows, total=True)


def _tco(lang: str) -> Table:
    horizons = tuple(
        ngettext("Over {n} year", "Over {n} years", n).format(n=format_number(n, lang)) for n in TCO_HORIZONS
    )
    rows = [(_(item), *("",) * len(TCO_HORIZONS)) for item in COST_ITEMS]
    rows.append((_("Total cost of ownership"), *("",) * len(TCO_HORIZONS)))
    return Table((_("Cost item"), *horizons), rows, total=True)


def _demo(module_groups: list[ModuleGroup], lang: str) -> Table:
    """One scenario per Must that has an acceptance test, in module order."""
    musts = [row for g in module_groups for row in g.rows if row.priority == "must" and row.acceptance]
    rows = [
        (format_number(n, lang), row.module, row.text, row.acceptance, "")
        for n, row in enumerate(musts, start=1)
    ]
    return Table(("#", _("Module"), _("Scenario"), _("What the evaluators check"), _("Score (0-5)")), rows)


def _references(lang: str) -> list[Table]:
    facts = [(_(label), "") for label in REFERENCE_FACTS]
    questions = [(format_number(n, lang), _(q), "", "") for n, q in enumerate(REFERENCE_QUESTIONS, start=1)]
    return [
        Table((_("Item"), _("Detail")), facts),
        Table(("#", _("Question"), _("Answer"), _("Score (1-5)")), questions),
    ]
