"""Intake saves exactly what the screen shows: a number typed without Enter survives Ctrl+Q, a
multi-choice question shows its default ticked and Ctrl+S saves it (it used to save `[]`, dropping 34
requirements on `modules`), and Ctrl+S pressed faster than the next question mounts answers each question
in turn instead of skipping one."""

from __future__ import annotations

import pytest
import yaml
from textual import events
from textual.widgets import SelectionList

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_journey_intake import open_question, saved_answers
from workbench.tui.app import make_app
from workbench.tui.screens.intake import IntakeScreen
from workbench.tui.widgets.question_form import QuestionForm

pytestmark = pytest.mark.usefixtures("quick_watcher")  # they wait for it to see changes


def unanswer(folder, *question_ids: str) -> None:
    path = folder / "engagement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for question_id in question_ids:
        del data["answers"][question_id]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


async def test_ctrl_q_saves_a_number_typed_without_enter(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_question(pilot, "target_go_live_months")
        await pilot.press("7")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (None, 0)
    assert saved_answers(engagement)["target_go_live_months"] == 7


async def test_a_number_typed_without_enter_is_saved_on_leaving_the_section(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_question(pilot, "target_go_live_months")
        await pilot.press("1", "1")
        await pilot.press("f4")
        await settle(pilot)
        assert saved_answers(engagement)["target_go_live_months"] == 11


async def test_a_multi_choice_default_is_shown_ticked_and_saved_as_shown(engagement):
    unanswer(engagement, "modules")
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_question(pilot, "modules")
        default = list(form.question.default)
        assert default and form.query_one("#answer", SelectionList).selected == default
        await settle(pilot)
        assert "modules" not in saved_answers(engagement)  # looking at a question answers nothing
        form.focus_input()
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert saved_answers(engagement)["modules"] == default


async def test_fast_ctrl_s_answers_each_question_in_turn(engagement):
    unanswer(engagement, "crm_kinds", "modules")
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        assert screen.query_one(QuestionForm).question.id == "sponsor_named"
        for _ in range(4):  # all four arrive before the next question has mounted
            app.post_message(events.Key("ctrl+s", None))
        await settle(pilot)
        assert screen.query_one(QuestionForm).question.id == "target_go_live_months"
    answers = saved_answers(engagement)
    pb = app.session.opened.playbook if app.session else None
    assert answers["sponsor_named"] is False and answers["budget_approved"] is False
    assert answers["crm_kinds"] == ["operational"] and answers["modules"] == ["sales"]
    assert "target_go_live_months" not in answers and pb is not None


async def test_a_failed_answer_save_says_what_was_saved_and_the_app_goes_on(engagement):
    """The store is locked by another program while an answer is saved: engagement.yaml is written, the
    task list cannot follow yet. The message says exactly that; the next section works; the task list
    follows once the lock is gone. The answer is one that changes the task list (sponsor_named does not:
    its save never needs the lock, and nothing is pending)."""
    from tests.tui.store_support import lock_held, notifications, wait_for
    from workbench.tui.screens.phases import PhasesScreen
    from workbench.tui.widgets.task_table import TaskTable

    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = saved_answers(engagement)["loyalty_programme"]
        with lock_held(engagement) as release:
            (await open_question(pilot, "loyalty_programme")).focus_input()
            await pilot.press("space")  # flips the answer, saved at once
            assert await wait_for(
                pilot,
                lambda: any("The answers are saved in engagement.yaml" in n for n in notifications(app)),
                steps=400,
                delay=0.1,
            )
            assert not any("were not saved" in n for n in notifications(app))
            assert saved_answers(engagement)["loyalty_programme"] is (not before)
            release()
        await pilot.press("f4")  # used to crash on the closed store connection
        await settle(pilot)
        assert isinstance(app.screen, PhasesScreen) and app.screen.query_one(TaskTable).row_count
        assert await wait_for(pilot, lambda: app.session.synced)
    assert app.return_code in (None, 0)


async def test_an_answer_given_with_the_cli_shows_in_the_open_intake_and_is_kept(engagement):
    from tests.tui.store_support import wait_for
    from tests.tui.test_trust_themes import crmwb

    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen) and "budget_approved" not in screen.answers
        done = crmwb("diff", engagement, "--set", "budget_approved=yes", "--apply")
        assert done.returncode == 0, done.stderr
        assert await wait_for(
            pilot, lambda: screen.answers.get("budget_approved") is True, steps=300, delay=0.1
        )
        assert screen.query_one(QuestionForm).question.id == "sponsor_named"
        await pilot.press("space")  # answer another question here: the CLI's answer stays
        await settle(pilot)
    answers = saved_answers(engagement)
    assert answers["sponsor_named"] is True and answers["budget_approved"] is True


async def test_an_answer_that_changes_the_task_list_is_reported_at_once_while_the_store_is_locked(engagement):
    """loyalty_programme adds or drops a task: with state.db locked by another program the notice that
    the answers are saved and the task list follows comes at once, the screen stays usable, and when the
    lock goes the task list follows and the person is told."""
    from tests.tui.store_support import lock_held, notifications, wait_for

    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = saved_answers(engagement)["loyalty_programme"]
        with lock_held(engagement) as release:
            form = await open_question(pilot, "loyalty_programme")
            form.focus_input()
            await pilot.press("space")
            assert await wait_for(
                pilot,
                lambda: any("The answers are saved in engagement.yaml" in n for n in notifications(app)),
                steps=400,
                delay=0.1,
            )
            assert saved_answers(engagement)["loyalty_programme"] is (not before)
            assert not app.session.synced
            await open_question(pilot, "sponsor_named")  # the screen goes on while the lock is held
            release()
        assert await wait_for(pilot, lambda: app.session.synced, steps=400, delay=0.1)
        assert await wait_for(
            pilot,
            lambda: any("task list is up to date" in n.lower() for n in notifications(app)),
            steps=100,
            delay=0.1,
        )
        tasks = app.session.states()
    assert ("post-06-loyalty-programme" in tasks) is (not before)
    assert app.return_code in (None, 0)


async def test_an_answer_taken_from_the_cli_is_not_counted_as_this_screens_edit(engagement):
    """Found by the soak: the CLI changes an answer twice; the open intake takes the first change, and an
    answer given on the screen before it has seen the second used to be refused as a clash on the CLI's
    question (the screen counted the value it took from the file as its own edit)."""
    from tests.tui.store_support import notifications, wait_for
    from tests.tui.test_trust_themes import crmwb
    from workbench.tui.screens.dialogs import ErrorDialog

    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        assert crmwb("diff", engagement, "--set", "target_go_live_months=7", "--apply").returncode == 0
        assert await wait_for(
            pilot, lambda: screen.answers.get("target_go_live_months") == 7, steps=300, delay=0.1
        )
        app.watcher.check = lambda force=False: None  # the screen has not seen the next change yet
        assert crmwb("diff", engagement, "--set", "target_go_live_months=8", "--apply").returncode == 0
        await pilot.press("space")  # sponsor_named: yes
        await settle(pilot)
        assert not isinstance(app.screen, ErrorDialog), app.screen.message
        assert any(n.startswith("Saved") for n in notifications(app))
    answers = saved_answers(engagement)
    assert answers["sponsor_named"] is True and answers["target_go_live_months"] == 8
