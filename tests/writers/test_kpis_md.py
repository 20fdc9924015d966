"""kpis.md: a table per phase and a block per KPI with its definition, formula, owner and dated target."""

from __future__ import annotations

import re

from tests.writers.plan_example import example_ctx, example_data
from workbench.writers import kpis_md


def test_kpis_md_tables_per_phase_and_a_block_per_kpi(tmp_path):
    (path,) = kpis_md.write(example_ctx(), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path.name == "kpis.md" and text.startswith("# KPI plan: Acme")
    assert "go-live on 2026-01-16" in text
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == ["Deployment: adoption", "Post-deployment: business outcomes", "Measures"]
    deployment = text.split("## Deployment: adoption")[1].split("## Post-deployment")[0]
    assert (
        "| `adoption_rate` | Active users ↑ | Active users (30 days) / Licensed users × 100 | Project lead | "
        "monthly | measure before go-live | 85% | 2026-04-16 |"
    ) in deployment
    block = deployment.split("### Active users (`adoption_rate`)")[1]
    formula = (
        "- **Formula:** Active users (30 days) / Licensed users × 100 (`active / licensed * 100`), in %, "
    )
    for line in (
        "Share of licensed users active in the last 30 days.",
        formula + "↑ higher is better",
        "- **Owner:** Project lead",
        "- **Source:** Login log",
        "- **Cadence:** monthly",
        "- **Baseline:** measure before go-live",
        "- **Target:** 85% by 2026-04-16 (3 months after go-live)",
    ):
        assert line in block
    post = text.split("## Post-deployment: business outcomes")[1].split("## Measures")[0]
    assert "| `conversion` | Lead conversion ↑ |" in post and "| 12.5 | 20% | 2027-01-16 |" in post
    assert "| `reply_time` | First reply time ↓ |" in post and "| 4 hours | — |" in post
    assert "- **Target:** 4 hours\n" in post  # no target date, no 'by'
    assert "| `unused` | Nobody's measure | Nowhere | count | — |" in text


def test_kpis_md_survives_pipes_and_an_empty_plan(tmp_path):
    data = example_data()
    data["kpis"][0]["name"] = "Active | users"
    (path,) = kpis_md.write(example_ctx(data), tmp_path)
    assert "| `adoption_rate` | Active \\| users ↑ |" in path.read_text(encoding="utf-8")
    data["kpis"] = []
    (path,) = kpis_md.write(example_ctx(data), tmp_path)
    assert "No KPIs apply to this client." in path.read_text(encoding="utf-8")
