"""The command palette's workbench entries, namespaced by what they act on: `engagement: ...`,
`phase: ...`, `task: ...`, `export: ...`, `jobdesc: ...`, `theme: ...`, `help: ...`.

Entries follow the app's state (recent engagements, the open engagement's phases, tasks and roles) and,
for `task:` actions on the selected task, the screen the palette was opened on. They call the same
actions as the keys, so the palette lists every action without a second implementation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.i18n import _
from workbench.tui.sections import SECTIONS

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

Command = tuple[str, Callable[[], Any], str]


class WorkbenchCommands(Provider):
    @property
    def wb(self) -> WorkbenchApp:
        return cast("WorkbenchApp", self.app)

    def commands(self) -> list[Command]:
        from workbench.app.recent import load_recent
        from workbench.tui.themes import DARK, LIGHT

        app = self.wb
        out: list[Command] = [
            ("engagement: new", app.action_new_engagement, "create an engagement from a playbook"),
            ("engagement: open a folder", app.action_open_folder, "open the engagement in a folder"),
        ]
        for recent in load_recent():
            if recent.exists:
                out.append(
                    (
                        f"engagement: open {recent.client}",
                        partial(app.open_folder, Path(recent.folder)),
                        recent.folder,
                    )
                )
        for section in SECTIONS:
            if app.session is not None or not section.needs_engagement:
                out.append((f"go: {section.label}", partial(app.action_section, section.id), section.help))
        out += self._engagement_commands()
        out += [
            ("theme: light", partial(setattr, app, "theme", LIGHT), "the light theme"),
            ("theme: dark", partial(setattr, app, "theme", DARK), "the dark theme"),
            ("theme: toggle light/dark", app.action_toggle_theme, "Ctrl+T"),
            ("help: keys", app.action_help, "every key of every screen (F1)"),
            (
                _("settings: show"),
                app.action_show_settings,
                _("the effective settings and where each comes from (file or variable)"),
            ),
        ]
        return out

    def _engagement_commands(self) -> list[Command]:
        from workbench.tui.screens.phases import PHASE_LABELS, PhasesScreen
        from workbench.writers.registry import REGISTRY

        app = self.wb
        if app.session is None:
            return [
                (
                    "jobdesc: job descriptions (core playbook)",
                    partial(app.action_section, "jobdesc"),
                    "job descriptions without an engagement",
                )
            ]
        resolved = app.session.opened.resolved
        out: list[Command] = [
            (
                "engagement: intake questionnaire",
                partial(app.action_section, "intake"),
                "answer the intake questions",
            )
        ]
        out += [
            (f"phase: {label}", partial(self._show_phase, phase), f"the {label.lower()} tasks")
            for phase, label in PHASE_LABELS.items()
        ]
        screen = self.screen
        if isinstance(screen, PhasesScreen) and screen.selected is not None:
            name = screen.selected.name
            for text, action, move in (
                ("start the selected task", "move('start')", "start"),
                ("mark the selected task done", "move('done')", "done"),
                ("block the selected task", "move('block')", "block"),
                ("skip the selected task", "move('skip')", "skip"),
                ("reopen the selected task", "move('reopen')", "reopen"),
                ("assign the selected task", "assign", ""),
                ("add a note to the selected task", "note", ""),
            ):
                if not move or screen.check_action("move", (move,)):
                    out.append((f"task: {text}", partial(screen.run_action, action), name))
        out += [
            (f"task: go to {task.id}", partial(app.show_task, task.id), str(task.name))
            for _, task in resolved.tasks()
        ]
        out.append(("export: every deliverable", partial(app.show_export, None), "choose formats and export"))
        out += [
            (f"export: {name}", partial(app.show_export, [name]), f"export only {name}") for name in REGISTRY
        ]
        out += [
            (
                f"jobdesc: {profile.title}",
                partial(app.show_jobdesc, profile.id),
                f"the job description of {profile.id}",
            )
            for profile in resolved.job_profiles
        ]
        return out

    async def _show_phase(self, phase: str) -> None:
        from workbench.tui.screens.phases import PhasesScreen

        await self.wb.action_section("phases")
        if isinstance(self.app.screen, PhasesScreen):
            self.app.screen.show_phase(phase)

    async def discover(self) -> Hits:
        for text, command, help_text in self.commands():
            if not text.startswith("task: go to"):  # hundreds of tasks: found by typing, not listed
                yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self.commands():
            score = matcher.match(f"{text} {help_text}" if text.startswith("task: go to") else text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
