"""What an answer change does to an engagement: the tasks, requirements, processes, KPIs, questions and
roles (tailoring to size: no IT unit, no IT manager) it adds and removes, by id and name.

Pure: both answer sets are resolved against the same playbook and compared, so `crmwb diff` can show the
effect before anything is saved, and `crmwb intake` can show it after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.playbook import Playbook
from workbench.domain.resolve import resolve

SECTIONS = ("tasks", "requirements", "processes", "kpis", "questions", "roles")


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class AnswerChange:
    question: str
    old: Any
    new: Any


@dataclass
class AnswerDiff:
    changes: list[AnswerChange]
    added: dict[str, list[Named]] = field(default_factory=dict)
    removed: dict[str, list[Named]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """No item comes or goes (answers may still have changed)."""
        return not any(self.added.values()) and not any(self.removed.values())

    def to_dict(self) -> dict:
        def items(section: dict[str, list[Named]]) -> dict:
            return {name: [{"id": n.id, "name": n.name} for n in section.get(name, [])] for name in SECTIONS}

        return {
            "changes": [{"question": c.question, "old": c.old, "new": c.new} for c in self.changes],
            "added": items(self.added),
            "removed": items(self.removed),
        }


def _named(pb: Playbook, lang: str) -> dict[str, list[Named]]:
    def text(value: Any) -> str:
        return value.get_text(lang) if value else ""

    return {
        "tasks": [Named(t.id, text(t.name)) for _, t in pb.tasks()],
        "requirements": [Named(r.id, text(r.text)) for r in pb.requirements],
        "processes": [Named(p.id, text(p.name)) for p in pb.processes],
        "kpis": [Named(k.id, text(k.name)) for k in pb.kpis],
        "questions": [Named(q.id, text(q.text)) for q in pb.questions],
        "roles": [Named(r.id, text(r.name)) for r in pb.roles],
    }


def answer_changes(old: dict[str, Any], new: dict[str, Any]) -> list[AnswerChange]:
    """Answers set, changed or cleared, in the order of `new` then `old`; None counts as unanswered."""
    keys = list(dict.fromkeys([*new, *old]))
    return [AnswerChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]


def diff_answers(pb: Playbook, old: dict[str, Any], new: dict[str, Any], lang: str = "en") -> AnswerDiff:
    """What moving from `old` to `new` answers adds to and removes from the resolved playbook."""
    changes = answer_changes(old, new)
    if not changes:
        return AnswerDiff([], {s: [] for s in SECTIONS}, {s: [] for s in SECTIONS})
    before, after = _named(resolve(pb, old), lang), _named(resolve(pb, new), lang)
    added, removed = {}, {}
    for section in SECTIONS:
        old_ids = {n.id for n in before[section]}
        new_ids = {n.id for n in after[section]}
        added[section] = [n for n in after[section] if n.id not in old_ids]
        removed[section] = [n for n in before[section] if n.id not in new_ids]
    return AnswerDiff(changes, added, removed)
