"""Every question asked is used somewhere: a condition, a size driver, a role's availability, the RFP
client profile (vendor-visible answers), or code and templates that read the answer by its id. A question
nobody reads costs the client an answer for nothing; the test names it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from workbench.domain.question_use import playbook_readers
from workbench.loading.catalog import discover
from workbench.loading.playbooks import load_playbook

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [e.id for e in discover() if e.origin == "bundled"]

INFORMATIONAL: dict[str, str] = {}
"""question id -> why it is asked although nothing reads it. Empty: every bundled question is read; a
question added here must say who reads the answer (the consultant in an interview, say) and why that
cannot be a condition or a computation."""


@cache
def code_and_templates() -> str:
    """The sources that may read an answer by its id: the package's Python and the Jinja templates."""
    files = [
        *(ROOT / "workbench").rglob("*.py"),
        *(p for p in (ROOT / "templates").rglob("*") if p.is_file()),
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def read_in_code(question_id: str) -> bool:
    """The id as a quoted string in Python, or as a name in a template (`answers.company_size`)."""
    quoted = re.compile(rf"[\"']{re.escape(question_id)}[\"']")
    named = re.compile(rf"answers(\.|\[[\"']){re.escape(question_id)}\b")
    return bool(quoted.search(code_and_templates()) or named.search(code_and_templates()))


@pytest.mark.parametrize("playbook_id", BUNDLED)
def test_every_question_is_read_by_a_condition_template_or_computation(playbook_id):
    loaded = load_playbook(playbook_id)
    assert loaded.ok and loaded.playbook is not None
    pb = loaded.playbook
    readers = playbook_readers(pb)
    unused = [
        q.id
        for q in pb.questions
        if q.id not in readers and q.id not in INFORMATIONAL and not read_in_code(q.id)
    ]
    assert pb.questions and unused == [], f"{playbook_id}: questions nothing reads: {', '.join(unused)}"


def test_an_unread_question_is_named():
    """The check itself can fail: a question no condition, template or computation reads."""
    pb = load_playbook("core").playbook
    assert pb is not None
    lonely = pb.questions[0].model_copy(update={"id": "favourite_colour", "vendor_visible": False})
    changed = pb.model_copy(update={"questions": [*pb.questions, lonely]})
    assert "favourite_colour" not in playbook_readers(changed)
    assert not read_in_code("favourite_colour")
    assert playbook_readers(changed)["has_it_unit"] == "condition"
    assert playbook_readers(changed)["specialist_time_share"] in ("condition", "availability")
