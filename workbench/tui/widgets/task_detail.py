"""The selected task in full: what it is, who is involved, its checklist (space ticks an item) and its
history. Ticking posts ChecklistItemToggled; the phases screen saves it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbench.domain.locale import format_short_date, localize_digits
from workbench.domain.phases import Task
from workbench.domain.text import tr
from workbench.domain.tracking import Event, TaskState, TaskView
from workbench.i18n import _, current_language
from workbench.tui.bidi import visual, visual_wrapped
from workbench.tui.messages import ChecklistItemToggled
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.task_table import status_label


def event_line(event: Event) -> str:
    """One history line: when, who, what, in the interface language (not yet laid out for the terminal)."""
    lang = current_language()
    when = f"{format_short_date(event.at.date(), lang)} {localize_digits(event.at.strftime('%H:%M'), lang)}"
    if event.kind == "status":
        what = f"{status_label(event.old or '')} → {status_label(event.new or '')}"
    elif event.kind == "assign":
        what = _("assigned to {person}").format(person=event.new) if event.new else _("assigned to nobody")
    elif event.kind == "check":
        what = _("item {number} {state}").format(
            number=localize_digits(str(event.old), lang),
            state=_("ticked")
            if event.new in ("done", "True", "1", "true")
            else _("unticked")
            if event.new in ("open", "False", "0", "false")
            else event.new,
        )
    elif event.kind == "due":
        what = _("due {date}").format(date=event.new) if event.new else _("due as planned")
    elif event.kind == "note":
        what = _("note")
    else:
        what = event.kind
    note = f": {event.note}" if event.note else ""
    return f"{when} {event.author} {what}{note}"


class TaskDetail(VerticalScroll):
    DEFAULT_CSS = """
    TaskDetail { padding: 0 1; scrollbar-gutter: stable; }
    TaskDetail .detail-head { margin: 0 0 1 0; }
    TaskDetail .detail-label { color: $text-muted; text-style: bold; margin: 1 0 0 0; }
    TaskDetail SelectionList { height: auto; max-height: 12; }
    TaskDetail #history { color: $text-muted; }
    TaskDetail .checklist-item { margin: 0 0 0 2; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.task_id: str | None = None
        self._shown: tuple | None = None
        """what `show` was last given, to wrap the checklist again when the pane's width changes"""
        self._room = 0

    def compose(self) -> ComposeResult:
        yield BidiText(id="detail-head", classes="detail-head")
        yield Label(visual(_("Checklist (space ticks)")), classes="detail-label")
        yield SelectionList[int](id="checklist")
        yield BidiText(id="checklist-item", classes="checklist-item")
        yield Label(visual(_("History")), classes="detail-label")
        yield Static("", id="history", markup=False)

    def show(
        self,
        task: Task | None,
        view: TaskView | None,
        state: TaskState | None,
        history: list[Event],
        role_names: dict[str, str],
        *,
        writing: bool = False,
    ) -> None:
        """`writing`: changes are still queued for the store, so `state` may be older than the ticks on
        screen (a tick typed after the change that just landed): the ticks shown are kept."""
        self._shown = (task, view, state, history, role_names)
        head = self.query_one("#detail-head", BidiText)
        checklist = self.query_one("#checklist", SelectionList)
        if task is None or view is None:
            self.task_id = None
            head.update(_("No task selected."), "dim")
            checklist.clear_options()
            self._show_item()
            self.query_one("#history", Static).update("")
            return
        same_task, self.task_id = self.task_id == task.id, task.id
        lang = current_language()
        marks = " · ".join(
            x
            for x in (
                _("critical path") if view.critical else "",
                _("gate") if task.gate else "",
                _("milestone") if task.milestone else "",
            )
            if x
        )
        rows = [
            (_("Status"), status_label(view.status)),
            (_("Owner"), role_names.get(view.owner, view.owner)),
            (_("Assignee"), view.assignee or "-"),
            (
                _("Planned"),
                f"{format_short_date(view.planned_start, lang)} → {format_short_date(view.due, lang)}",
            ),
        ]
        if task.deliverable:
            rows.append((_("Delivers"), tr(task.deliverable, lang)))
        width = max(len(label) for label, _value in rows) + 2
        facts = [(view.name, "bold"), (f"{task.id}{f' · {marks}' if marks else ''}", "dim")]
        facts += [(f"{label:<{width}}{value}", "") for label, value in rows]
        if task.description:
            facts += [("", ""), (tr(task.description, lang), "")]
        head.set_lines(facts)  # logical text: BidiText wraps it, then lays it out for the terminal
        done = (state.checklist if state else []) + [False] * len(task.checklist)
        ticked = {i for i in range(len(task.checklist)) if done[i]}
        room = checklist.content_region.width - 6  # the tick box and the scrollbar take the rest
        same_items = same_task and checklist.option_count == len(task.checklist)
        if writing and same_items:  # the ticks on screen are newer than the store's
            ticked = set(checklist.selected)
        if same_items and room == self._room:  # ticked elsewhere, or every change landed: in place
            for index in range(len(task.checklist)):
                (checklist.select if index in ticked else checklist.deselect)(index)
        else:
            # another task: from its first item; another width (the pane shown, resized, or its scrollbar
            # come or gone): wrapped again with the cursor where it was
            cursor = checklist.highlighted if same_items else None
            checklist.clear_options()
            self._room = room
            checklist.add_options(
                [
                    Selection(visual_wrapped(tr(item, lang), room), index, index in ticked)
                    for index, item in enumerate(task.checklist)
                ]
            )
            checklist.highlighted = cursor if cursor is not None else 0 if task.checklist else None
            self.call_after_refresh(self._room_settled)
        self._show_item()
        self.query_one("#history", Static).update(
            "\n".join(visual(event_line(e)) for e in reversed(history)) or "-"
        )

    def on_resize(self) -> None:
        """Shown (i at 80 columns) or resized: the checklist is wrapped to the new width."""
        if self._shown is not None:
            self.call_after_refresh(self._show_again)

    def _room_settled(self) -> None:
        """The pane was just filled: when that made its scrollbar appear (or go), the checklist's width
        changed without the pane being resized, so wrap it again to the width it has now (else how the
        items wrap would depend on whether the width was read before or after that layout)."""
        if self._shown is not None and self.query_one("#checklist").content_region.width - 6 != self._room:
            self.show(*self._shown)

    def _show_again(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def _show_item(self) -> None:
        """The highlighted checklist item whole, wrapped, under the list: a list line holds one row, and a
        long item (often a sentence) is cut there."""
        checklist = self.query_one("#checklist", SelectionList)
        item = self.query_one("#checklist-item", BidiText)
        task = self._shown[0] if self._shown else None
        index = checklist.highlighted
        if task is None or index is None or index >= len(task.checklist):
            item.update("")
            return
        text = tr(task.checklist[index], current_language())
        cut = len(text) > self._room
        item.display = cut
        number = localize_digits(f"{index + 1}/{len(task.checklist)}", current_language())
        item.update(f"{number}: {text}" if cut else "")

    @on(SelectionList.SelectionHighlighted, "#checklist")
    def _highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        event.stop()
        self._show_item()

    @on(SelectionList.SelectionToggled, "#checklist")
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        if self.task_id is None:
            return
        index = event.selection.value
        self.post_message(ChecklistItemToggled(self.task_id, index, index in event.selection_list.selected))
