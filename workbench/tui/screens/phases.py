"""The phase navigator: pre-deployment, deployment and post-deployment, each phase's tasks in plan order
with status, owner, assignee, due date and the critical path; the selected task's checklist and history.

Keys change the selected task (s start, d done, b block, k skip, r reopen, a assign, n note); each change
goes to the store through Session, with its author, and lands in the task's history; Ctrl+Z takes the last
one back with a new event (phases_undo.py). m, l, !, * and / find work (phases_find.py). Every store call runs
in a worker (workbench.tui.store_queue): a store another program is writing to is reported at once and the
change retried while the list stays usable; results come back as messages and only handlers touch state.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Select, Static, Tab, Tabs

from workbench.app.session import Session
from workbench.app.task_undo import TaskChange
from workbench.domain.text import tr
from workbench.domain.tracking import Event, TaskState, TaskView, task_views
from workbench.i18n import N_, _, current_language
from workbench.tui import messages as m
from workbench.tui.bidi import visual
from workbench.tui.screens.phases_find import FIND_BINDINGS, FindActions
from workbench.tui.screens.phases_undo import UNDO_BINDING, Landed, Undoable, UndoActions
from workbench.tui.screens.phases_week import WeekActions
from workbench.tui.widgets.task_detail import TaskDetail
from workbench.tui.widgets.task_table import STATUS_LABELS, TaskTable

MOVES = {
    "start": "in_progress",
    "done": "done",
    "block": "blocked",
    "skip": "skipped",
    "reopen": "not_started",
}
MOVE_LABELS = {
    "start": N_("Start"),
    "done": N_("Done"),
    "block": N_("Block"),
    "skip": N_("Skip"),
    "reopen": N_("Reopen"),
}
"""translated with _() where shown (never at import: the interface language is chosen later)"""
HISTORY = 8


class PhaseTab(Tab):
    """A phase's tab, whose label grows a count (done/all) once the tasks are read."""

    def on_resize(self) -> None:
        """Measure the underline again now that the new width is laid out. Textual measures it after the
        next refresh following a relabel, which could come before the layout: the underline then kept
        the width of the label without its count (the flaky Persian Phases snapshot, 1 run in 5)."""
        if self.has_class("-active"):
            self.query_ancestor(Tabs)._highlight_active(animate=False)


def phase_labels(pb) -> dict[str, str]:
    """Phase id -> the playbook's own name of the phase, in the interface language, in playbook order."""
    return {phase.id: tr(phase.name, current_language()) for phase in pb.phases}


