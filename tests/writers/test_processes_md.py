"""processes.md read back: diagram, steps by lane, hand-offs, checks; and the whole deliverable via
export()."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.writers.processes_fixtures import NASTY, context
from workbench.domain.processes import Process
from workbench.domain.resolve import resolve
from workbench.domain.text import tr
from workbench.loading.answers import load_answers
from workbench.loading.playbooks import load_playbook
from workbench.writers import mermaid, processes_md
from workbench.writers.context import ExportContext
from workbench.writers.export import export

ROOT = Path(__file__).resolve().parents[2]


def sections(text: str) -> dict[str, str]:
    """Each process's `## ` section by its id."""
    parts = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    return {re.search(r"\(`([^`]+)`\)", part.splitlines()[0]).group(1): part for part in parts}


def table(section: str, heading: str) -> list[list[str]]:
    """The rows of the first table under a `### heading`, cells split on unescaped pipes and unescaped
    (the text as a Markdown renderer shows it)."""
    block = section.split(f"### {heading}", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in block.splitlines() if line.startswith("|")][2:]
    return [
        [re.sub(r"\\(.)", r"\1", cell.strip()) for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows
    ]


def test_each_process_has_diagram_steps_handoffs_and_clean_checks(tmp_path):
    ctx = context()
    text = processes_md.write(ctx, tmp_path)[0].read_text(encoding="utf-8")
    assert text.startswith("# Process maps: Acme")
    by_id = sections(text)
    assert list(by_id) == ["lead_to_deal", "support"]
    support = by_id["support"]
    assert support.startswith("Support with reopen (`support`)")
    assert "A case is solved, confirmed, or reopened." in support
    diagram = support.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert diagram == mermaid.render(ctx.playbook.processes[1], ctx.playbook, "en")
    steps = table(support, "Steps by lane")
    assert steps[0] == ["Service agent", steps[0][1], "start"]
    assert [row[1] for row in steps if row[2] == "decision"] == ["Solved?", "Happy?"]
    assert [row[0] for row in steps if row[0]] == ["Service agent", "Team lead", "Customer"]
    assert steps[1][1] == " ".join(NASTY.split())
    assert len(steps) == 10
    assert "### Hand-offs between roles: 5" in support
    handoffs = table(support, "Hand-offs between roles")
    assert [row[1:] for row in handoffs] == [
        ["Service agent", "Team lead", "Solved?", "Escalate", 'No "not yet" | [later]'],
        ["Service agent", "Customer", "Notify the customer", "Confirm the fix", "—"],
        ["Team lead", "Customer", "Escalate", "Confirm the fix", "—"],
        ["Customer", "Service agent", "Happy?", "Closed", "Yes"],
        ["Customer", "Service agent", "Happy?", "Reopen the case", "No"],
    ]
    for section in by_id.values():
        assert section.split("### Checks", 1)[1].strip().startswith("No problems")


def test_problems_of_a_broken_process_are_listed(tmp_path):
    broken = Process.model_validate(
        {
            "id": "broken",
            "name": "Broken",
            "nodes": [
                {"id": "s", "kind": "start", "lane": "agent", "label": "S"},
                {"id": "d", "kind": "decision", "lane": "ghost", "label": "D?"},
                {"id": "x", "kind": "task", "lane": "agent", "label": "X"},
                {"id": "e", "kind": "end", "lane": "agent", "label": "E"},
            ],
            "edges": [
                {"source": "s", "target": "d"},
                {"source": "d", "target": "x", "label": "a"},
                {"source": "d", "target": "e"},
            ],
        }
    )
    text = processes_md.write(context("en", broken), tmp_path)[0].read_text(encoding="utf-8")
    checks = sections(text)["broken"].split("### Checks", 1)[1]
    assert "- every exit of decision 'd' needs a label" in checks
    assert "- task 'x' leads nowhere; expected an exit" in checks
    assert "- lane 'ghost' is not a role of the playbook" in checks
    assert "No problems" not in checks


def test_persian_markdown(tmp_path):
    text = processes_md.write(context("fa"), tmp_path)[0].read_text(encoding="utf-8")
    support = sections(text)["support"]
    assert support.startswith("پشتیبانی با بازگشایی (`support`)")
    assert "| کارشناس خدمات | سرپرست | حل شد؟ | Escalate | خیر |" in support


def test_export_writes_every_process_format_with_a_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr("workbench.writers.dot.shutil.which", lambda name: None)
    result = export(context(), tmp_path, only=["processes"])
    names = sorted(p.relative_to(tmp_path).as_posix() for p in result.files)
    assert names == ["processes.md"] + sorted(
        f"processes/{p}.{ext}" for p in ("lead_to_deal", "support") for ext in ("bpmn", "dot", "mmd")
    )
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert sorted(f["path"] for f in manifest["files"]) == names
    assert {f["format"] for f in manifest["files"]} == {"bpmn", "mermaid", "dot", "md"}


@pytest.mark.parametrize("example", ["retail-chain", "bank", "b2b-software"])
def test_core_playbook_maps_are_clean_for_every_example_client(tmp_path, example):
    loaded = load_playbook("core")
    answers = load_answers(ROOT / "playbooks" / "examples" / f"{example}.answers.yaml", loaded.playbook)
    resolved = resolve(loaded.playbook, answers.answers)
    ctx = ExportContext(
        resolved, loaded.playbook, answers.answers, answers.client or "Client", date(2026, 1, 5)
    )
    text = processes_md.write(ctx, tmp_path)[0].read_text(encoding="utf-8")
    by_id = sections(text)
    assert list(by_id) == [p.id for p in resolved.processes] and by_id
    roles = {tr(r.name) for r in resolved.roles}
    for section in by_id.values():
        assert section.split("### Checks", 1)[1].strip().startswith("No problems"), section
        lanes = [row[0] for row in table(section, "Steps by lane") if row[0]]
        assert lanes and set(lanes) <= roles
        count = int(re.search(r"### Hand-offs between roles: (\d+)", section).group(1))
        assert count == len(table(section, "Hand-offs between roles")) > 0
