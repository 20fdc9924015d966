"""The Deliverables screen: RFP, roles and permissions, RACI, process maps, KPIs and the project plan of the
open engagement, one tab each.

The views only show and ask; this screen acts: it saves RFP edits to engagement.yaml and applies them
to the session's resolved playbook, so every view (and the export) sees them, and it moves the cursor to
what a finding points at. Only the first tab's view is built before the screen is painted; the others are
built right after (their widgets cost about a third of the first open), and each tab loads the first time it
is shown, so a big playbook opens on the RFP without waiting for the rest.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from workbench.app.engagement import OpenEngagement
from workbench.app.session import Session
from workbench.domain.governance import Finding
from workbench.domain.matrix import raci_table
from workbench.domain.overrides import apply_overrides, check_overrides
from workbench.domain.text import tr
from workbench.i18n import N_, _
from workbench.store.base import StoreBusy
from workbench.store.engagement import EngagementError
from workbench.store.engagement_save import EditConflict
from workbench.tui.bidi import visual
from workbench.tui.screens.deliverables_commands import DeliverablesCommands
from workbench.tui.screens.kpi_entry import KpiRecorded
from workbench.tui.screens.rfp_undo import RFP_UNDO_BINDING, RfpUndo
from workbench.tui.widgets.findings_list import FindingsList
from workbench.tui.widgets.kpi_table import KpiView
from workbench.tui.widgets.plan_table import PlanTable, PlanView
from workbench.tui.widgets.process_view import ProcessView
from workbench.tui.widgets.raci_table import RaciGrid
from workbench.tui.widgets.rfp_table import RfpTable
from workbench.tui.widgets.rfp_view import RfpView
from workbench.tui.widgets.roles_view import RolesView

TABS: tuple[tuple[str, str], ...] = (
    ("rfp", N_("RFP")),
    ("roles", N_("Roles")),
    ("raci", N_("RACI")),
    ("processes", N_("Processes")),
    ("kpis", N_("KPIs")),
    ("plan", N_("Plan")),
)
"""(tab, label): labels are N_ constants, translated where shown"""
FOCUS = {
    "rfp": "#rfp-table",
    "roles": "#matrix",
    "raci": "#raci-table",
    "processes": "#process-picker",
    "kpis": "#kpi-table",
    "plan": "#plan-table",
}
"""The widget that takes the keys when a tab is opened from the keyboard or the palette."""


def with_requirement_edit(
    overrides: dict[str, Any], req_id: str, priority: str, weight: int, original: tuple[str, int] | None
) -> dict[str, Any]:
    """A copy of the engagement's overrides with one requirement's priority and weight set; an edit back
    to the playbook's own values removes the entry, so engagement.yaml lists only real changes."""
    out = copy.deepcopy(overrides)
    edits = dict(out.get("requirements") or {})
    if original == (priority, weight):
        edits.pop(req_id, None)
    else:
        edits[req_id] = {"priority": priority, "weight": weight}
    if edits:
        out["requirements"] = edits
    else:
        out.pop("requirements", None)
    return out


def named_in(plan, pb, lang: str):
    """The plan with its task names in `lang` (the schedule names them once, in English)."""
    if lang == "en":
        return plan
    tasks = pb.task_map()
    return replace(
        plan, tasks=[replace(t, name=tr(tasks[t.id].name, lang)) if t.id in tasks else t for t in plan.tasks]
    )


