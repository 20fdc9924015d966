"""The TUI writer of the soak test: the real WorkbenchApp under Pilot, edited through its keys.

Status moves (s/d/b/k on the phases screen, with the reason dialog where the app asks for one), notes
(n and the note dialog) and answers (the intake form: Space on a yes/no switch, digits and Enter in a
number input). Each edit is logged with the outcome the app showed: "ok" (landed at once), "busy" (the
app said another program was writing, then saved it: still in the history), "refused" (the app said it
was not saved), "noop" (nothing to change). An answer write's revision comes from a spy on the save
function the intake calls: the replay needs it, the screen does not show it."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from tests.engagement.soak_writer import Actions

MOVE_KEYS = {"in_progress": "s", "done": "d", "blocked": "b", "skipped": "k"}


def _notes(app) -> list[str]:
    return [f"{n.title or ''}: {n.message}" for n in app._notifications]


def _new_notes(app, seen: set[str]) -> list[str]:
    """Notifications that appeared since `seen` was taken (by identity: the same text can come again)."""
    return [f"{n.title or ''}: {n.message}" for n in app._notifications if n.identity not in seen]


def _seen(app) -> set[str]:
    return {n.identity for n in app._notifications}


async def _close_dialogs(pilot, reason: str) -> str | None:
    """Answer a reason dialog (block, skip, done with open predecessors) if the app shows one; dismiss an
    error dialog. The error dialog's title and text when one was shown (the edit was refused)."""
    from tests.tui.helpers import settle
    from workbench.tui.screens.dialogs import ErrorDialog, PromptDialog

    refused = None
    for _ in range(3):
        screen = pilot.app.screen
        if isinstance(screen, PromptDialog):
            await pilot.press(*reason, "enter")
        elif isinstance(screen, ErrorDialog):
            refused = f"{screen.title_text}: {screen.message}"
            await pilot.press("escape")
        else:
            return refused
        await settle(pilot)
    return refused


def _outcome(notes: list[str], refused: str | None) -> dict:
    """{"result": "ok" or "refused"}, with "waited": True when the app said another program was writing
    first (the edit landed after the wait: it is in the history like any other); a refusal keeps what
    the app said."""
    text = "\n".join(notes)
    if refused or "Not saved" in text or "not saved" in text:
        return {"result": "refused", "said": refused or text}
    waited = "Store busy" in text or "other program has finished" in text or "task list pending" in text
    return {"result": "ok", "waited": waited}


async def _status(pilot, actions: Actions) -> dict:
    from tests.tui.helpers import settle
    from workbench.tui.widgets.task_table import TaskTable

    app = pilot.app
    task, _move, status = actions.next_move()
    await app.show_task(task)
    await settle(pilot)
    table = app.screen.query_one(TaskTable)
    assert table.current_id == task, (table.current_id, task)
    seen = _seen(app)
    await pilot.press(MOVE_KEYS[status])
    await settle(pilot)
    refused = await _close_dialogs(pilot, "soak")
    await settle(pilot)
    outcome = _outcome(_new_notes(app, seen), refused)
    if outcome["result"] == "ok":
        shown = app.screen.query_one(TaskTable).views[task].status
        assert shown == status, (task, status, shown, _new_notes(app, seen))
        actions.status[task] = status
    return {"kind": "status", "task": task, "value": status, **outcome}


async def _note(pilot, actions: Actions) -> dict:
    from tests.tui.helpers import settle

    app = pilot.app
    task, text = actions.next_note()
    await app.show_task(task)
    await settle(pilot)
    seen = _seen(app)
    await pilot.press("n")
    await settle(pilot)
    await _close_dialogs(pilot, text)
    await settle(pilot)
    return {"kind": "note", "task": task, "value": text, **_outcome(_new_notes(app, seen), None)}


async def _answer(pilot, actions: Actions, saves: list) -> dict:
    from textual.widgets import Input, Switch

    from tests.tui.helpers import settle
    from tests.tui.test_journey_intake import open_question
    from workbench.tui.widgets.question_form import QuestionForm

    app = pilot.app
    question, value = actions.next_answer()
    record = {"kind": "answer", "question": question, "value": value}
    await app.action_section("intake")
    await settle(pilot)
    form = await open_question(pilot, question)
    seen, before = _seen(app), len(saves)
    retyped = -1
    while retyped < 3 and len(saves) == before:
        # the form can be replaced under the keys when another writer changes this very question (the
        # app says "engagement.yaml changed elsewhere" and shows the file's value): type it again there
        retyped += 1
        form = app.screen.query_one(QuestionForm)
        assert form.question.id == question, (form.question.id, question)
        widget = form.query_one("#answer")
        if app.screen.answers.get(question) == value:  # the screen shows this answer already
            return {**record, "result": "noop", "retyped": retyped}
        form.focus_input()
        if isinstance(widget, Switch):
            assert widget.value != value, (question, value)
            await pilot.press("space")
        else:
            assert isinstance(widget, Input)
            await pilot.press("end", "ctrl+u", *str(value), "enter")
        await settle(pilot)
        refused = await _close_dialogs(pilot, "")
        await settle(pilot)
        if refused:
            return {**record, **_outcome(_new_notes(app, seen), refused), "retyped": retyped}
    done = saves[before:]
    assert done, (question, value, "the keys saved nothing", _new_notes(app, seen))
    last = done[-1]
    if not last.written:
        return {**record, "result": "noop", "retyped": retyped}
    return {
        **record,
        **_outcome(_new_notes(app, seen), None),
        "revision": last.revision,
        "sync_error": last.sync_error,
        "retyped": retyped,
    }


async def run_tui_writer(folder: Path, config: dict, seconds: float, today: date, monkeypatch) -> list[dict]:
    """Random edits through the app's keys for `seconds`; the log of every attempt and its outcome."""
    import workbench.app.session as session_module
    from tests.tui.helpers import settle
    from workbench.tui.app import make_app

    saves: list = []
    real = session_module.change_answers

    def spy(*args, **kwargs):
        changed = real(*args, **kwargs)
        saves.append(changed.result)
        return changed

    monkeypatch.setattr(session_module, "change_answers", spy)
    actions, records = Actions(config, "tui", config["seed"]), []
    app = make_app(folder, author="tui", today=today, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            kind = actions.pick()
            step = {"status": _status, "note": _note}.get(kind)
            began = time.monotonic()
            record = await (step(pilot, actions) if step else _answer(pilot, actions, saves))
            records.append({"writer": "tui", **record, "seconds": round(time.monotonic() - began, 2)})
        await settle(pilot)
    assert app.return_code in (None, 0)
    return records
