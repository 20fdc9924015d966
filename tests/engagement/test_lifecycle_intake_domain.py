"""The questionnaire walk and typed-answer parsing (domain.intake), on the bundled core questionnaire."""

from __future__ import annotations

import pytest

from workbench.domain.intake import (
    AnswerInputError,
    format_answer,
    next_question,
    ordered_answers,
    parse_answer,
    pending_count,
    question_applies,
    questions_applying,
    stale_answers,
)
from workbench.loading.playbooks import load_playbook


@pytest.fixture(scope="module")
def pb():
    return load_playbook("core").playbook


@pytest.fixture(scope="module")
def q(pb):
    return pb.question_map()


def test_choice_by_id_or_number(q):
    question = q["business_model"]  # options b2b, b2c, both
    assert parse_answer(question, "b2c") == "b2c"
    assert parse_answer(question, " B2C ") == "b2c"
    assert parse_answer(question, "3") == "both"
    with pytest.raises(AnswerInputError, match="there is no option 4; expected a number from 1 to 3"):
        parse_answer(question, "4")
    with pytest.raises(AnswerInputError, match="unknown option 'b2x'.*b2b, b2c, both"):
        parse_answer(question, "b2x")


def test_multi_choice_as_a_comma_list(q):
    question = q["modules"]
    ids = question.option_ids()
    assert parse_answer(question, f"{ids[2]}, 1") == [ids[0], ids[2]]  # questionnaire order, no duplicates
    assert parse_answer(question, f"1،{ids[0]}") == [ids[0]]  # Persian comma
    assert parse_answer(question, "-") == []
    with pytest.raises(AnswerInputError, match="unknown option 'crm'"):
        parse_answer(question, "1, crm")


@pytest.mark.parametrize(
    "text, value",
    [
        ("y", True),
        ("Yes", True),
        ("بله", True),
        ("да", True),
        ("Д", True),
        ("n", False),
        ("no", False),
        ("خیر", False),
        ("нет", False),
    ],
)
def test_yes_no_in_three_languages(q, text, value):
    assert parse_answer(q["loyalty_programme"], text) is value


def test_yes_no_refuses_anything_else(q):
    with pytest.raises(AnswerInputError, match="not yes or no; expected y/n, yes/no, بله/خیر, да/нет"):
        parse_answer(q["loyalty_programme"], "maybe")


def test_numbers_with_limits_and_other_digits(q):
    question = q["specialist_time_share"]  # 0..100
    assert parse_answer(question, "50") == 50 and isinstance(parse_answer(question, "50"), int)
    assert parse_answer(question, "۵۰") == 50  # Persian digits
    assert parse_answer(question, "12,5") == 12.5  # a Russian decimal comma
    with pytest.raises(AnswerInputError, match="expected at most 100"):
        parse_answer(question, "150")
    with pytest.raises(AnswerInputError, match="not a number"):
        parse_answer(question, "half")
    with pytest.raises(AnswerInputError, match="not a number"):
        parse_answer(question, "nan")


def test_text_and_empty(q):
    assert parse_answer(q["current_systems"], "  1C and Excel ") == "1C and Excel"
    with pytest.raises(AnswerInputError, match="empty"):
        parse_answer(q["business_model"], "  ")


def test_the_walk_skips_questions_whose_condition_fails(pb):
    answers = {"has_crm_specialist": False}
    asked, index = [], 0
    while (found := next_question(pb, answers, index, ask_all=True)) is not None:
        index, question = found
        asked.append(question.id)
        index += 1
    assert "has_crm_specialist" in asked and "specialist_time_share" not in asked
    answers["has_crm_specialist"] = True
    start = [qq.id for qq in pb.questions].index("has_crm_specialist") + 1
    assert next_question(pb, answers, start, ask_all=True)[1].id == "specialist_time_share"


def test_without_all_only_open_questions_are_asked(pb):
    answers = {qq.id: qq.default for qq in pb.questions if qq.default is not None}
    answers |= {"business_model": "b2b", "industry": pb.question_map()["industry"].option_ids()[0]}
    walk = _walk(pb, answers)
    assert walk and not set(walk) & set(answers)
    assert pending_count(pb, answers) == len(walk)


@pytest.mark.parametrize("has_specialist", [True, False])
def test_all_questions_at_once_agree_with_each_asked_alone(pb, has_specialist):
    """The TUI lists every question's state in one pass; it must say what asking one by one says."""
    answers = {"has_crm_specialist": has_specialist, "business_model": "b2c"}
    at_once = questions_applying(pb, answers)
    assert at_once == [question_applies(pb, qq, answers) for qq in pb.questions]
    index = [qq.id for qq in pb.questions].index("specialist_time_share")
    assert at_once[index] is has_specialist


def _walk(pb, answers):
    out, index = [], 0
    while (found := next_question(pb, answers, index)) is not None:
        index, question = found
        out.append(question.id)
        index += 1
    return out


def test_stale_and_ordered_answers(pb):
    answers = {"specialist_time_share": 50, "has_crm_specialist": False, "business_model": "b2b"}
    assert stale_answers(pb, answers) == ["specialist_time_share"]
    assert list(ordered_answers(pb, answers)) == [
        "business_model",
        "has_crm_specialist",
        "specialist_time_share",
    ]


def test_format_answer_reads_back(q):
    assert format_answer(q["loyalty_programme"], True, "fa") == "بله"
    assert format_answer(q["loyalty_programme"], False, "ru") == "нет"
    assert format_answer(q["modules"], ["sales", "service"]) == "sales, service"
    assert format_answer(q["modules"], []) == "-"
    assert format_answer(q["sales_team_size"], None) == ""
