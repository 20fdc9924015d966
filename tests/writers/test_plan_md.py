"""plan.md: the summary, the critical path in order, milestones per phase and the slack table."""

from __future__ import annotations

import re

from tests.writers.plan_example import CRITICAL, EXPECTED, example_ctx, example_data
from workbench.writers import plan_md


def test_plan_md_summary_critical_path_milestones_and_slack(tmp_path):
    (path,) = plan_md.write(example_ctx(), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path.name == "plan.md" and text.startswith("# Project plan: Acme")
    for line in (
        "| Start | 2026-01-05 |",
        "| Finish | 2026-01-20 |",
        "| Working days | 12 |",
        "| Tasks | 10 |",
    ):
        assert line in text
    path_section = text.split("## Critical path")[1].split("## Milestones")[0]
    ordered = re.findall(r"^(\d+)\. \*\*Task (\w+)\*\*", path_section, flags=re.MULTILINE)
    assert ordered == [(str(i), tid) for i, tid in enumerate(CRITICAL, start=1)]
    assert "1. **Task a** (`a`), Project lead: 2026-01-05 to 2026-01-07, 3 d" in path_section
    milestones = text.split("## Milestones")[1].split("## Tasks")[0]
    assert "- **Pre-deployment** ends 2026-01-09" in milestones
    assert "  - ◆ Task m1 (`m1`): 2026-01-09" in milestones
    assert milestones.index("**Deployment** ends 2026-01-16") < milestones.index("◆ Task f (`f`)")
    assert "**Post-deployment** ends 2026-01-20" in milestones
    rows = re.findall(r"^\| [^|]+ \| Task .*\(`(\w+)`\).*\| (\d+) \| ([^|]*) \|$", text, flags=re.MULTILINE)
    assert {tid: int(slack) for tid, slack, _ in rows} == {tid: row[3] for tid, row in EXPECTED.items()}
    assert {tid for tid, _, critical in rows if critical.strip() == "yes"} == set(CRITICAL)


def test_plan_md_keeps_tables_intact_with_pipes_in_names(tmp_path):
    data = example_data()
    data["phases"][0]["tasks"][0]["name"] = "Plan | scope\nand budget"
    (path,) = plan_md.write(example_ctx(data), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "| Plan \\| scope and budget (`a`) |" in text