class PhasesScreen(FindActions, UndoActions, WeekActions):
    SECTION = "phases"
    HELP = N_(
        "Work the tasks of each phase; every change is saved at once with its author. In the details "
        "pane (i), Space ticks a checklist item."
    )
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s", "move('start')", N_("Start"), id="phases.start", tooltip=N_("Mark the task in progress")
        ),
        Binding("d", "move('done')", N_("Done"), id="phases.done", tooltip=N_("Mark the task done")),
        Binding(
            "b",
            "move('block')",
            N_("Block"),
            id="phases.block",
            tooltip=N_("Mark the task blocked (asks why)"),
        ),
        Binding("k", "move('skip')", N_("Skip"), id="phases.skip", tooltip=N_("Skip the task (asks why)")),
        Binding(
            "r",
            "move('reopen')",
            N_("Reopen"),
            show=False,
            id="phases.reopen",
            tooltip=N_("Back from done (to in progress) or skipped (to not started)"),
        ),
        Binding("a", "assign", N_("Assign"), id="phases.assign", tooltip=N_("Give the task to a person")),
        Binding("n", "note", N_("Note"), id="phases.note", tooltip=N_("Add a note to the task's history")),
        Binding(
            "i",
            "details",
            N_("Details"),
            id="phases.details",
            tooltip=N_("Show or hide the task's details, checklist and history"),
        ),
        Binding("left_square_bracket", "phase(-1)", N_("Prev phase"), show=False, id="phases.previous_phase"),
        Binding("right_square_bracket", "phase(1)", N_("Next phase"), show=False, id="phases.next_phase"),
        Binding(
            "f",
            "filters",
            N_("Filter"),
            show=False,
            id="phases.filter",
            tooltip=N_("Filter by role and status"),
        ),
        Binding(
            "slash",
            "search",
            N_("Search"),
            show=False,
            id="phases.search",
            tooltip=N_(
                "Find tasks by id, name, description, checklist, owner or assignee, in any of the "
                "playbook's languages and any spelling"
            ),
        ),
        Binding(
            "u",
            "due",
            N_("Due date"),
            show=False,
            id="phases.due",
            tooltip=N_("Set the task's due date on the engagement's calendar, and its assignee"),
        ),
        Binding(
            "c",
            "close_phase",
            N_("Close phase"),
            show=False,
            id="phases.close_phase",
            tooltip=N_("Close the phase shown at its gate (an override needs a reason)"),
        ),
        Binding(
            "w",
            "report",
            N_("Report"),
            show=False,
            id="phases.report",
            tooltip=N_("Preview the weekly status report, then write it as md and html"),
        ),
        *FIND_BINDINGS,
        UNDO_BINDING,
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.labels = phase_labels(session.opened.resolved)
        self.phase = next(iter(self.labels), "pre_deployment")
        self.views: list[TaskView] = []
        self.states: dict[str, TaskState] = {}
        self._history: dict[str, list[Event]] = {}
        self.loaded = False
        """True once the first read of the store came back"""
        self._select_when_loaded: str | None = None
        self.toggles: set[str] = set()
        """the quick filters switched on (domain.task_find.QUICK_FILTERS)"""
        self._search_keys: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        yield Tabs(*[PhaseTab(visual(label), id=pid) for pid, label in self.labels.items()], id="phase-tabs")
        with Horizontal(id="phase-filters"):
            yield Label(visual(_("Role")), classes="filter-label")
            yield Select([], prompt=visual(_("Every role")), id="role-filter", compact=True)
            yield Label(visual(_("Status")), classes="filter-label")
            yield Select(
                [(visual(_("Open (not done or skipped)")), "open")]
                + [(visual(_(label)), key) for key, label in STATUS_LABELS.items()],
                prompt=visual(_("Any status")),
                id="status-filter",
                compact=True,
            )
            yield Input(placeholder=visual(_("/ search tasks")), id="task-search", compact=True)
        yield Static("", id="find-summary", markup=False)
        with Horizontal(id="phases-body"):
            yield TaskTable(id="tasks")
            yield TaskDetail(id="detail")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(TaskTable).focus()

    def on_screen_resume(self) -> None:  # WorkbenchScreen's runs too (Textual calls each class's)
        if self.is_mounted:
            self.reload()  # answers may have changed the task list since we were last shown

    # ---- data: read in workers, applied by the handlers
    def reload(self, keep: str | None = None) -> None:
        """Read the task states again (after answer changes, a change made elsewhere, Ctrl+R)."""
        self._read_states(keep or self.query_one(TaskTable).current_id)

    def refresh_data(self) -> None:
        """The app noticed a change made elsewhere (or Ctrl+R): re-read, keeping cursor and filters."""
        self._history.clear()
        self.reload()

    @work(thread=True, exclusive=True, group="phases-read", description="phases-read", exit_on_error=False)
    def _read_states(self, keep: str | None) -> None:
        with self.wb.store_queue.lock:
            states = self.session.states()
            history = self.session.opened.store.history(keep, limit=HISTORY) if keep else []
        self.post_message(m.StoreRead("states", (states, keep, history)))

    @work(
        thread=True, exclusive=True, group="phases-history", description="phases-history", exit_on_error=False
    )
    def _read_history(self, task_id: str) -> None:
        with self.wb.store_queue.lock:
            history = self.session.opened.store.history(task_id, limit=HISTORY)
        self.post_message(m.StoreRead("history", (task_id, history)))

    @on(m.StoreRead)
    def _read_back(self, message: m.StoreRead) -> None:
        message.stop()
        if message.what == "states":
            states, keep, history = message.result
            if keep:
                self._history[keep] = history
            self._take_states(states, keep)
        elif message.what == "history":
            task_id, history = message.result
            self._history[task_id] = history
            if self.query_one(TaskTable).current_id == task_id:
                self._show_detail()

    def _take_states(self, states: dict[str, TaskState], keep: str | None) -> None:
        """Recompute every task view from `states` and show them, the cursor staying on `keep`."""
        self.states, self.loaded = states, True
        self._search_keys.clear()  # the answers may have changed the playbook's tasks
        opened = self.session.opened
        self.views = task_views(opened.resolved, opened.plan, states, current_language())
        roles = opened.resolved.role_map()
        owners = list(dict.fromkeys(v.owner for v in self.views))
        role_filter = self.query_one("#role-filter", Select)
        chosen = role_filter.value
        lang = current_language()
        self.query_one(TaskTable).owner_names = {r: tr(roles[r].name, lang) for r in owners if r in roles}
        role_filter.set_options([(visual(tr(roles[o].name, lang)) if o in roles else o, o) for o in owners])
        if chosen in owners:
            role_filter.value = chosen
        self._update_tabs()
        self._fill(keep or self.query_one(TaskTable).current_id)
        if self._select_when_loaded is not None:
            task_id, self._select_when_loaded = self._select_when_loaded, None
            self.select_task(task_id)

    def _update_tabs(self) -> None:
        tabs = self.query_one(Tabs)
        from workbench.domain.locale import localize_digits

        for pid, label in self.labels.items():
            mine = [v for v in self.views if v.phase == pid]
            closed = sum(v.status in ("done", "skipped") for v in mine)
            count = localize_digits(f"{closed}/{len(mine)}", current_language())
            tabs.query_one(f"#{pid}", Tab).label = visual(f"{label} {count}")

    def _visible(self) -> list[TaskView]:
        role = self.query_one("#role-filter", Select).value
        status = self.query_one("#status-filter", Select).value
        shown = [v for v in self.views if v.phase == self.phase]
        if role is not Select.NULL:
            shown = [v for v in shown if v.owner == role]
        if status == "open":
            shown = [v for v in shown if v.status not in ("done", "skipped")]
        elif status is not Select.NULL:
            shown = [v for v in shown if v.status == status]
        return self.found(shown)

    def _fill(self, keep: str | None = None) -> None:
        shown = self._visible()
        self.query_one(TaskTable).set_tasks(shown, self.wb.today, keep)
        self.show_summary(len(shown), sum(v.phase == self.phase for v in self.views))
        self._show_detail()

    def current_task_id(self) -> str | None:
        return self.query_one(TaskTable).current_id

    def owner_name(self, role: str) -> str:
        return self.query_one(TaskTable).owner_names.get(role, role)

    def _show_detail(self) -> None:
        table = self.query_one(TaskTable)
        task_id = table.current_id
        detail = self.query_one(TaskDetail)
        opened = self.session.opened
        task = opened.resolved.task_map().get(task_id or "")
        view = table.views.get(task_id or "")
        history = self._history.get(task_id or "")
        if task_id and history is None:
            self._read_history(task_id)  # shown when it comes back
        names = {r.id: tr(r.name, current_language()) for r in opened.resolved.roles}
        writing = bool(self.wb.store_queue.pending)
        detail.show(task, view, self.states.get(task_id or ""), history or [], names, writing=writing)
        self.refresh_bindings()

    @property
    def selected(self) -> TaskView | None:
        table = self.query_one(TaskTable)
        return table.views.get(table.current_id or "")

    # ---- events
    @on(Tabs.TabActivated, "#phase-tabs")
    def _phase_chosen(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self.phase:
            self.phase = event.tab.id
            self._fill()

    @on(Select.Changed)
    def _filtered(self) -> None:
        self._fill(self.query_one(TaskTable).current_id)

    @on(Input.Changed, "#task-search")
    def _searched(self) -> None:
        self._fill(self.query_one(TaskTable).current_id)

    @on(Input.Submitted, "#task-search")
    def _search_done(self) -> None:
        self.query_one(TaskTable).focus()

    def action_search(self) -> None:
        self.query_one("#task-search", Input).focus()

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#tasks")
    def _selected(self) -> None:
        self.action_details()

    @on(m.ChecklistItemToggled)
    def _ticked(self, message: m.ChecklistItemToggled) -> None:
        state = _("done") if message.done else _("open again")
        label = _("Item {number} of {task} {state}").format(
            number=message.index + 1, task=message.task_id, state=state
        )
        self._apply(
            lambda: self.session.check_item(message.task_id, message.index, message.done),
            label,
            message.task_id,
        )

    # ---- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return True if self.last_change else None
        if action in ("move", "assign", "note", "due"):
            view = self.selected
            if view is None:
                return None
            if action == "move" and MOVES.get(str(parameters[0])) == view.status:
                return None
        return True

    def _apply(self, change, label: str, task_id: str, undoable: bool = False) -> None:
        """Queue one store change; the list shows it when it landed (StoreDone), or says why not. An
        `undoable` change (status, assignee, due date) is remembered for Ctrl+Z with the events it made."""
        from workbench.app.task_undo import recorded_change
        from workbench.tui.store_queue import StoreJob

        made: list[TaskChange | None] = []

        def write() -> None:
            if undoable:
                made.append(recorded_change(self.session.opened, task_id, change))
            else:
                change()

        def after() -> Landed:
            history = self.session.opened.store.history(task_id, limit=HISTORY)
            recorded = made[-1] if made else None
            return Landed(self.session.states(), history, Undoable(recorded, label) if recorded else None)

        self.wb.store_queue.submit(StoreJob(label, write, self, after))

    @on(m.StoreDone)
    def _change_landed(self, message: m.StoreDone) -> None:
        message.stop()
        states, history, undoable = message.result
        self.remember(undoable)
        current = self.query_one(TaskTable).current_id
        self._history.clear()
        if current:
            self._history[current] = history
        self._take_states(states, current)
        if message.waited:
            self.notify(
                _("Saved now that the other program has finished: {change}.").format(change=message.label),
                timeout=4,
            )

    @on(m.StoreWaiting)
    def _store_busy(self, message: m.StoreWaiting) -> None:
        message.stop()
        self.notify(
            _(
                "Another program is writing to the engagement; retrying… ({change} will be saved as "
                "soon as it has finished.)"
            ).format(change=message.label),
            title=_("Store busy"),
            severity="warning",
            timeout=6,
        )

    @on(m.StoreRefused)
    def _store_refused(self, message: m.StoreRefused) -> None:
        message.stop()
        self.notify(
            _("Not saved: {change}: {reason}").format(change=message.label, reason=message.message),
            severity="error",
            timeout=6,
        )

    def action_move(self, move: str) -> None:
        view = self.selected
        if view is None:
            return
        status = MOVES[move]
        label = _("{move} '{task}'").format(move=_(MOVE_LABELS[move]), task=view.name)
        if move in ("block", "skip"):
            from workbench.tui.screens.dialogs import PromptDialog

            def reason(text: str | None) -> None:
                if text:
                    self._apply(
                        lambda: self.session.set_status(view.id, status, text), label, view.id, undoable=True
                    )

            title = _("Why is it blocked?") if move == "block" else _("Why is it skipped?")
            self.app.push_screen(
                PromptDialog(
                    title,
                    _("{name}\nThe reason goes into the task's history.").format(name=view.name),
                    required=True,
                    ok_label=_(MOVE_LABELS[move]),
                ),
                reason,
            )
            return
        if move == "done":
            self._done(view, label)
            return
        if move == "reopen":
            from workbench.domain.task_rules import reopened_status

            back = reopened_status(view.status)
            if back is not None:
                self._apply(
                    lambda: self.session.set_status(view.id, back, _("reopened")),
                    label,
                    view.id,
                    undoable=True,
                )
                return
        self._apply(lambda: self.session.set_status(view.id, status), label, view.id, undoable=True)

    def _done(self, view: TaskView, label: str) -> None:
        """Done at once when the rules allow it; otherwise a dialog says what is open and asks for the
        reason to close it anyway (the same rule and history note as `crmwb task done --force`)."""
        from workbench.domain.task_rules import check_done, forced_note
        from workbench.tui.screens.dialogs import PromptDialog

        check = check_done(self.session.opened.resolved, view.id, self.session.states())
        if check.allowed:
            self._apply(lambda: self.session.set_status(view.id, "done"), label, view.id, undoable=True)
            return

        def reason(text: str | None) -> None:
            if text:
                self._apply(
                    lambda: self.session.set_status(view.id, "done", forced_note(text, check)),
                    label,
                    view.id,
                    undoable=True,
                )

        open_items = "\n".join(f"• {line}" for line in check.reasons())
        self.app.push_screen(
            PromptDialog(
                _("Mark it done anyway?"),
                _(
                    "{name}\n{open}\nGive the reason to close it anyway; it goes into the task's history."
                ).format(name=view.name, open=open_items),
                required=True,
                ok_label=_("Done anyway"),
            ),
            reason,
        )

    def action_assign(self) -> None:
        from workbench.tui.screens.dialogs import PromptDialog

        view = self.selected
        if view is None:
            return

        def chosen(name: str | None) -> None:
            if name is not None:
                self._apply(
                    lambda: self.session.assign(view.id, name or None),
                    _("Assign '{task}'").format(task=view.name),
                    view.id,
                    undoable=True,
                )

        self.app.push_screen(
            PromptDialog(
                _("Assign"),
                _("{name}\nWho does it? (empty: nobody)").format(name=view.name),
                view.assignee or "",
                ok_label=_("Assign"),
            ),
            chosen,
        )

    def action_note(self) -> None:
        from workbench.tui.screens.dialogs import PromptDialog

        view = self.selected
        if view is None:
            return

        def chosen(text: str | None) -> None:
            if text:
                self._apply(
                    lambda: self.session.add_note(view.id, text),
                    _("Note on '{task}'").format(task=view.name),
                    view.id,
                )

        self.app.push_screen(
            PromptDialog(
                _("Note"),
                _("{name}\nThe note goes into the task's history.").format(name=view.name),
                required=True,
                ok_label=_("Add"),
            ),
            chosen,
        )

    def action_details(self) -> None:
        body = self.query_one("#phases-body")
        body.toggle_class("-details")
        if body.has_class("-details") and self.has_class("-narrow"):
            self.query_one("#checklist").focus()
        elif not body.has_class("-details"):
            self.query_one(TaskTable).focus()

    def action_phase(self, step: int) -> None:
        ids = list(self.labels)
        self.query_one(Tabs).active = ids[(ids.index(self.phase) + step) % len(ids)]

    def show_phase(self, phase: str) -> None:
        if phase in self.labels:
            self.query_one(Tabs).active = phase

    def action_filters(self) -> None:
        self.query_one("#role-filter").focus()

    def select_task(self, task_id: str) -> None:
        """Show `task_id` (from the palette): its phase, filters cleared, cursor on it (once the task
        states are read, when the screen has just opened)."""
        if not self.loaded:
            self._select_when_loaded = task_id
            return
        view = next((v for v in self.views if v.id == task_id), None)
        if view is None:
            self.notify(_("No task {task} in this engagement.").format(task=task_id), severity="warning")
            return
        self.toggles.clear()
        self.query_one("#role-filter", Select).clear()
        self.query_one("#status-filter", Select).clear()
        self.query_one("#task-search", Input).value = ""
        self.phase = view.phase
        self.query_one(Tabs).active = view.phase
        self._fill(task_id)
        self.query_one(TaskTable).focus()
