"""Report, the use case: the weekly steering-committee report of an open engagement — progress,
milestones, what is late or blocked, KPI trends, risks with their evidence — written as Markdown and/or
HTML. `crmwb report` parses its arguments, opens the engagement and prints the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement

FORMATS = ("md", "html")


@dataclass
class WeeklyReport:
    report: Any
    """the report's data (`workbench.writers.status_report.Report`)"""
    paths: list[Path]
    """the files written"""


def weekly_report(
    opened: OpenEngagement, formats: list[str], today: date | None = None, out: Path | None = None
) -> WeeklyReport:
    """Build the report for the week of `today` (default today) and write it into `out` (default the
    engagement's reports/ folder). Raises OSError when the folder cannot be written."""
    from workbench.app.uat import summary
    from workbench.writers.status_report import build_report, write_report

    today = today or date.today()
    report = build_report(opened, today, uat=summary(opened, today))
    folder = out or opened.engagement.folder / "reports"
    return WeeklyReport(report, write_report(report, folder, list(dict.fromkeys(formats))))


def preview_report(opened: OpenEngagement, today: date | None = None) -> str:
    """The report for the week of `today` as the Markdown `weekly_report` writes, without writing it."""
    from workbench.app.uat import summary
    from workbench.writers.status_report import build_report, render_report

    today = today or date.today()
    return render_report(build_report(opened, today, uat=summary(opened, today)), "md")
