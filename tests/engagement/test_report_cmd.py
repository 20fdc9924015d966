"""`crmwb report DIR`: the weekly steering-committee report, read back from its HTML and Markdown."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from workbench.domain.tracking import Measurement
from workbench.store.sqlite_store import SQLiteStore

from .kpi_helpers import engagement

TODAY = "2025-04-15"


class Page(HTMLParser):
    """Section ids, h2 titles, risk blocks with their evidence, and KPI table rows of the report."""

    def __init__(self, html: str):
        super().__init__()
        self.sections: list[str] = []
        self.h2: list[str] = []
        self.risks: dict[str, list[str]] = {}
        self.kpis: dict[str, list[str]] = {}
        self._tag, self._risk, self._kpi, self._cell = "", "", "", ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._tag = tag
        if tag == "section":
            self.sections.append(attrs["id"])
        if tag == "div" and "risk" in attrs.get("class", ""):
            self._risk = attrs["id"].removeprefix("risk-")
            self.risks[self._risk] = []
        if tag == "tr" and attrs.get("id", "").startswith("kpi-"):
            self._kpi = attrs["id"].removeprefix("kpi-")
            self.kpis[self._kpi] = []
        if tag in ("li", "td"):
            self._cell = ""

    def handle_data(self, data):
        if self._tag == "h2":
            self.h2.append(data)
        if self._tag in ("li", "td", "span"):
            self._cell += data

    def handle_endtag(self, tag):
        if tag == "li" and self._risk:
            self.risks[self._risk].append(self._cell.strip())
        if tag == "td" and self._kpi:
            self.kpis[self._kpi].append(self._cell.strip())
        if tag == "div":
            self._risk = ""
        if tag == "tr":
            self._kpi = ""
        self._tag = ""


def troubled(tmp_path):
    """No CRM specialist, a blocked task, a late training plan, and adoption KPIs below target."""
    folder = engagement(tmp_path, has_crm_specialist=False, specialist_time_share=None)  # in Iran
    with SQLiteStore(folder / "state.db") as store:
        store.set_status("pre-01-kickoff", "done", "ana")
        store.set_status("pre-04-hire-specialist", "blocked", "ana", note="no candidate yet")
        store.record_measurements(
            [
                Measurement("active_user_rate", 40, date(2025, 3, 1)),
                Measurement("active_user_rate", 55, date(2025, 4, 1)),
                Measurement("training_completion", 60, date(2025, 4, 10)),
                Measurement("duplicate_rate", 1.5, date(2025, 4, 1)),
            ],
            "ana",
        )
    return folder


def test_report_writes_markdown_and_printable_html(run_cli, tmp_path):
    folder = troubled(tmp_path)
    code, out, err = run_cli("report", folder, "--today", TODAY)
    assert (code, err) == (0, "")
    reports = folder / "reports"
    assert sorted(p.name for p in reports.iterdir()) == ["status-2025-04-15.html", "status-2025-04-15.md"]
    assert out.splitlines()[0] == (
        "Weekly status for Example Appliance Retail (demo), week 16 of 2025: 2% done, "
        "10 late, 1 blocked, 4 risks (3 high)"
    )
    html = (reports / "status-2025-04-15.html").read_text(encoding="utf-8")
    page = Page(html)
    assert page.sections == [
        "summary",
        "risks",
        "progress",
        "milestones",
        "attention",
        "late",
        "blocked",
        "at-risk",
        "next-actions",
        "kpis",
    ]
    assert page.h2 == [
        "Summary",
        "Risks",
        "Progress per phase",
        "Milestones",
        "Tasks needing attention",
        "Next actions per role",
        "KPI trends",
    ]
    for external in ("src=", "href=", "<link", "<script", "@import", "url("):
        assert external not in html
    assert (
        "@media print" in html
        and "<title>Weekly status: Example Appliance Retail (demo) (2025-04-15)</title>" in html
    )
    assert list(page.risks) == [
        "no_dedicated_people",
        "no_training",
        "blocked_tasks",
        "low_adoption",
    ]  # high first
    assert (
        page.risks["no_dedicated_people"][0]
        == "Intake: the client has no CRM specialist (has_crm_specialist: no)."
    )
    assert page.risks["no_training"] == [
        "Training task pre-13-training-plan (Plan the training) is late: due 2025-04-10, not started.",
        "Training completion: 60 % on 2025-04-10, target ≥ 100 %.",
    ]
    assert page.risks["low_adoption"] == ["Active users: 55 % on 2025-04-01, target ≥ 90 %."]
    assert page.risks["blocked_tasks"] == [
        "pre-04-hire-specialist (Hire a CRM specialist) is blocked; owner HR manager, on the critical path."
    ]
    assert page.kpis["active_user_rate"] == [
        "Active users (active_user_rate)",
        "▁█",
        "55 %",
        "40 %",
        "≥ 90 %",
        "off track",
        "2025-04-01 (2)",
    ]
    assert page.kpis["duplicate_rate"][5] == "on track"
    assert "Suggested action: Name a CRM specialist who works at least half their time" in html


def test_markdown_says_the_same(run_cli, tmp_path):
    folder = troubled(tmp_path)
    assert run_cli("report", folder, "--today", TODAY, "--format", "md", "--out", tmp_path / "out")[0] == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["status-2025-04-15.md"]
    md = (tmp_path / "out" / "status-2025-04-15.md").read_text(encoding="utf-8")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# Weekly status: Example Appliance Retail (demo)",
        "## Summary",
        "## Risks",
        "### 1. No dedicated CRM people (high)",
    ]
    assert (
        "## Progress per phase" in headings and "## KPI trends" in headings and "### Blocked (1)" in headings
    )
    assert "- Intake: the client has no CRM specialist (has_crm_specialist: no)." in md
    assert "| Go live (`dep-18-go-live`) | Deployment |" in md
    assert (
        "| Active users (`active_user_rate`) | ▁█ | 55 % | 40 % | ≥ 90 % | off track | 2025-04-01 (2) |" in md
    )
    assert "- `pre-05-stakeholders`" not in md  # depends on the blocked task: not a next action


@pytest.mark.parametrize(
    ("changes", "evidence"),
    [
        ({}, None),  # the retail client has a specialist at 50 % of their time
        (
            {"specialist_time_share": 30},
            "Intake: the CRM specialist spends 30 % of their time on the CRM (less than 50 %).",
        ),
    ],
)
def test_dedicated_people_risk_follows_the_answers(run_cli, tmp_path, changes, evidence):
    folder = engagement(tmp_path, **changes)
    assert run_cli("report", folder, "--today", "2025-01-06", "--format", "html")[0] == 0
    page = Page((folder / "reports" / "status-2025-01-06.html").read_text(encoding="utf-8"))
    assert page.risks.get("no_dedicated_people", [None])[0] == evidence


def test_a_quiet_week_and_unmeasured_adoption(run_cli, tmp_path):
    folder = engagement(tmp_path)
    run_cli("report", folder, "--today", "2025-01-06", "--format", "md")
    md = (folder / "reports" / "status-2025-01-06.md").read_text(encoding="utf-8")
    assert "The data shows no risk this week" in md and "No KPI has a measurement yet." in md
    with SQLiteStore(folder / "state.db") as store:  # deployment has started on paper, nothing measured
        for task in store.tasks():
            if task.startswith("pre-"):
                store.set_status(task, "done", "ana")
    run_cli("report", folder, "--today", "2025-06-02", "--format", "html")
    page = Page((folder / "reports" / "status-2025-06-02.html").read_text(encoding="utf-8"))
    assert page.risks["adoption_unmeasured"] == [
        "Deployment started on 2025-04-29 (plan), but none of the 7 adoption KPIs has a measurement."
    ]


def test_bad_arguments(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, _, err = run_cli("report", folder, "--format", "md,pdf")
    assert code == 2 and err == (
        "crmwb report: error: unknown format 'pdf'; expected a comma-separated list of: md, html\n"
    )
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli("report", folder, "--out", tmp_path / "file")
    assert code == 2 and "is a file; expected a folder" in err
    code, _, err = run_cli("report", tmp_path / "none")
    assert code == 2 and "no engagement.yaml here" in err
    assert not (folder / "reports").exists()
