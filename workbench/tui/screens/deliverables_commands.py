"""Command palette entries of the Deliverables screen, namespaced like the rest of the app
("deliverables: ...", "rfp: ...", "plan: ..."), listed when the palette opens and found by fuzzy search."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.i18n import N_, _

TAB_HELP = {
    "rfp": N_("the RFP requirements: filter, re-prioritise, re-weight"),
    "roles": N_("the role and permission matrix with governance findings"),
    "raci": N_("who is Responsible, Accountable, Consulted, Informed per task"),
    "processes": N_("process maps by lane, with hand-offs and checks"),
    "kpis": N_("the KPI plan with measured values and trends"),
    "plan": N_("the project plan with the critical path"),
}


class DeliverablesCommands(Provider):
    """Only offers commands while the Deliverables screen is the one the palette was opened on."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        from workbench.tui.screens.deliverables import TABS, DeliverablesScreen

        screen = self.screen
        if not isinstance(screen, DeliverablesScreen):
            return []
        commands: list[tuple[str, Callable[[], None], str]] = [
            (
                _("deliverables: show {tab}").format(tab=_(label)),
                partial(screen.show_tab, tab),
                _(TAB_HELP[tab]),
            )
            for tab, label in TABS
        ]
        commands += [
            (
                _("rfp: show Must-haves only"),
                partial(screen.show_rfp_priority, "must"),
                _("filter the RFP to the Must-haves"),
            ),
            (
                _("rfp: show every priority"),
                partial(screen.show_rfp_priority, None),
                _("clear the priority filter"),
            ),
            (
                _("rfp: undo the last edit"),
                screen.action_undo_rfp_edit,
                _("back to the priority and weight the last edit replaced (ctrl+z)"),
            ),
            (
                _("plan: toggle critical path only"),
                screen.toggle_critical_only,
                _("show only the tasks without slack, or every task again"),
            ),
        ]
        commands += [
            (
                _("plan: load per role and week"),
                screen.show_load,
                _("each role's share of its availability, week by week"),
            ),
            (
                _("plan: freeze baseline…"),
                screen.ask_freeze_baseline,
                _("the forecast becomes the baseline slips are counted from (asks why)"),
            ),
        ]
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
