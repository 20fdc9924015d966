"""Finding work on the Phases screen: the quick filters (mine, late, blocked, critical), the text search in
every language of the playbook, and the line above the list saying which filters are on and how many tasks
they leave, or, when they leave none, what to press.

The filters combine with the role and status selects; the rules themselves are pure (domain/task_find.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.widgets import Input, Select, Static

from workbench.domain.locale import format_number
from workbench.domain.search import matches, search_words
from workbench.domain.task_find import QUICK_FILTERS, passes, task_search_key
from workbench.domain.tracking import TaskView
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import visual
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.widgets.task_table import status_label

if TYPE_CHECKING:
    from workbench.app.session import Session

FILTER_LABELS = {
    "mine": N_("mine"),
    "late": N_("late"),
    "blocked": N_("blocked"),
    "critical": N_("critical"),
}
"""the quick filters as the summary line names them; translated where shown"""

FIND_BINDINGS = [
    Binding(
        "m",
        "toggle_filter('mine')",
        N_("Mine"),
        show=False,
        id="phases.filter_mine",
        tooltip=N_("Only the tasks assigned to you (the author in the settings); again to show all"),
    ),
    Binding(
        "l",
        "toggle_filter('late')",
        N_("Late"),
        show=False,
        id="phases.filter_late",
        tooltip=N_("Only the tasks due before today and not done; again to show all"),
    ),
    Binding(
        "exclamation_mark",
        "toggle_filter('blocked')",
        N_("Blocked"),
        show=False,
        id="phases.filter_blocked",
        tooltip=N_("Only the blocked tasks; again to show all"),
    ),
    Binding(
        "asterisk",
        "toggle_filter('critical')",
        N_("Critical"),
        show=False,
        id="phases.filter_critical",
        tooltip=N_("Only the tasks on the critical path (★); again to show all"),
    ),
    Binding(
        "x",
        "clear_filters",
        N_("Clear filters"),
        show=False,
        id="phases.clear_filters",
        tooltip=N_("Show every task of the phase again: filters, role, status and search cleared"),
    ),
]


class FindActions(WorkbenchScreen):
    """The base of PhasesScreen's finding: it calls `_fill` after a change and reads `toggles`."""

    session: Session
    phase: str
    toggles: set[str]
    _search_keys: dict[str, str]

    def _fill(self, keep: str | None = None) -> None:
        raise NotImplementedError

    def task_search_key(self, view: TaskView) -> str:
        """The task's folded text in every language, built once per task; the assignee is added per search
        (it changes)."""
        key = self._search_keys.get(view.id)
        if key is None:
            resolved = self.session.opened.resolved
            task = resolved.task_map().get(view.id)
            role = resolved.role_map().get(view.owner)
            key = task_search_key(task, role.name if role else None) if task else view.id.casefold()
            self._search_keys[view.id] = key
        return key

    def found(self, views: list[TaskView]) -> list[TaskView]:
        """`views` narrowed by the search words and the quick filters switched on."""
        words = search_words(self.query_one("#task-search", Input).value)
        if words:
            views = [v for v in views if matches(words, f"{self.task_search_key(v)}\n{v.assignee or ''}")]
        if self.toggles:
            author, today = self.session.author, self.wb.today
            views = [v for v in views if passes(v, self.toggles, author, today)]
        return views

    def filters_on(self) -> list[str]:
        """What narrows the list now, in the interface language: the quick filters, role, status, search."""
        on = [_(FILTER_LABELS[name]) for name in QUICK_FILTERS if name in self.toggles]
        role = self.query_one("#role-filter", Select).value
        if role is not Select.NULL:
            on.append(self.owner_name(str(role)))
        status = self.query_one("#status-filter", Select).value
        if status is not Select.NULL:
            on.append(_("open tasks") if status == "open" else status_label(str(status)))
        search = self.query_one("#task-search", Input).value.strip()
        if search:
            on.append(f"“{search}”")
        return on

    def show_summary(self, shown: int, total: int) -> None:
        """`3 of 27 tasks · filters: mine, late`; none left: what to press to see tasks again."""
        lang = current_language()
        on = self.filters_on()
        summary = self.query_one("#find-summary", Static)
        summary.set_class(shown == 0, "-empty")
        if shown == 0 and on:
            text = _("No task matches the filters ({filters}). Press x to clear them.").format(
                filters=", ".join(on)
            )
        elif shown == 0:
            text = _("This phase has no tasks. Press ] for the next phase.")
        elif on:
            text = ngettext(
                "{shown} of {total} task · filters: {filters} (x clears)",
                "{shown} of {total} tasks · filters: {filters} (x clears)",
                total,
            ).format(
                shown=format_number(shown, lang), total=format_number(total, lang), filters=", ".join(on)
            )
        else:
            text = ngettext("{total} task", "{total} tasks", total).format(total=format_number(total, lang))
        summary.update(visual(text))

    def action_toggle_filter(self, name: str) -> None:
        self.toggles ^= {name}
        self._fill(self.current_task_id())

    def action_clear_filters(self) -> None:
        self.toggles.clear()
        self.query_one("#role-filter", Select).clear()
        self.query_one("#status-filter", Select).clear()
        self.query_one("#task-search", Input).value = ""
        self._fill(self.current_task_id())

    def current_task_id(self) -> str | None:
        raise NotImplementedError

    def owner_name(self, role: str) -> str:
        raise NotImplementedError


PALETTE_BINDINGS = (
    "phases.search",
    "phases.filter",
    "phases.details",
    "phases.previous_phase",
    "phases.next_phase",
    *(binding.id for binding in FIND_BINDINGS),
    "phases.undo",
)
"""the screen's keys the palette offers as `task: ...` (the task moves and the week's actions have their
own entries)"""


def palette_entries(screen: WorkbenchScreen) -> list[tuple[str, Callable[[], Any], str]]:
    """`task: Mine`, `task: Clear filters` ...: the palette runs the same action as the key."""
    by_id = {b.id: b for b in Binding.make_bindings(type(screen).BINDINGS) if b.id}
    return [
        (
            _("task: {action}").format(action=_(by_id[key].description)),
            partial(screen.run_action, by_id[key].action),
            _(by_id[key].tooltip) if by_id[key].tooltip else _(by_id[key].description),
        )
        for key in PALETTE_BINDINGS
        if key in by_id
    ]
