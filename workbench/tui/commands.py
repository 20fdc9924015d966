"""The command palette's workbench entries, namespaced by what they act on: `engagement: ...`,
`phase: ...`, `task: ...`, `kpi: ...`, `report: ...`, `export: ...`, `jobdesc: ...`, `people: ...`,
`theme: ...`, `help: ...`.

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
            (_("engagement: new"), app.action_new_engagement, _("create an engagement from a playbook")),
            (_("engagement: open a folder"), app.action_open_folder, _("open the engagement in a folder")),
        ]
        for recent in load_recent():
            if recent.exists:
                out.append(
                    (
                        _("engagement: open {client}").format(client=recent.client),
                        partial(app.open_folder, Path(recent.folder)),
                        recent.folder,
                    )
                )
        for section in SECTIONS:
            if app.session is not None or not section.needs_engagement:
                out.append(
                    (
                        _("go: {section}").format(section=_(section.label)),
                        partial(app.action_section, section.id),
                        _(section.help),
                    )
                )
        out += self._engagement_commands()
        out += [
            (_("theme: light"), partial(setattr, app, "theme", LIGHT), _("the light theme")),
            (_("theme: dark"), partial(setattr, app, "theme", DARK), _("the dark theme")),
            (_("theme: toggle light/dark"), app.action_toggle_theme, "Ctrl+T"),
            (_("help: keys"), app.action_help, _("every key of every screen (F1)")),
            (
                _("settings: show"),
                app.action_show_settings,
                _("the effective settings and where each comes from (file or variable)"),
            ),
        ]
        out += self._language_commands()
        return out

    def _language_commands(self) -> list[Command]:
        """`language: English`, `language: فارسی`, `language: Русский`: chrome and content switch together
        and the choice is remembered. Each language is named in itself, so anyone finds their own."""
        from workbench.tui.language import LANGUAGE_NAMES

        return [
            (
                _("language: {name}").format(name=name),
                partial(self.wb.switch_language, code),
                _("the interface and the playbook's texts in this language (remembered)"),
            )
            for code, name in LANGUAGE_NAMES
        ]

    def _engagement_commands(self) -> list[Command]:
        from workbench.tui.screens.phases import PhasesScreen, phase_labels
        from workbench.writers.registry import REGISTRY

        app = self.wb
        if app.session is None:
            return [
                (
                    _("jobdesc: job descriptions (core playbook)"),
                    partial(app.action_section, "jobdesc"),
                    _("job descriptions without an engagement"),
                )
            ]
        resolved = app.session.opened.resolved
        out: list[Command] = [
            (
                _("engagement: intake questionnaire"),
                partial(app.action_section, "intake"),
                _("answer the intake questions"),
            )
        ]
        out += [
            (
                _("phase: {phase}").format(phase=label),
                partial(self._show_phase, phase),
                _("the tasks of the phase {phase}").format(phase=label),
            )
            for phase, label in phase_labels(resolved).items()
        ]
        screen = self.screen
        if isinstance(screen, PhasesScreen) and screen.selected is not None:
            name = screen.selected.name
            for text, action, move in (
                (_("task: start the selected task"), "move('start')", "start"),
                (_("task: mark the selected task done"), "move('done')", "done"),
                (_("task: block the selected task"), "move('block')", "block"),
                (_("task: skip the selected task"), "move('skip')", "skip"),
                (_("task: reopen the selected task"), "move('reopen')", "reopen"),
                (_("task: assign the selected task"), "assign", ""),
                (_("task: add a note to the selected task"), "note", ""),
            ):
                if not move or screen.check_action("move", (move,)):
                    out.append((text, partial(screen.run_action, action), name))
        if isinstance(screen, PhasesScreen):
            from workbench.tui.screens.phases_find import palette_entries

            out += palette_entries(screen)
        from workbench.tui.week_commands import week_commands

        out += week_commands(app, screen)
        go_to = _("task: go to {task}")
        out += [
            (go_to.format(task=task.id), partial(app.show_task, task.id), str(task.name))
            for _phase, task in resolved.tasks()
        ]
        out.append(
            (_("export: every deliverable"), partial(app.show_export, None), _("choose formats and export"))
        )
        from workbench.tui.screens.export import deliverable_name

        out += [
            (
                _("export: {deliverable}").format(deliverable=deliverable_name(name)),
                partial(app.show_export, [name]),
                _("export only {deliverable}").format(deliverable=deliverable_name(name)),
            )
            for name in REGISTRY
        ]
        out += self._people_commands()
        out += [
            (
                _("jobdesc: {title}").format(title=profile.title),
                partial(app.show_jobdesc, profile.id),
                _("the job description of {role}").format(role=profile.id),
            )
            for profile in resolved.job_profiles
        ]
        return out

    def _people_commands(self) -> list[Command]:
        """The People section's actions (and the data audit of Acceptance), reached from anywhere: the
        section opens, then the action runs."""
        commands: list[Command] = [
            (text, partial(self._section_action, "people", action), help_text)
            for text, action, help_text in (
                (
                    _("people: import a roster"),
                    "import_roster",
                    _("merge an HR list (.xlsx or .csv) into the roster"),
                ),
                (_("people: add a person"), "add_person", _("add one person to the roster")),
                (_("people: audit a CRM's users"), "audit", _("the roster against a CRM's user export")),
            )
        ]
        commands.append(
            (
                _("data: audit a legacy export"),
                partial(self._section_action, "uat", "data_audit"),
                _("completeness, invalid values and duplicates of the customer records to migrate"),
            )
        )
        return commands

    async def _section_action(self, section: str, action: str) -> None:
        """Open the section, then run one of its screen's actions (as its key would)."""
        await self.wb.action_section(section)
        if getattr(self.app.screen, "SECTION", None) == section:
            await self.app.screen.run_action(action)

    async def _show_phase(self, phase: str) -> None:
        from workbench.tui.screens.phases import PhasesScreen

        await self.wb.action_section("phases")
        if isinstance(self.app.screen, PhasesScreen):
            self.app.screen.show_phase(phase)

    async def discover(self) -> Hits:
        go_to = _("task: go to {task}").format(task="")
        for text, command, help_text in self.commands():
            if not text.startswith(go_to):  # hundreds of tasks: found by typing, not listed
                yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        go_to = _("task: go to {task}").format(task="")
        for text, command, help_text in self.commands():
            score = matcher.match(f"{text} {help_text}" if text.startswith(go_to) else text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
