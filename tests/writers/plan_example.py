"""A small playbook whose schedule and KPI dates are worked out by hand below, for the plan and KPI tests.

Start Monday 2026-01-05; working days 0..11 are Jan 5-9, 12-16, 19-20.

    pre_deployment   a 3d                 ES 0  EF 3   LS 0  slack 0   Jan 5-7
                     b 5d                 ES 0  EF 5   LS 0  slack 0   Jan 5-9
                     c 2d  <- a           ES 3  EF 5   LS 3  slack 0   Jan 8-9
                     n 1d  <- a (no gate) ES 3  EF 4   LS 11 slack 8   Jan 8
                     m1 0d <- b, c  ◆     ES 5  EF 5   LS 5  slack 0   Jan 9 (end of day 4)
    deployment       d 4d  <- a           ES 5  EF 9   LS 5  slack 0   Jan 12-15 (waits for gates, not just a)
                     e 2d                 ES 5  EF 7   LS 7  slack 2   Jan 12-13
                     f 1d  <- d, e  ◆     ES 9  EF 10  LS 9  slack 0   Jan 16
                     m2 0d <- f     ◆     ES 10 EF 10  LS 10 slack 0   Jan 16
    post_deployment  g 2d                 ES 10 EF 12  LS 10 slack 0   Jan 19-20

Finish 2026-01-20 after 12 working days; go-live (end of deployment) 2026-01-16.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.domain.playbook import Playbook
from workbench.writers.context import ExportContext

START = date(2026, 1, 5)
GO_LIVE = date(2026, 1, 16)
EXPECTED = {  # id: (early start, early finish, late start, slack, start, finish)
    "a": (0, 3, 0, 0, date(2026, 1, 5), date(2026, 1, 7)),
    "b": (0, 5, 0, 0, date(2026, 1, 5), date(2026, 1, 9)),
    "c": (3, 5, 3, 0, date(2026, 1, 8), date(2026, 1, 9)),
    "n": (3, 4, 11, 8, date(2026, 1, 8), date(2026, 1, 8)),
    "m1": (5, 5, 5, 0, date(2026, 1, 9), date(2026, 1, 9)),
    "d": (5, 9, 5, 0, date(2026, 1, 12), date(2026, 1, 15)),
    "e": (5, 7, 7, 2, date(2026, 1, 12), date(2026, 1, 13)),
    "f": (9, 10, 9, 0, date(2026, 1, 16), date(2026, 1, 16)),
    "m2": (10, 10, 10, 0, date(2026, 1, 16), date(2026, 1, 16)),
    "g": (10, 12, 10, 0, date(2026, 1, 19), date(2026, 1, 20)),
}
CRITICAL = ["a", "b", "c", "m1", "d", "f", "m2", "g"]


def _task(tid: str, days: int, deps: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """Every task is a gate unless it says otherwise (the example predates gate: false as the default)."""
    return {
        "id": tid,
        "name": f"Task {tid}",
        "owner": "lead",
        "raci": {"lead": "A"},
        "duration_days": days,
        "depends_on": deps or [],
        "gate": True,
        **extra,
    }


def example_data() -> dict[str, Any]:
    """The playbook as plain data, so a test can change a name or a duration before validating it."""
    return {
        "id": "example",
        "version": "1.0",
        "name": "Example method",
        "phases": [
            {
                "id": "pre_deployment",
                "name": "Pre-deployment",
                "tasks": [
                    _task("a", 3),
                    _task("b", 5),
                    _task("c", 2, ["a"]),
                    _task("n", 1, ["a"], gate=False),
                    _task("m1", 0, ["b", "c"], milestone=True),
                ],
            },
            {
                "id": "deployment",
                "name": "Deployment",
                "tasks": [
                    _task("d", 4, ["a"]),
                    _task("e", 2),
                    _task("f", 1, ["d", "e"], milestone=True),
                    _task("m2", 0, ["f"], milestone=True),
                ],
            },
            {"id": "post_deployment", "name": "Post-deployment", "tasks": [_task("g", 2)]},
        ],
        "roles": [
            {"id": "lead", "name": "Project lead", "summary": "Leads.", "duties": ["Lead"]},
            {"id": "sponsor", "name": "Sponsor", "summary": "Pays.", "duties": ["Decide"]},
        ],
        "measures": [
            {"id": "active", "name": "Active users (30 days)", "source": "Login log"},
            {"id": "licensed", "name": "Licensed users", "source": "Licence list"},
            {"id": "won", "name": "Deals won", "source": "CRM"},
            {"id": "leads", "name": "Leads created", "source": "CRM"},
            {"id": "hours", "name": "Hours to first reply", "source": "Service desk", "unit": "hours"},
            {"id": "unused", "name": "Nobody's measure", "source": "Nowhere"},
        ],
        "kpis": [
            {
                "id": "adoption_rate",
                "name": "Active users",
                "kind": "adoption",
                "definition": "Share of licensed users active in the last 30 days.",
                "formula": "active / licensed * 100",
                "unit": "percent",
                "direction": "up",
                "owner": "lead",
                "source": "Login log",
                "cadence": "monthly",
                "phase": "deployment",
                "target": 85,
                "target_months": 3,
            },
            {
                "id": "conversion",
                "name": "Lead conversion",
                "kind": "business",
                "definition": "Leads that became won deals.",
                "formula": "won / leads * 100",
                "unit": "percent",
                "direction": "up",
                "owner": "sponsor",
                "source": "CRM reports",
                "cadence": "quarterly",
                "phase": "post_deployment",
                "baseline": 12.5,
                "target": 20,
                "target_months": 12,
            },
            {
                "id": "reply_time",
                "name": "First reply time",
                "kind": "business",
                "definition": "Average hours to the first reply.",
                "formula": "hours / (won + leads)",
                "unit": "hours",
                "direction": "down",
                "owner": "lead",
                "source": "Service desk",
                "cadence": "weekly",
                "phase": "post_deployment",
                "target": 4,
            },
        ],
    }


def example_playbook(data: dict[str, Any] | None = None) -> Playbook:
    return Playbook.model_validate(data or example_data())


def example_ctx(data: dict[str, Any] | None = None, client: str = "Acme") -> ExportContext:
    pb = example_playbook(data)
    return ExportContext(pb, pb, {}, client, START, "en", "digest", "answers")
