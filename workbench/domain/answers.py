"""Intake answers: checked against the questionnaire and completed with its defaults."""

from __future__ import annotations

from typing import Any

from workbench.domain.conditions import applies
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem


def check_answers(pb: Playbook, answers: dict[str, Any]) -> list[Problem]:
    """Unknown questions and answers a question cannot take; paths are ('answers', question_id)."""
    questions = pb.question_map()
    problems = []
    for qid, value in answers.items():
        question = questions.get(qid)
        if question is None:
            known = ", ".join(sorted(questions)[:8])
            problems.append(
                Problem(
                    f"unknown question {qid!r}; expected one of: {known} ...",
                    ("answers", qid),
                    code="unknown-ref",
                )
            )
            continue
        if value is None:
            continue
        message = question.answer_problem(value)
        if message:
            problems.append(
                Problem(f"answer {_shown(value)} to {qid!r}: {message}", ("answers", qid), code="answer")
            )
    return problems


def _shown(value: Any) -> str:
    """The answer as it appears in a message: short, so a pasted essay or a huge list is not echoed whole."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def complete_answers(pb: Playbook, answers: dict[str, Any]) -> dict[str, Any]:
    """The given answers plus defaults for questions left open, in questionnaire order."""
    full: dict[str, Any] = {}
    for q in pb.questions:
        if q.id in answers and answers[q.id] is not None:
            full[q.id] = answers[q.id]
        elif q.default is not None:
            full[q.id] = q.default
    return full


def open_questions(pb: Playbook, answers: dict[str, Any]) -> list[str]:
    """Required questions that apply to these answers and have neither an answer nor a default."""
    full = complete_answers(pb, answers)
    return [q.id for q in pb.questions if q.required and q.id not in full and applies(q.when, full)]
