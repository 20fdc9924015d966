"""The selected task in full: what it is, who is involved, its checklist (space ticks an item) and its
history. Ticking posts ChecklistItemToggled; the phases screen saves it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbench.domain.phases import Task
from workbench.domain.text import tr
from workbench.domain.tracking import Event, TaskState, TaskView
from workbench.tui.messages import ChecklistItemToggled
from workbench.tui.widgets.task_table import STATUS_LABELS


def event_line(event: Event) -> str:
    """One history line: when, who, what."""
    when = event.at.strftime("%Y-%m-%d %H:%M")
    if event.kind == "status":
        what = f"{event.old} → {event.new}"
    elif event.kind == "assign":
        what = f"assigned to {event.new or 'nobody'}"
    elif event.kind == "check":
        what = f"item {event.old} {event.new}"
    elif event.kind == "due":
        what = f"due {event.new or 'as planned'}"
    else:
        what = event.kind
    note = (
        f": {event.note}" if event.note and event.kind != "note" else (f" {event.note}" if event.note else "")
    )
    return f"{when} {event.author} {what}{note}"


class TaskDetail(VerticalScroll):
    DEFAULT_CSS = """
    TaskDetail { padding: 0 1; }
    TaskDetail .detail-head { margin: 0 0 1 0; }
    TaskDetail .detail-label { color: $text-muted; text-style: bold; margin: 1 0 0 0; }
    TaskDetail SelectionList { height: auto; max-height: 12; }
    TaskDetail #history { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.task_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-head", classes="detail-head")
        yield Label("Checklist (space ticks)", classes="detail-label")
        yield SelectionList[int](id="checklist")
        yield Label("History", classes="detail-label")
        yield Static("", id="history", markup=False)

    def show(
        self,
        task: Task | None,
        view: TaskView | None,
        state: TaskState | None,
        history: list[Event],
        role_names: dict[str, str],
    ) -> None:
        head = self.query_one("#detail-head", Static)
        checklist = self.query_one("#checklist", SelectionList)
        if task is None or view is None:
            self.task_id = None
            head.update(Content.from_markup("[dim]No task selected.[/dim]"))
            checklist.clear_options()
            self.query_one("#history", Static).update("")
            return
        same_task, self.task_id = self.task_id == task.id, task.id
        marks = " · ".join(
            x
            for x in (
                "critical path" if view.critical else "",
                "gate" if task.gate else "",
                "milestone" if task.milestone else "",
            )
            if x
        )
        facts = [
            Content.from_markup("[b]$name[/b]", name=view.name),
            Content.from_markup("[dim]$id$marks[/dim]", id=task.id, marks=f" · {marks}" if marks else ""),
            Content(f"Status    {STATUS_LABELS.get(view.status, view.status)}"),
            Content(f"Owner     {role_names.get(view.owner, view.owner)}"),
            Content(f"Assignee  {view.assignee or '-'}"),
            Content(f"Planned   {view.planned_start.isoformat()} → {view.due.isoformat()}"),
        ]
        if task.deliverable:
            facts.append(Content(f"Delivers  {tr(task.deliverable)}"))
        if task.description:
            facts += [Content(""), Content(tr(task.description))]
        head.update(Content("\n").join(facts))
        done = (state.checklist if state else []) + [False] * len(task.checklist)
        ticked = {i for i in range(len(task.checklist)) if done[i]}
        if not (
            same_task and checklist.option_count == len(task.checklist) and set(checklist.selected) == ticked
        ):
            checklist.clear_options()  # another task (or changed elsewhere): rebuild; else keep the cursor
            checklist.add_options(
                [Selection(tr(item), index, index in ticked) for index, item in enumerate(task.checklist)]
            )
            checklist.highlighted = 0 if task.checklist else None
        self.query_one("#history", Static).update("\n".join(event_line(e) for e in reversed(history)) or "-")

    @on(SelectionList.SelectionToggled, "#checklist")
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        if self.task_id is None:
            return
        index = event.selection.value
        self.post_message(ChecklistItemToggled(self.task_id, index, index in event.selection_list.selected))
