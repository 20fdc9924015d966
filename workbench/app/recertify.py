"""Recertify, the use case: the access review plan of a design — who reviews which roles' rights, when
the round opens and is due on the client's calendar — and one xlsx checklist per reviewer, which
`crmwb audit --decisions` reads back. `crmwb recertify` parses its arguments and prints the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import N_

if TYPE_CHECKING:
    from workbench.app.design import Design
    from workbench.domain.governance import Finding
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem
    from workbench.domain.recertify_decisions import ChangePlan


class NotAFolder(Exception):
    """The output path is a file: nothing was written."""


@dataclass
class Recertification:
    plan: Any
    """the review plan (`workbench.domain.recertify.ReviewPlan`)"""
    names: dict[str, str]
    """role id -> its name in the chosen language"""
    opened: date
    due: date
    calendar: Any
    """the client's working calendar the dates are counted on"""
    paths: list[Path]
    """the checklists written"""


def recertify(design: Design, out: Path, lang: str, opened: date | None = None) -> Recertification:
    """Plan the round opening on `opened` (default today) and write the checklists into `out` (made if
    missing). Raises NotAFolder when `out` is a file and OSError when it cannot be written."""
    from workbench.domain.client_calendar import engagement_calendar
    from workbench.domain.recertify import review_plan
    from workbench.domain.text import tr
    from workbench.i18n import use_language
    from workbench.writers.recertify_xlsx import ChecklistMeta, write

    pb = design.playbook
    with use_language(lang):  # the checklists and their notes are the reviewer's documents
        plan = review_plan(pb, lang)
    opened = opened or date.today()
    calendar = engagement_calendar(design.answers, opened, design.calendar, lang)
    due = calendar.add(opened, plan.window_days)
    names = {role.id: tr(role.name, lang) for role in pb.roles}
    meta = ChecklistMeta(design.label, f"{pb.id} {pb.version}", design.digest, opened, due)
    if out.exists() and not out.is_dir():
        raise NotAFolder(str(out))
    out.mkdir(parents=True, exist_ok=True)
    with use_language(lang):
        paths = write(plan, names, meta, out)
    return Recertification(plan, names, opened, due, calendar, paths)


def plan_lines(design_label: str, done: Recertification) -> list[str]:
    """The plan as `crmwb recertify` prints it (and the TUI shows it): cadence, this round, the reviewer,
    then each reviewer's roles and rights with the checklist written for them, and the plan's notes."""
    from workbench.domain.cadence import every_months
    from workbench.domain.locale import format_number, format_short_date
    from workbench.domain.recertify import due_dates
    from workbench.i18n import _, current_language, ngettext

    lang = current_language()
    plan, names, opened, due, paths = done.plan, done.names, done.opened, done.due, done.paths

    def day(value: date) -> str:
        return format_short_date(value, lang)

    def num(value: float) -> str:
        return format_number(value, lang)

    source = (
        _("Accountable for {task}").format(task=plan.task)
        if plan.task
        else _("fallback: no recertification task")
    )
    nexts = ", ".join(day(d) for d in due_dates(opened, plan.cadence_months, 3, workdays=done.calendar))
    out = [_("Access recertification for the {design}").format(design=design_label)]
    rows = [
        (
            _("cadence"),
            _("{every} ({setting}); next: {dates}").format(
                every=every_months(plan.cadence_months, lang),
                setting="governance.recertification_months",
                dates=nexts,
            ),
        ),
        (
            _("this round"),
            ngettext(
                "opens {opened}, due {due} ({n} working day)",
                "opens {opened}, due {due} ({n} working days)",
                plan.window_days,
            ).format(opened=day(opened), due=day(due), n=num(plan.window_days)),
        ),
        (_("reviewer"), f"{plan.reviewer} ({names.get(plan.reviewer, '?')}), {source}"),
    ]
    width = max(len(label) for label, _value in rows)
    out += [f"  {label:<{width}}  {value}" for label, value in rows]
    by_path = {p.name: p for p in paths}
    for reviewer, reviews in plan.by_reviewer().items():
        rights = sum(len(r.rights) for r in reviews)
        path = by_path.get(f"recertification-{reviewer}.xlsx")
        out += [
            "",
            _("{reviewer} ({name}) reviews {roles}, {rights} -> {path}").format(
                reviewer=reviewer,
                name=names.get(reviewer, "?"),
                path=path,
                roles=ngettext("{n} role", "{n} roles", len(reviews)).format(n=num(len(reviews))),
                rights=ngettext("{n} right", "{n} rights", rights).format(n=num(rights)),
            ),
        ]
        width = max(len(r.role) for r in reviews)
        for review in reviews:
            note = f"  ({review.note})" if review.note else ""
            count = ngettext("{n} right", "{n} rights", len(review.rights)).format(n=num(len(review.rights)))
            out.append(f"  {review.role.ljust(width)}  {count:>10}  {review.name}{note}")
    for note in plan.notes:
        out += ["", _("note: {message}").format(message=note)]
    return out


@dataclass
class DecisionsRead:
    """The reviewers' decisions checked against the design; `problems` of every checklist together."""

    plan: ChangePlan
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_decisions(pb: Playbook, files: list[Path]) -> DecisionsRead:
    """Every returned checklist read (`crmwb audit --decisions` and the TUI's review): the change plan."""
    from workbench.domain.recertify_decisions import plan_changes
    from workbench.loading.recertify_checklist import read_checklist

    decisions, problems = [], []
    for path in files:
        checklist = read_checklist(path)
        decisions += checklist.decisions
        problems += checklist.problems
    plan = plan_changes(pb, decisions)
    return DecisionsRead(plan, problems + plan.problems)


def returned_checklists(path: Path) -> list[Path]:
    """A checklist, or the recertification-*.xlsx checklists of a folder (Office lock files left out)."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.glob("recertification-*.xlsx") if not p.name.startswith("~$"))


DECISION_WORDS = {"revoke": N_("revoke"), "change": N_("change")}


def decision_findings(plan: ChangePlan) -> list[Finding]:
    """The rights to take away or narrow (warnings) and those still undecided (info), as findings that
    point at their matrix cell."""
    from workbench.domain.governance import Finding
    from workbench.domain.locale import localize_digits
    from workbench.domain.vocabulary import scope_label
    from workbench.i18n import _, current_language

    changes = [
        Finding(
            _(DECISION_WORDS.get(c.decision, c.decision)),
            "warning",
            _("{reviewer}: from {current} to {new}").format(
                reviewer=c.reviewer, current=scope_label(c.current), new=scope_label(c.new)
            )
            + (f"; {c.comment}" if c.comment else ""),
            _("narrow the right in the design and in the CRM (the change plan of the audit)"),
            c.role,
            c.object,
            c.action,
        )
        for c in plan.changes
    ]
    undecided = [
        Finding(
            _("undecided"),
            "info",
            _("{where}: not decided yet ({scope})").format(
                where=f"{Path(d.file).name}:{localize_digits(str(d.row), current_language())}",
                scope=scope_label(d.scope),
            ),
            _("the reviewer decides: keep, revoke or change"),
            d.role,
            d.object,
            d.action,
        )
        for d in plan.undecided
    ]
    return changes + undecided
