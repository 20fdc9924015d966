"""The intake questionnaire as a walk: which question comes next given the answers so far, and how a
typed answer becomes a value the question can take.

Pure logic, no terminal: `crmwb intake` and `crmwb diff --set` (and later the TUI) parse the same way, so
`3`, `b2c`, `да` and `۱۲` mean the same thing wherever a person types them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from workbench.domain.answers import complete_answers
from workbench.domain.conditions import applies
from workbench.domain.playbook import Playbook
from workbench.domain.questions import Question
from workbench.i18n import N_, _, gettext_in

YES = frozenset({"y", "yes", "true", "1", "بله", "بلی", "آره", "ب", "да", "д"})
NO = frozenset({"n", "no", "false", "0", "خیر", "نه", "نخیر", "خ", "нет", "н"})
YES_NO_WORDS = {"en": ("yes", "no"), "fa": ("بله", "خیر"), "ru": ("да", "нет")}
NONE_WORDS = frozenset({"-", "none", "هیچ", "нет"})
"""Typed for a multi-choice question: none of the options (an empty list)."""

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫", "01234567890123456789.")
_SEPARATORS = re.compile(r"[,،;\s]+")
_WHOLE = re.compile(r"[-+]?[0-9]+")
_MAX_TYPED_NUMBER = 50

GROUP_TITLES = {
    "profile": N_("Company profile"),
    "readiness": N_("Readiness"),
    "scope": N_("Scope"),
    "channels": N_("Channels"),
    "data": N_("Data"),
    "people": N_("People"),
    "dedicated_manager": N_("Dedicated CRM manager"),
}
"""the questionnaire groups of the bundled playbooks; another playbook's group shows its id"""


def group_title(group: str, lang: str) -> str:
    """A question group's heading in `lang`, the same in `crmwb intake` and the TUI (another playbook's:
    its id, made readable)."""
    return (
        gettext_in(lang, GROUP_TITLES[group])
        if group in GROUP_TITLES
        else group.replace("_", " ").capitalize()
    )


class AnswerInputError(ValueError):
    """Typed text that cannot answer the question; the message says what was expected."""


def is_answered(answers: dict[str, Any], question_id: str) -> bool:
    return answers.get(question_id) is not None


def question_applies(pb: Playbook, question: Question, answers: dict[str, Any]) -> bool:
    """Whether `question` is asked given the answers so far (defaults fill the gaps, as in resolve)."""
    return applies(question.when, complete_answers(pb, answers))


def questions_applying(pb: Playbook, answers: dict[str, Any]) -> list[bool]:
    """question_applies for every question, in order, with the defaults filled in once: asked question by
    question it is quadratic (the 75x playbook's 2,775 questions took 1.5 s to list in the TUI)."""
    full = complete_answers(pb, answers)
    return [applies(q.when, full) for q in pb.questions]


def next_question(
    pb: Playbook, answers: dict[str, Any], start: int = 0, ask_all: bool = False
) -> tuple[int, Question] | None:
    """The first question at index >= `start` to ask: it applies to the answers so far and, unless
    `ask_all`, is not answered yet. Re-evaluated after every answer, so an answer can open or close
    later questions."""
    full = complete_answers(pb, answers)
    for index in range(start, len(pb.questions)):
        question = pb.questions[index]
        if not ask_all and is_answered(answers, question.id):
            continue
        if applies(question.when, full):
            return index, question
    return None


def pending_count(pb: Playbook, answers: dict[str, Any]) -> int:
    """How many questions that apply now are still unanswered (for 'n left' in prompts)."""
    full = complete_answers(pb, answers)
    return sum(1 for q in pb.questions if not is_answered(answers, q.id) and applies(q.when, full))


def stale_answers(pb: Playbook, answers: dict[str, Any]) -> list[str]:
    """Answered questions that no longer apply (kept, since a later change may bring them back)."""
    full = complete_answers(pb, answers)
    return [q.id for q in pb.questions if is_answered(answers, q.id) and not applies(q.when, full)]


