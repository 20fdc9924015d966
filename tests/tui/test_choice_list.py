"""A choice question's answer list (widgets/choice_list.py): RadioSet's keys and meaning in one widget.
The arrows move, Enter or Space chooses and saves at once, a click chooses, choosing the chosen option
again saves nothing, and Ctrl+S with nothing chosen says so."""

from __future__ import annotations

import yaml

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_journey_intake import open_question
from workbench.tui.app import make_app
from workbench.tui.widgets.choice_list import CHOSEN, NOT_CHOSEN, ChoiceList


def saved(folder, question: str):
    return yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["answers"].get(question)


def marks(choices: ChoiceList) -> list[str]:
    return [str(choices.get_option_at_index(i).prompt)[0] for i in range(choices.option_count)]


async def test_the_keys_choose_and_save_and_the_chosen_option_is_marked(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_question(pilot, "business_model")
        form.focus_input()
        choices = form.query_one(ChoiceList)
        before = saved(engagement, "business_model")
        ids = [o.id for o in form.question.options]
        assert marks(choices)[ids.index(before)] == CHOSEN and marks(choices).count(CHOSEN) == 1
        assert choices.highlighted == ids.index(before)
        other = (ids.index(before) + 1) % len(ids)
        for _ in range((other - ids.index(before)) % len(ids)):
            await pilot.press("down")
        await pilot.press("space")
        await settle(pilot)
        assert saved(engagement, "business_model") == ids[other]
        assert marks(choices)[other] == CHOSEN and marks(choices).count(CHOSEN) == 1
        revision = yaml.safe_load((engagement / "engagement.yaml").read_text(encoding="utf-8"))["revision"]
        await pilot.press("enter")  # the chosen option again: nothing to save
        await settle(pilot)
        again = yaml.safe_load((engagement / "engagement.yaml").read_text(encoding="utf-8"))["revision"]
        assert again == revision


async def test_a_click_chooses_the_option_clicked(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_question(pilot, "company_size")
        choices = form.query_one(ChoiceList)
        ids = [o.id for o in form.question.options]
        target = next(i for i, mark in enumerate(marks(choices)) if mark == NOT_CHOSEN)
        await pilot.click(ChoiceList, offset=(4, target + 1))  # + 1: the list's top border
        await settle(pilot)
        assert saved(engagement, "company_size") == ids[target]
        assert marks(choices)[target] == CHOSEN


async def test_saving_with_nothing_chosen_says_so(engagement):
    app = make_app(engagement, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = await open_question(pilot, "business_model")
        form.query_one(ChoiceList).chosen = None
        assert form.shown_answer() is None
        assert "Choose an option first" in str(form.query_one("#q-error").render())