class DeliverablesScreen(RfpUndo):
    """Constructed with the open Session; `initial` names the tab to open on (see TABS)."""

    SECTION = "deliverables"
    HELP = N_(
        "The deliverables of the open engagement: edit the RFP's priorities and weights, read the "
        "permission matrix and jump to what each finding points at, the RACI, process maps, KPIs, plan."
    )
    DEFAULT_CSS = """
    DeliverablesScreen #deliverables-tabs {
        height: 1fr;
    }
    DeliverablesScreen TabPane {
        padding: 0;
        height: 1fr;
    }
    DeliverablesScreen ContentSwitcher {
        height: 1fr;
    }
    """
    """Its tabs fill the screen (the views carry their own). DEFAULT_CSS, not a CSS_PATH: a screen's own
    stylesheet makes Textual parse every source seen so far again on the section's first open."""
    COMMANDS: ClassVar = {DeliverablesCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket",
            "next_tab",
            N_("Next tab"),
            id="deliverables.next_tab",
            tooltip=N_("Show the next deliverable"),
        ),
        Binding(
            "left_square_bracket",
            "previous_tab",
            N_("Prev tab"),
            id="deliverables.previous_tab",
            tooltip=N_("Show the previous deliverable"),
        ),
        Binding(
            "v",
            "record_kpi",
            N_("Record value"),
            id="deliverables.record_kpi",
            tooltip=N_("KPIs: record a measured value of the selected KPI"),
        ),
        RFP_UNDO_BINDING,
    ]

    def __init__(
        self,
        session: Session,
        *,
        lang: str = "en",
        initial: str = "rfp",
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.session = session
        self.lang = lang
        self.initial = initial
        self._loaded: set[str] = set()
        self._built: set[str] = set()
        """tabs whose view is mounted: the first at compose, the others just after the first paint"""
        self._all_built = asyncio.Event()
        self._focus_wanted: str | None = None
        """the tab whose view takes the focus as soon as it can: mounted, shown and filled
        (_focus_when_ready)"""
        self._loading_watched: set[str] = set()
        self._source: OpenEngagement | None = None
        """the OpenEngagement the loaded tabs show; another one (an intake change) makes them stale"""

    def _new_view(self, tab: str) -> Widget:
        views: dict[str, Callable[[], Widget]] = {
            "rfp": lambda: RfpView(self.lang, id="rfp-view"),
            "roles": lambda: RolesView(self.lang, id="roles-view"),
            "raci": lambda: RaciGrid(id="raci-table"),
            "processes": lambda: ProcessView(self.lang, id="process-view"),
            "kpis": lambda: KpiView(self.lang, id="kpi-view"),
            "plan": lambda: PlanView(id="plan-view"),
        }
        return views[tab]()

    def compose_body(self) -> ComposeResult:
        with TabbedContent(initial=f"tab-{self.initial}", id="deliverables-tabs"):
            for tab, name in TABS:
                with TabPane(visual(_(name)), id=f"tab-{tab}"):
                    if tab == self.initial:
                        yield self._new_view(tab)

    def on_mount(self) -> None:
        self._built.add(self.initial)
        self.ensure_loaded(self.initial)
        self.query_one(FOCUS[self.initial]).focus()
        self.call_after_refresh(self._build_other_views)

    async def _build_other_views(self) -> None:
        """Mount the views of the tabs not shown first; a tab chosen meanwhile is loaded and focused now."""
        for tab, _label in TABS:
            if tab not in self._built:
                await self.query_one(f"#tab-{tab}", TabPane).mount(self._new_view(tab))
                self._built.add(tab)
        self._all_built.set()
        self.ensure_loaded(self.active_tab)
        self._focus_when_ready()

    async def views_ready(self) -> None:
        """Wait until every tab has its view: for code that acts on a tab right after opening the screen."""
        await self._all_built.wait()

    # ---- tabs
    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active.removeprefix("tab-")

    def show_tab(self, tab: str) -> None:
        """Switch to a tab by name ('rfp', 'roles', ...); the palette and finding jumps use this."""
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.ensure_loaded(tab)
        self._focus_wanted = tab
        self._focus_when_ready()

    def _focus_when_ready(self) -> None:
        """Focus the wanted tab's view as soon as it can take the focus. Its view may not be mounted yet
        (the tabs not shown first are built just after the first paint: _build_other_views calls this
        again), or may still show its loading indicator (the KPI rows are built in a worker): Textual
        refuses to focus a covered widget, so the focus went nowhere or, handed on by the hidden view, to
        its pane, which took the tabs back: at random. Meanwhile the tab strip holds it, outside every
        pane."""
        tab = self._focus_wanted
        if tab is None or tab not in self._built:
            return
        widget = self.query_one(FOCUS[tab])
        if widget.loading:
            self.query_one(Tabs).focus()
            if tab not in self._loading_watched:
                self._loading_watched.add(tab)
                self.watch(widget, "loading", self._loading_changed, init=False)
            return
        self._focus_wanted = None
        widget.focus()

    def _loading_changed(self, loading: bool) -> None:
        if loading or self._focus_wanted is None:
            return
        if self._focus_wanted != self.active_tab:  # another tab was chosen while this one loaded
            self._focus_wanted = None
            return
        # after the layout that uncovers it: the Hide it got while covered would otherwise blur it again, if
        # that message came after the focus
        self.call_after_refresh(self._focus_when_ready)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.ensure_loaded(event.pane.id.removeprefix("tab-"))
        self.refresh_bindings()

    def action_next_tab(self) -> None:
        names = [t for t, _label in TABS]
        self.show_tab(names[(names.index(self.active_tab) + 1) % len(names)])

    def action_previous_tab(self) -> None:
        names = [t for t, _label in TABS]
        self.show_tab(names[(names.index(self.active_tab) - 1) % len(names)])

    def on_screen_resume(self) -> None:
        """Back from another section: its changes (new answers) may have re-opened the engagement."""
        self.ensure_loaded(self.active_tab)

    def refresh_data(self) -> None:
        """Changed elsewhere (Ctrl+R, the watcher): KPI values may have been recorded; answers and RFP
        edits re-open the engagement, which `ensure_loaded` notices by itself."""
        self._loaded.discard("kpis")
        self.ensure_loaded(self.active_tab)
        if "plan" in self._loaded:  # task states moved: the forecast may have moved with them
            self.query_one(PlanView).refresh_forecast()

    def ensure_loaded(self, tab: str) -> None:
        """Fill a tab from the open engagement the first time it shows, and again once the engagement
        was re-opened (an RFP edit here, new answers in the intake)."""
        if tab not in self._built:  # loaded as soon as its view is there (_build_other_views)
            return
        opened = self.session.opened
        if opened is not self._source:
            self._source, self._loaded = opened, set()
        if tab in self._loaded:
            return
        self._loaded.add(tab)
        pb = opened.resolved
        if tab == "rfp":
            self.query_one(RfpView).load(pb)
        elif tab == "roles":
            self.query_one(RolesView).load(pb, self.session.findings())
        elif tab == "raci":
            self.query_one(RaciGrid).load(raci_table(pb, self.lang))
        elif tab == "processes":
            self.query_one(ProcessView).load(pb)
        elif tab == "kpis":
            queue = getattr(self.app, "store_queue", None)  # its lock: no worker is using the connection
            with queue.lock if queue is not None else nullcontext():
                measurements = opened.store.measurements()
            self.query_one(KpiView).load(
                pb, opened.engagement.start, measurements, opened.plan.calendar, opened.engagement.answers
            )
        elif tab == "plan":
            self.query_one(PlanView).load(
                opened,
                {p.id: tr(p.name, self.lang) for p in pb.phases},
                {r.id: tr(r.name, self.lang) for r in pb.roles},
                shown=named_in(opened.plan, pb, self.lang),
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "record_kpi":
            return self.is_mounted and self.active_tab == "kpis"
        if action == "undo_rfp_edit":
            return self.is_mounted and self.active_tab == "rfp" and (self.last_rfp_edit is not None or None)
        return True

    def action_record_kpi(self) -> None:
        """Ask for a value of the selected KPI (kpi_entry); the KPI tab shows it once it is stored."""
        from workbench.tui.screens.kpi_entry import ask_kpi_value

        ask_kpi_value(self, self.query_one(KpiView))

    def select_kpi_and_record(self, kpi_id: str) -> None:
        """Put the cursor on `kpi_id` and ask for its value (once the KPI rows are there)."""
        from workbench.tui.widgets.kpi_table import KpiTable

        view = self.query_one(KpiView)

        def ask() -> None:
            view.query_one(KpiTable).go_to(kpi_id)
            self.action_record_kpi()

        if view.query_one(KpiTable).items and not view.query_one(KpiTable).loading:
            ask()
        else:
            view.after_load = ask

    def on_kpi_recorded(self, message: KpiRecorded) -> None:
        """A value landed in the store: say so, and show it in the table and the chart."""
        from workbench.tui.screens.kpi_entry import recorded_text

        message.stop()
        self.notify(recorded_text(message), timeout=6)
        self.refresh_data()

    # ---- RFP edits
    def on_rfp_table_edit_requested(self, event: RfpTable.EditRequested) -> None:
        event.stop()
        self.edit_rfp(event.req_id, event.priority, event.weight)

    def rfp_values(self, req_id: str) -> tuple[str, int] | None:
        return self.query_one(RfpView).values(req_id)

    def save_rfp_edit(self, req_id: str, priority: str, weight: int) -> bool:
        """Check the edit, save it to engagement.yaml (a small atomic write) and refresh the session; False
        (and a notification saying why) when it was refused.

        An override only changes one requirement's priority and weight, so the session's resolved playbook
        gets the same `apply_overrides` a full re-open would apply, at once: re-opening a 100x playbook
        takes seconds, and its YAML and model work would hold the GIL and stall the UI even in a worker.
        The tabs showing the RFP (and the Must-have finding) reload the next time they show."""
        opened = self.session.opened
        base = next((r for r in opened.playbook.requirements if r.id == req_id), None)
        overrides = with_requirement_edit(
            opened.engagement.overrides,
            req_id,
            priority,
            weight,
            (base.priority, base.weight) if base else None,
        )
        problems = check_overrides(opened.playbook, overrides)
        if problems:
            self.notify("\n".join(str(p) for p in problems), title=_("RFP edit refused"), severity="error")
            return False
        try:
            result = self.session.save_overrides(overrides)
        except OSError as exc:
            self.notify(
                _("Could not save the edit to {file}: {error}").format(
                    file=opened.engagement.file, error=exc.strerror or exc
                ),
                title=_("RFP"),
                severity="error",
            )
            return False
        except (EditConflict, EngagementError, StoreBusy) as exc:
            self.notify(str(exc), title=_("RFP edit not saved"), severity="error")
            return False
        if result.taken:
            self.notify(result.merged_note(), title=_("RFP"), timeout=5)
        change = {"requirements": {req_id: {"priority": priority, "weight": weight}}}
        opened = self.session.opened
        self.session.opened = replace(opened, resolved=apply_overrides(opened.resolved, change))
        self._source, self._loaded = self.session.opened, self._loaded & {"rfp"}
        self.query_one(RfpView).apply_edit(req_id, priority, weight)
        return True

    # ---- findings
    def on_findings_list_chosen(self, event: FindingsList.Chosen) -> None:
        """Show what a finding points at: its matrix cell (or role row), its task in the RACI, or, for the
        Must-have balance, the RFP's Must-haves. Highlighting only moves the matrix cursor."""
        event.stop()
        self.show_finding(event.finding, event.focus)

    def show_finding(self, finding: Finding, focus: bool = True) -> None:
        """The cell, role, task or RFP priority a finding names; the audit's findings come here too (a
        cell the matrix does not show yet, a right the design does not grant, is added to it first)."""
        roles = self.query_one(RolesView)
        if finding.role or finding.object:
            moved = roles.matrix.move_to_cell(finding.role, finding.object, finding.action)
            if not moved and finding.cell is not None and focus:
                self.show_tab("roles")
                roles.load(self.session.opened.resolved, self.session.findings(), also=[finding])
                moved = roles.matrix.move_to_cell(finding.role, finding.object, finding.action)
            if moved:
                if focus:
                    roles.matrix.focus()
            elif focus:
                self.notify(
                    _("{rule}: the matrix shows no cell for this finding").format(rule=finding.rule),
                    severity="warning",
                )
        elif finding.task and focus:
            self.show_tab("raci")
            grid = self.query_one(RaciGrid)
            if grid.go_to(finding.task):
                grid.focus()
        elif finding.rule == "moscow-balance" and focus:
            self.show_rfp_priority("must")

    # ---- for the palette
    def show_rfp_priority(self, priority: str | None) -> None:
        self.show_tab("rfp")
        self.query_one(RfpView).show_priority(priority)

    def toggle_critical_only(self) -> None:
        self.show_tab("plan")
        self.query_one(PlanTable).action_toggle_critical()

    def show_load(self) -> None:
        self.show_tab("plan")
        view = self.query_one(PlanView)
        if not view.showing_load:
            view.action_toggle_load()

    def ask_freeze_baseline(self) -> None:
        """Ask why, then freeze the forecast as the active baseline (as `crmwb plan DIR baseline`)."""
        from workbench.tui.screens.dialogs import PromptDialog

        self.show_tab("plan")

        def chosen(reason: str | None) -> None:
            if reason:
                self.query_one(PlanView).freeze_baseline(reason, self.wb.author)

        self.app.push_screen(
            PromptDialog(
                _("Freeze a baseline"),
                _(
                    "The forecast as it stands becomes the baseline every slip is counted from; earlier "
                    "baselines "
                    "are kept. Why (the steering committee's decision, a re-plan)? It goes into the history."
                ),
                required=True,
                ok_label=_("Freeze"),
            ),
            chosen,
        )
