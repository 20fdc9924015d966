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


async def _close_dialogs(pilot, reason: str) -> bool:
    """Answer a reason dialog (block, skip, done with open predecessors) if the app shows one; dismiss an
    error dialog. True when an error dialog was shown (the edit was refused)."""
    from tests.tui.helpers import settle
    from workbench.tui.screens.dialogs import ErrorDialog, PromptDialog

    refused = False
    for _ in range(3):
        screen = pilot.app.screen
        if isinstance(screen, PromptDialog):
            await pilot.press(*reason, "enter")
        elif isinstance(screen, ErrorDialog):
            refused = True
            await pilot.press("escape")
        else:
            return refused
        await settle(pilot)
    return refused


def _outcome(notes: list[str], refused: bool) -> dict:
    """{"result": "ok" or "refused"}, with "waited": True when the app said another program was writing
    first (the edit landed after the wait: it is in the history like any other)."""
    text = "\n".join(notes)
    if refused or "Not saved" in text or "not saved" in text:
        return {"result": "refused"}
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
    return {"kind": "note", "task": task, "value": text, **_outcome(_new_notes(app, seen), False)}


async def _answer(pilot, actions: Actions, saves: list) -> dict:
    from textual.widgets import Input, Switch

    from tests.tui.helpers import settle
    from tests.tui.test_journey_intake import open_question

    app = pilot.app
    question, value = actions.next_answer()
    record = {"kind": "answer", "question": question, "value": value}
    await app.action_section("intake")
    await settle(pilot)
    form = await open_question(pilot, question)
    widget = form.query_one("#answer")
    seen, before = _seen(app), len(saves)
    if isinstance(widget, Switch):
        if widget.value == value:
            return {**record, "result": "noop"}
        form.focus_input()
        await pilot.press("space")
    else:
        assert isinstance(widget, Input)
        form.focus_input()
        await pilot.press("end", "ctrl+u", *str(value), "enter")
    await settle(pilot)
    refused = await _close_dialogs(pilot, "")
    await settle(pilot)
    done = saves[before:]
    outcome = _outcome(_new_notes(app, seen), refused)
    if refused or not done:
        return {**record, "result": "refused" if refused else "noop"}
    last = done[-1]
    if not last.written:
        return {**record, "result": "noop"}
    return {**record, **outcome, "revision": last.revision,
            "sync_error": last.sync_error}


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
            record = await (step(pilot, actions) if step else _answer(pilot, actions, saves))
            records.append({"writer": "tui", **record})
        await settle(pilot)
    assert app.return_code in (None, 0)
    return records
