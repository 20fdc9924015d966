"""Process maps for the process writers' tests: mini.yaml's lead_to_deal plus a support process with a
reopen loop back to an earlier step, a loop within one lane, a skip over a step, labelled decisions, two
end events, two steps sharing a lane and a column, Persian names, and labels full of characters that
break diagram syntaxes (quotes, brackets, pipes, `#`, `&`, HTML, a spreadsheet formula)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.domain.access import Role
from workbench.domain.playbook import Playbook
from workbench.domain.processes import Process
from workbench.loading.playbooks import load_playbook
from workbench.writers.context import ExportContext

DATA = Path(__file__).parent.parent / "data"
NASTY = 'Triage "case" [web] {x} (y) | #1 & <b>bold</b> `code` %% -->'
FORMULA = '=HYPERLINK("http://attacker.test/","click") opened'

SUPPORT = {
    "id": "support",
    "name": {"en": "Support with reopen", "fa": "پشتیبانی با بازگشایی"},
    "description": {
        "en": "A case is solved, confirmed, or reopened.",
        "fa": "درخواست حل، تأیید یا بازگشایی می‌شود.",
    },
    "nodes": [
        {"id": "opened", "kind": "start", "lane": "agent", "label": FORMULA},
        {"id": "triage", "kind": "task", "lane": "agent", "label": {"en": NASTY, "fa": "دسته‌بندی «درخواست»"}},
        {"id": "solved", "kind": "decision", "lane": "agent", "label": {"en": "Solved?", "fa": "حل شد؟"}},
        {"id": "notify", "kind": "task", "lane": "agent", "label": "Notify the customer"},
        {"id": "escalate", "kind": "task", "lane": "lead", "label": "Escalate"},
        {"id": "confirm", "kind": "task", "lane": "customer", "label": "Confirm the fix"},
        {"id": "happy", "kind": "decision", "lane": "customer", "label": "Happy?"},
        {"id": "closed", "kind": "end", "lane": "agent", "label": "Closed"},
        {"id": "reopen", "kind": "task", "lane": "agent", "label": "Reopen the case"},
        {"id": "gone", "kind": "end", "lane": "customer", "label": "Customer gave up"},
    ],
    "edges": [
        {"source": "opened", "target": "triage"},
        {"source": "triage", "target": "solved"},
        {"source": "solved", "target": "notify", "label": {"en": "Yes", "fa": "بله"}},
        {"source": "solved", "target": "escalate", "label": {"en": 'No "not yet" | [later]', "fa": "خیر"}},
        {"source": "solved", "target": "closed", "label": "Duplicate"},
        {"source": "notify", "target": "confirm"},
        {"source": "escalate", "target": "confirm"},
        {"source": "confirm", "target": "happy"},
        {"source": "happy", "target": "closed", "label": "Yes"},
        {"source": "happy", "target": "reopen", "label": "No"},
        {"source": "happy", "target": "gone", "label": "Gave up"},
        {"source": "happy", "target": "confirm", "label": "Ask again"},
        {"source": "reopen", "target": "triage"},
    ],
}
ROLES = [
    {"id": "agent", "name": {"en": "Service agent", "fa": "کارشناس خدمات"}},
    {"id": "customer", "name": {"en": "Customer", "fa": "مشتری"}},
    {"id": "lead", "name": {"en": "Team lead", "fa": "سرپرست"}},
]


def support() -> Process:
    return Process.model_validate(SUPPORT)


def core_processes() -> list[Process]:
    """The bundled core playbook's process maps (real-size labels, loops, up to five lanes)."""
    loaded = load_playbook("core")
    assert loaded.playbook and loaded.playbook.processes, "the core playbook and its process maps must load"
    return loaded.playbook.processes


def playbook(*extra: Process) -> Playbook:
    """mini.yaml with the support roles and process added (and any extra processes)."""
    mini = load_playbook(DATA / "mini.yaml").playbook
    roles = [Role.model_validate({"summary": "Test role.", "duties": ["Work"], **r}) for r in ROLES]
    return mini.model_copy(
        update={"roles": mini.roles + roles, "processes": mini.processes + [support(), *extra]}
    )


def context(lang: str = "en", *extra: Process) -> ExportContext:
    pb = playbook(*extra)
    return ExportContext(pb, pb, {}, "Acme", date(2026, 1, 5), lang)
