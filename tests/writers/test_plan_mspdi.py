"""plan.xml (MSPDI) read back by MPXJ, the library behind ProjectLibre's and many tools' MS Project import:
the same tasks, predecessor links, dates, resources, calendar exceptions and baseline as our schedule.
MPXJ runs in a child process: a Java VM cannot be restarted inside a test worker."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date

import defusedxml.ElementTree as DET
import pytest

from tests.conftest import tool_mark
from workbench.domain.plan import plan_for, schedule
from workbench.domain.resolve import resolve
from workbench.domain.work_calendar import country_calendar
from workbench.loading.playbooks import load_playbook
from workbench.writers.context import ExportContext
from workbench.writers.plan_mspdi import predecessors, write

JAVA = shutil.which("java")
NS = {"p": "http://schemas.microsoft.com/project"}
START = date(2026, 3, 2)

READER = r"""
import json, sys
import mpxj, jpype
jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader
project = UniversalProjectReader().read(sys.argv[1])
out = {"tasks": [], "resources": [str(r.getName()) for r in project.getResources() if r.getName()],
       "exceptions": []}
for task in project.getTasks():
    if task.getName() is None or task.getText(1) is None:  # the phases: summary tasks
        continue
    out["tasks"].append({
        "name": str(task.getName()), "id": str(task.getText(1)),
        "start": str(task.getStart().toLocalDate()), "finish": str(task.getFinish().toLocalDate()),
        "baseline_start": str(task.getBaselineStart().toLocalDate()) if task.getBaselineStart() else None,
        "predecessors": sorted(str(r.getPredecessorTask().getText(1)) for r in task.getPredecessors()),
        "resources": [
            str(a.getResource().getName()) for a in task.getResourceAssignments() if a.getResource()
        ],
    })
calendar = project.getDefaultCalendar() or project.getCalendars().get(0)
for exception in calendar.getCalendarExceptions():
    out["exceptions"].append([str(exception.getFromDate()), bool(exception.getWorking())])
print(json.dumps(out))
"""


def _context(country: str | None):
    loaded = load_playbook("core")
    assert loaded.ok
    pb = resolve(loaded.playbook, {})
    cal = country_calendar(country, START) if country else None
    return ExportContext(pb, loaded.playbook, {}, "Kavir Trading", START, "en", calendar=cal), cal


def test_the_xml_has_every_task_link_and_holiday(tmp_path):
    ctx, cal = _context("IR")
    [path] = write(ctx, tmp_path)
    root = DET.parse(path).getroot()
    plan = plan_for(ctx.playbook, ctx.answers, START, cal)
    names = [
        t.findtext("p:ExtendedAttribute/p:Value", namespaces=NS)
        for t in root.iterfind("p:Tasks/p:Task", NS)
        if t.findtext("p:Summary", namespaces=NS) != "1"
    ]
    assert names == [t.id for phase in ctx.playbook.phases for t in plan.tasks if t.phase == phase.id]
    links = sum(len(v) for v in predecessors(ctx.playbook).values())
    assert links >= len(plan.tasks) - 1
    assert len(root.findall("p:Tasks/p:Task/p:PredecessorLink", NS)) == links
    exceptions = [
        e.findtext("p:TimePeriod/p:FromDate", namespaces=NS)[:10]
        for e in root.iterfind("p:Calendars/p:Calendar/p:WeekDays/p:WeekDay", NS)
        if e.findtext("p:DayType", namespaces=NS) == "0"
    ]
    assert "2026-03-21" in exceptions  # Nowruz
    friday = [
        e
        for e in root.iterfind("p:Calendars/p:Calendar/p:WeekDays/p:WeekDay", NS)
        if e.findtext("p:DayType", namespaces=NS) == "6"
    ]
    assert friday[0].findtext("p:DayWorking", namespaces=NS) == "0"


@tool_mark(JAVA is None, reason="Java is not installed")
def test_mpxj_reads_the_same_tasks_links_and_dates(tmp_path):
    import mpxj  # noqa: F401  (the test extra installs it: missing is a failure)

    ctx, cal = _context("IR")
    [path] = write(ctx, tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", READER, str(path)], capture_output=True, text=True, timeout=240, check=True
    )
    read = json.loads(result.stdout.strip().splitlines()[-1])
    plan = plan_for(ctx.playbook, ctx.answers, START, cal)
    ours = {t.id: t for t in plan.tasks}
    theirs = {t["id"]: t for t in read["tasks"]}
    assert set(theirs) == set(ours) and len(ours) > 30
    links = predecessors(ctx.playbook)
    for tid, task in ours.items():
        got = theirs[tid]
        assert (got["start"], got["finish"]) == (task.start.isoformat(), task.finish.isoformat()), tid
        assert got["baseline_start"] == task.start.isoformat()
        assert got["predecessors"] == sorted(links[tid]), tid
        assert len(got["resources"]) == 1
    assert ["2026-03-21", False] in read["exceptions"]


def test_load_sheet_shows_the_levelled_specialist_within_their_share(tmp_path):
    import openpyxl

    from workbench.writers import plan_xlsx

    loaded = load_playbook("core")
    answers = {"specialist_time_share": 30, "has_crm_specialist": True}
    pb = resolve(loaded.playbook, answers)
    ctx = ExportContext(
        pb, loaded.playbook, answers, "Kavir Trading", START, "en", calendar=country_calendar("IR", START)
    )
    [path] = plan_xlsx.write(ctx, tmp_path)
    ws = openpyxl.load_workbook(path)["Load"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    specialist = rows["crm_specialist"]
    assert specialist[2] == 0.3
    weeks = [v for v in specialist[3:] if isinstance(v, (int, float))]
    assert len(weeks) > 20 and max(weeks) == pytest.approx(0.3) and min(weeks) >= 0
    [xml] = write(ctx, tmp_path)
    root = DET.parse(xml).getroot()
    assert len(root.findall("p:Tasks/p:Task/p:PredecessorLink", NS)) == sum(
        len(v)
        for v in predecessors(
            pb, schedule(pb, START, calendar=ctx.calendar, availability={"crm_specialist": 0.3})
        ).values()
    )
