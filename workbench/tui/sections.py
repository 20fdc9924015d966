"""The sections of the workbench frame (one Textual mode each), defined once for the app's bindings,
the navigation bar, the help screen and the command palette, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass


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


SECTIONS: tuple[Section, ...] = (
    Section("start", "f2", "Start", False, "recent engagements, new engagement, open a folder"),
    Section("intake", "f3", "Intake", True, "the questionnaire: answers, progress, what they add or drop"),
    Section("phases", "f4", "Phases", True, "tasks per phase: status, owner, assignee, due date, checklist"),
    Section(
        "deliverables", "f5", "Deliverables", True, "RFP, roles and permissions, RACI, processes, KPIs, plan"
    ),
    Section("export", "f6", "Export", True, "write deliverables to a folder, with a manifest"),
    Section(
        "jobdesc",
        "f7",
        "Job descriptions",
        False,
        "job descriptions for HR in English, Persian, Russian",
        "Jobs",
    ),
)
BY_ID = {s.id: s for s in SECTIONS}
ENGAGEMENT_SECTIONS = tuple(s.id for s in SECTIONS if s.needs_engagement)
