"""The sections of the workbench frame (one Textual mode each), defined once for the app's bindings,
the navigation bar, the help screen and the command palette, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.i18n import N_


@dataclass(frozen=True)
class Section:
    id: str
    """the mode name"""
    key: str
    label: str
    needs_engagement: bool
    help: str
    short: str = ""
    """the label where space is tight (the section bar at 80 columns)"""
    screen: str = ""
    """"module:callable" under workbench.tui.screens that makes the section's screen from the session
    (imported when the section is first shown); "" for the start screen, which the app builds itself"""
    # label, help and short are English constants marked with N_: translate with _() where they are shown


SECTIONS: tuple[Section, ...] = (
    Section("start", "f2", N_("Start"), False, N_("recent engagements, new engagement, open a folder")),
    Section(
        "intake",
        "f3",
        N_("Intake"),
        True,
        N_("the questionnaire: answers, progress, what they add or drop"),
        screen="intake:IntakeScreen",
    ),
    Section(
        "phases",
        "f4",
        N_("Phases"),
        True,
        N_("tasks per phase: status, owner, assignee, due date, checklist"),
        screen="phases:PhasesScreen",
    ),
    Section(
        "deliverables",
        "f5",
        N_("Deliverables"),
        True,
        N_("RFP, roles and permissions, RACI, processes, KPIs, plan"),
        screen="base:deliverables_screen",
    ),
    Section(
        "export",
        "f6",
        N_("Export"),
        True,
        N_("write deliverables to a folder, with a manifest"),
        screen="export:ExportScreen",
    ),
    Section(
        "jobdesc",
        "f7",
        N_("Job descriptions"),
        False,
        N_("job descriptions for HR in English, Persian, Russian"),
        N_("Jobs"),
        screen="jobdesc:JobdescScreen",
    ),
    Section(
        "uat",
        "f8",
        N_("Acceptance"),
        True,
        N_("UAT scripts and results, the defect log, go-live readiness"),
        N_("UAT"),
        screen="uat:UatScreen",
    ),
    Section(
        "people",
        "f9",
        N_("People"),
        True,
        N_("the roster of the client's people and the audit of a CRM's user accounts against it"),
        screen="people:PeopleScreen",
    ),
)
BY_ID = {s.id: s for s in SECTIONS}
ENGAGEMENT_SECTIONS = tuple(s.id for s in SECTIONS if s.needs_engagement)
