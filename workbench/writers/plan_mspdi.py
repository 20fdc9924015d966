"""`plan.xml`: the project plan in MS Project's XML interchange format (MSPDI), which MS Project and
ProjectLibre open, so a consultant can carry on in the tool the client's PMO uses.

It carries what a scheduler needs to keep our dates: the client's working calendar (its weekend, public
holidays as exceptions, declared working days), one resource per role that owns tasks, the phases as
summary tasks, every task with its duration, predecessors (the playbook's dependencies plus the phase
gates: a phase's tasks wait for the previous phase's gate tasks), a "start no earlier than" constraint on
the date we computed, its owner as an assignment, and the baseline. Working days are 09:00–18:00 with an
hour's break, eight hours, as MS Project's standard calendar has them.

Written with the standard library's ElementTree (we write XML, never parse untrusted XML here).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

from workbench.domain.plan import Plan, ScheduledTask, plan_for
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import pgettext
from workbench.writers.atomic import atomic_path
from workbench.writers.context import ExportContext, in_client_language

NS = "http://schemas.microsoft.com/project"
HOURS_PER_DAY = 8
DAY_START, DAY_END = "09:00:00", "18:00:00"
WORKING_TIMES = (("09:00:00", "13:00:00"), ("14:00:00", "18:00:00"))
FINISH_TO_START = "1"
START_NO_EARLIER_THAN = "4"
CALENDAR_UID = "1"
# MSPDI numbers days of the week from Sunday (1) to Saturday (7); Python from Monday (0) to Sunday (6)
DAY_TYPE = {0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 1}
TEXT1 = "188743731"
"""MS Project's field id of the task field Text1, where the playbook's task id travels"""


def _sub(parent: ET.Element, tag: str, text: object | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = str(text)
    return element


def _at(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _duration(days: int) -> str:
    return f"PT{days * HOURS_PER_DAY}H0M0S"


def _calendar(project: ET.Element, calendar: WorkCalendar, first: date, last: date, name: str) -> None:
    calendars = _sub(project, "Calendars")
    cal = _sub(calendars, "Calendar")
    _sub(cal, "UID", CALENDAR_UID)
    _sub(cal, "Name", name)
    _sub(cal, "IsBaseCalendar", 1)
    _sub(cal, "BaseCalendarUID", -1)
    week = _sub(cal, "WeekDays")
    for weekday in range(7):
        day = _sub(week, "WeekDay")
        _sub(day, "DayType", DAY_TYPE[weekday])
        working = weekday not in calendar.weekend
        _sub(day, "DayWorking", int(working))
        if working:
            _times(day)
    exceptions = [(d, False) for d, _name in calendar.off_days(first, last)]
    exceptions += [(d, True) for d in sorted(calendar.working) if first <= d <= last]
    for day, working in sorted(exceptions):
        entry = _sub(week, "WeekDay")
        _sub(entry, "DayType", 0)
        _sub(entry, "DayWorking", int(working))
        period = _sub(entry, "TimePeriod")
        _sub(period, "FromDate", _at(day, "00:00:00"))
        _sub(period, "ToDate", _at(day, "23:59:00"))
        if working:
            _times(entry)


def _times(parent: ET.Element) -> None:
    times = _sub(parent, "WorkingTimes")
    for start, finish in WORKING_TIMES:
        slot = _sub(times, "WorkingTime")
        _sub(slot, "FromTime", start)
        _sub(slot, "ToTime", finish)


def _country_name(pb: Playbook, country: str | None, lang: str) -> str | None:
    """The country as the intake names it, in the plan's language (the calendar's name in MS Project)."""
    for question in pb.questions:
        for option in question.options or ():
            if question.id == "country" and option.id == country:
                return tr(option.label, lang)
    return None


def predecessors(pb: Playbook, plan: Plan | None = None) -> dict[str, list[str]]:
    """Task id -> the tasks it waits for: its dependencies, for a task with none inside its own phase the
    previous phase's gate tasks, and the sequence levelling gave a part-time role's work (the same links
    the schedule counts)."""
    out: dict[str, list[str]] = {}
    phase_of = {task.id: phase.id for phase in pb.phases for task in phase.tasks}
    previous_gates: list[str] = []
    for phase in pb.phases:
        for task in phase.tasks:
            links = list(task.depends_on)
            if previous_gates and not any(phase_of.get(dep) == phase.id for dep in task.depends_on):
                links += [gate for gate in previous_gates if gate not in links]
            out[task.id] = links
        previous_gates = [t.id for t in phase.tasks if t.gate] or previous_gates
    for sequence in plan.levelled.values() if plan is not None else ():
        for before, after in zip(sequence, sequence[1:]):
            if before not in out.setdefault(after, []):
                out[after].append(before)
    return out


def build(pb: Playbook, plan: Plan, client: str, lang: str) -> ET.Element:
    calendar = plan.calendar or WorkCalendar(weekend=plan.weekend)
    project = ET.Element("Project", xmlns=NS)
    _sub(project, "SaveVersion", 14)
    _sub(project, "Name", f"{client}.xml")
    _sub(project, "Title", f"{client}: {tr(pb.name, lang)}")
    _sub(project, "ScheduleFromStart", 1)
    _sub(project, "StartDate", _at(plan.start, DAY_START))
    _sub(project, "FinishDate", _at(plan.finish, DAY_END))
    _sub(project, "CalendarUID", CALENDAR_UID)
    _sub(project, "DefaultStartTime", DAY_START)
    _sub(project, "DefaultFinishTime", DAY_END)
    _sub(project, "MinutesPerDay", HOURS_PER_DAY * 60)
    _sub(project, "MinutesPerWeek", HOURS_PER_DAY * 60 * (7 - len(calendar.weekend)))
    _sub(project, "DaysPerMonth", 20)
    _calendar(
        project,
        calendar,
        plan.start - timedelta(days=7),
        plan.finish + timedelta(days=31),
        _country_name(pb, calendar.country, lang) or pgettext("work calendar", "Standard"),
    )
    fields = _sub(_sub(project, "ExtendedAttributes"), "ExtendedAttribute")
    _sub(fields, "FieldID", TEXT1)
    _sub(fields, "FieldName", "Text1")
    _sub(fields, "Alias", "Playbook task id")
    uids = _tasks(project, pb, plan, lang)
    resources = _resources(project, pb, plan, lang)
    assignments = _sub(project, "Assignments")
    for number, task in enumerate(plan.tasks, start=1):
        if task.owner not in resources:
            continue
        assignment = _sub(assignments, "Assignment")
        _sub(assignment, "UID", number)
        _sub(assignment, "TaskUID", uids[task.id])
        _sub(assignment, "ResourceUID", resources[task.owner])
        _sub(assignment, "Units", 1)
        _sub(assignment, "Work", _duration(task.duration))
        _sub(assignment, "Start", _at(task.start, DAY_START))
        _sub(assignment, "Finish", _at(task.finish, DAY_END))
    return project


def _tasks(project: ET.Element, pb: Playbook, plan: Plan, lang: str) -> dict[str, int]:
    tasks = _sub(project, "Tasks")
    source = pb.task_map()
    by_phase: dict[str, list[ScheduledTask]] = {}
    for task in plan.tasks:
        by_phase.setdefault(task.phase, []).append(task)
    uids: dict[str, int] = {}
    uid = 0
    for phase in pb.phases:
        if phase.id not in by_phase:
            continue
        uid += 1
        first, last = min(t.start for t in by_phase[phase.id]), max(t.finish for t in by_phase[phase.id])
        summary = _sub(tasks, "Task")
        for tag, value in (
            ("UID", uid),
            ("ID", uid),
            ("Name", tr(phase.name, lang)),
            ("Type", 1),
            ("OutlineLevel", 1),
            ("Summary", 1),
            ("Start", _at(first, DAY_START)),
            ("Finish", _at(last, DAY_END)),
        ):
            _sub(summary, tag, value)
        for task in by_phase[phase.id]:
            uid += 1
            uids[task.id] = uid
    links = predecessors(pb, plan)
    for phase in pb.phases:
        for task in by_phase.get(phase.id, []):
            _task(tasks, task, uids, links.get(task.id, []), tr(source[task.id].name, lang))
    return uids


def _task(tasks: ET.Element, task: ScheduledTask, uids: dict[str, int], links: list[str], name: str) -> None:
    element = _sub(tasks, "Task")
    start, finish = _at(task.start, DAY_START), _at(task.finish, DAY_END)
    if not task.duration:
        start = finish
    for tag, value in (
        ("UID", uids[task.id]),
        ("ID", uids[task.id]),
        ("Name", name),
        ("Type", 0),
        ("OutlineLevel", 2),
        ("Start", start),
        ("Finish", finish),
        ("Duration", _duration(task.duration)),
        ("DurationFormat", 7),
        ("Milestone", int(task.milestone or not task.duration)),
        ("Critical", int(task.critical)),
        ("ConstraintType", START_NO_EARLIER_THAN),
        ("ConstraintDate", start),
    ):
        _sub(element, tag, value)
    for dep in links:
        if dep in uids:
            link = _sub(element, "PredecessorLink")
            _sub(link, "PredecessorUID", uids[dep])
            _sub(link, "Type", FINISH_TO_START)
    custom = _sub(element, "ExtendedAttribute")
    _sub(custom, "FieldID", TEXT1)
    _sub(custom, "Value", task.id)
    baseline = _sub(element, "Baseline")
    for tag, value in (
        ("Number", 0),
        ("Start", start),
        ("Finish", finish),
        ("Duration", _duration(task.duration)),
    ):
        _sub(baseline, tag, value)


def _resources(project: ET.Element, pb: Playbook, plan: Plan, lang: str) -> dict[str, int]:
    resources = _sub(project, "Resources")
    roles = pb.role_map()
    owners = list(dict.fromkeys(t.owner for t in plan.tasks))
    out: dict[str, int] = {}
    for uid, owner in enumerate(owners, start=1):
        resource = _sub(resources, "Resource")
        _sub(resource, "UID", uid)
        _sub(resource, "ID", uid)
        _sub(resource, "Name", tr(roles[owner].name, lang) if owner in roles else owner)
        _sub(resource, "Type", 1)  # work
        _sub(resource, "CalendarUID", CALENDAR_UID)
        out[owner] = uid
    return out


@in_client_language
def write(ctx: ExportContext, folder: Path) -> list[Path]:
    plan = plan_for(ctx.playbook, ctx.answers, ctx.start, ctx.calendar)
    root = build(ctx.playbook, plan, ctx.client, ctx.lang)
    ET.indent(root)
    target = Path(folder) / "plan.xml"
    with atomic_path(target) as tmp:
        ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True)
    return [target]