def _plain(value: Any) -> Any:
    """Builtin lists and dicts (answers read from YAML come as located subclasses the dumper refuses)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def ordered_answers(pb: Playbook, answers: dict[str, Any]) -> dict[str, Any]:
    """Plain answers in questionnaire order (unknown ids last), so engagement.yaml diffs stay small."""
    order = [q.id for q in pb.questions if q.id in answers]
    rest = [k for k in answers if k not in order]
    return {qid: _plain(answers[qid]) for qid in [*order, *rest]}


def _option(question: Question, token: str) -> str:
    ids = question.option_ids()
    if token.isdigit():
        number = int(token)
        if 1 <= number <= len(ids):
            return ids[number - 1]
        raise AnswerInputError(
            _("there is no option {number}; expected a number from 1 to {count} or one of: {ids}").format(
                number=number, count=len(ids), ids=", ".join(ids)
            )
        )
    for option_id in ids:
        if option_id.casefold() == token.casefold():
            return option_id
    raise AnswerInputError(
        _("unknown option {token}; expected a number from 1 to {count} or one of: {ids}").format(
            token=repr(token), count=len(ids), ids=", ".join(ids)
        )
    )


def _number(question: Question, text: str) -> int | float:
    cleaned = text.translate(_DIGITS).replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma, as Russian writes 2,5
    if len(cleaned) > _MAX_TYPED_NUMBER:  # int() of thousands of digits raises; nobody types that many
        raise AnswerInputError(
            _("a number of {count:,} characters; expected at most {limit}").format(
                count=len(cleaned), limit=_MAX_TYPED_NUMBER
            )
        )
    if _WHOLE.fullmatch(cleaned):  # exactly, not through a float that rounds 17+ digit numbers
        return int(cleaned)
    try:
        value = float(cleaned)
    except ValueError:
        raise AnswerInputError(
            _("{text} is not a number; expected digits, e.g. 25").format(text=repr(text))
        ) from None
    if not math.isfinite(value):
        raise AnswerInputError(_("{text} is not a number; expected digits, e.g. 25").format(text=repr(text)))
    return int(value) if value.is_integer() and "." not in cleaned and "e" not in cleaned.lower() else value


def parse_answer(question: Question, text: str) -> Any:
    """The value typed `text` gives `question`, or AnswerInputError saying what was expected.

    choice: an option id or its number in the list; multi_choice: a comma list of those (`-` for none);
    yes_no: y/n, yes/no, بله/خیر, да/нет; number: digits (Persian digits and a decimal comma too),
    within min/max; text: anything not empty."""
    text = text.strip()
    if not text:
        raise AnswerInputError(_("the answer is empty"))
    if question.type == "choice":
        return _option(question, text)
    if question.type == "multi_choice":
        if text.casefold() in NONE_WORDS:
            return []
        chosen = {_option(question, token) for token in _SEPARATORS.split(text) if token}
        return [option_id for option_id in question.option_ids() if option_id in chosen]
    if question.type == "yes_no":
        word = text.casefold().rstrip(".!")
        if word in YES:
            return True
        if word in NO:
            return False
        raise AnswerInputError(
            _("{text} is not yes or no; expected {words}").format(
                text=repr(text), words="y/n, yes/no, بله/خیر, да/нет"
            )
        )
    if question.type == "number":
        value = _number(question, text)
        problem = question.answer_problem(value)
        if problem:
            raise AnswerInputError(f"{text}: {problem}")
        return value
    problem = question.answer_problem(text)  # control characters could not be saved and read back
    if problem:
        raise AnswerInputError(problem)
    return text


def format_answer(question: Question, value: Any, lang: str = "en") -> str:
    """A value as a person would type it back: option ids, yes/no in `lang`, plain numbers."""
    if value is None:
        return ""
    if question.type == "yes_no" and isinstance(value, bool):
        yes, no = YES_NO_WORDS.get(lang, YES_NO_WORDS["en"])
        return yes if value else no
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "-"
    return str(value)
