"""The palette's entries for the week's work: `task: set the due date ...`, `phase: close <phase>`,
`kpi: record a value of <KPI>`, `report: weekly status report`, the activity import, the readiness and
staffing advice, the vendor evaluation and the audit (with the audit open, `audit: Save as`). They run
the same actions as the keys (u, c, v, w, m, y, t, e, x, g, o, Ctrl+S), after showing the screen those
keys belong to."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from workbench.domain.text import tr
from workbench.i18n import _, current_language

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

Command = tuple[str, Callable[[], Any], str]


def week_commands(app: WorkbenchApp, screen: Screen) -> list[Command]:
    from workbench.tui.screens.phases import PhasesScreen, phase_labels

    if app.session is None:
        return []
    resolved = app.session.opened.resolved
    out: list[Command] = _audit_commands(screen)
    if isinstance(screen, PhasesScreen) and screen.selected is not None:
        out.append(
            (
                _("task: set the due date and assignee of the selected task"),
                partial(screen.run_action, "due"),
                screen.selected.name,
            )
        )
    out += [
        (
            _("phase: close {phase}").format(phase=label),
            partial(_on_phases, app, "close_phase", phase),
            _("check the gate of {phase} and close it").format(phase=label),
        )
        for phase, label in phase_labels(resolved).items()
    ]
    out.append(
        (
            _("report: weekly status report"),
            partial(_on_phases, app, "report", None),
            _("preview the weekly report, then write md and html"),
        )
    )
    out += [
        (label, partial(_on_phases, app, action, None), help_text)
        for label, action, help_text in (
            (
                _("activity: import a CRM activity export"),
                "import_activity",
                _("preview the adoption KPIs it gives, then record them"),
            ),
            (
                _("advice: readiness"),
                "advice('readiness')",
                _("does the client need a CRM and a manager now"),
            ),
            (_("advice: staffing"), "advice('staffing')", _("how to staff the CRM function")),
            (
                _("vendors: evaluate the returned packs"),
                "evaluate_vendors",
                _("ranking, knock-outs, flagged evaluators, sensitivity; then write the evaluation"),
            ),
            (
                _("audit: the live CRM against the design"),
                "audit",
                _("read the CRM's exported permissions; Enter on a finding shows its cell"),
            ),
            (
                _("audit: recertification checklists"),
                "recertify",
                _("plan the access review round and write one checklist per reviewer"),
            ),
            (
                _("audit: recertification decisions"),
                "decisions",
                _("read the returned checklists; Enter on a right shows its cell"),
            ),
        )
    ]
    lang = current_language()
    out += [
        (
            _("kpi: record a value of {kpi}").format(kpi=tr(kpi.name, lang)),
            partial(_record_kpi, app, kpi.id),
            kpi.id,
        )
        for kpi in resolved.kpis
    ]
    return out


async def _on_phases(app: WorkbenchApp, action: str, phase: str | None) -> None:
    from workbench.tui.screens.phases import PhasesScreen

    await app.action_section("phases")
    if isinstance(app.screen, PhasesScreen):
        if phase is not None:
            app.screen.show_phase(phase)
            app.screen.phase = phase
        await app.screen.run_action(action)


async def _record_kpi(app: WorkbenchApp, kpi_id: str) -> None:
    from workbench.tui.screens.deliverables import DeliverablesScreen

    await app.action_section("deliverables")
    if isinstance(app.screen, DeliverablesScreen):
        await app.screen.views_ready()
        app.screen.show_tab("kpis")
        app.screen.select_kpi_and_record(kpi_id)


def _audit_commands(screen: Screen) -> list[Command]:
    """`audit: Save as` while the audit dialog is open: its Ctrl+S."""
    from workbench.tui.screens.audit_dialog import AuditDialog

    if not isinstance(screen, AuditDialog):
        return []
    return [
        (
            _("audit: {action}").format(action=_("Save as")),
            screen.action_save_as,
            _("Save the audit's report as xlsx, SARIF, JSON or Markdown"),
        )
    ]
