"""Journey: answer intake questions; each answer lands in engagement.yaml at once, and the screen says
what the answers added or dropped."""

from __future__ import annotations

import yaml
from textual.widgets import OptionList

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle, text_of
from workbench.domain.answer_diff import diff_answers
from workbench.tui.app import make_app
from workbench.tui.screens.intake import IntakeScreen
from workbench.tui.widgets.answer_diff_view import AnswerDiffView
from workbench.tui.widgets.question_form import QuestionForm


def saved_answers(folder) -> dict:
    return yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["answers"]


async def open_question(pilot, question_id: str) -> QuestionForm:
    options = pilot.app.screen.query_one("#questions", OptionList)
    options.focus()
    options.highlighted = options.get_option_index(question_id)
    await pilot.press("enter")
    await pilot.pause()
    form = pilot.app.screen.query_one(QuestionForm)
    assert form.question.id == question_id
    return form


async def test_answer_questions_and_see_what_they_add_or_drop(engagement):
    before = saved_answers(engagement)
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)  # three questions are still open
        form = screen.query_one(QuestionForm)
        assert form.question.id == "sponsor_named" and form.question.type == "yes_no"
        assert "answered" in str(screen.query_one("#progress-label").content)

        await pilot.press("space")  # the switch has focus: yes, saved at once
        await settle(pilot)
        assert saved_answers(engagement)["sponsor_named"] is True

        form = await open_question(pilot, "target_go_live_months")
        await pilot.press(*"۱۲", "enter")  # Persian digits, as in `crmwb intake`
        await settle(pilot)
        assert saved_answers(engagement)["target_go_live_months"] == 12

        form = await open_question(pilot, "loyalty_programme")
        form.focus_input()
        await pilot.press("space")  # yes -> no: the loyalty work drops out
        await settle(pilot)
        after = saved_answers(engagement)
        assert after["loyalty_programme"] is False

        expected = diff_answers(screen.pb, before, after)
        assert expected.removed["tasks"]
        shown = text_of(screen.query_one(AnswerDiffView))
        assert "loyalty_programme: yes → no" in shown
        assert f"− {len(expected.removed['tasks'])} tasks" in shown
        assert f"− {len(expected.removed['requirements'])} requirements" in shown
        # the engagement re-opened on the new answers: the loyalty tasks left the task list
        dropped = expected.removed["tasks"][0].id
        assert dropped not in app.session.opened.resolved.task_map()
        assert app.session.states().get(dropped) is None


async def test_a_typed_answer_is_checked_before_it_is_saved(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_question(pilot, "target_go_live_months")
        await pilot.press(*"soon", "enter")
        await settle(pilot)
        assert "is not a number" in str(form.query_one("#q-error").content)
        assert "target_go_live_months" not in saved_answers(engagement)
        await pilot.press(*("backspace",) * 4, *"9")
        await pilot.press("ctrl+b")  # leaving the question keeps a valid typed value
        await settle(pilot)
        assert saved_answers(engagement)["target_go_live_months"] == 9


async def test_intake_resumes_where_it_stopped(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(QuestionForm).question.id != "sponsor_named"
