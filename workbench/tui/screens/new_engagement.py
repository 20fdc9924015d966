"""The new-engagement dialog: folder, client, playbook (with a preview of what it holds), answers file.

It collects and checks what can be checked without writing anything, then returns a
NewEngagementRequest; the app creates the engagement in a worker. Playbooks load in a worker too, so
moving through the list never freezes the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from workbench.tui import messages as m
from workbench.tui.widgets.path_suggester import PathSuggester
from workbench.tui.widgets.playbook_preview import PlaybookPreview


class NewEngagementDialog(ModalScreen[m.NewEngagementRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="new.cancel", tooltip="Close without creating anything"),
        Binding("ctrl+s", "create", "Create", id="new.create", tooltip="Create the engagement and open it"),
    ]

    def __init__(self, initial: m.NewEngagementRequest | None = None) -> None:
        super().__init__(classes="dialog")
        self.initial = initial or m.NewEngagementRequest()
        self.previews: dict[str, m.PlaybookPreviewLoaded] = {}

    def compose(self) -> ComposeResult:
        from workbench.loading.catalog import discover

        found = discover()
        options = [
            (
                f"{p.id}" + ("" if p.origin == "bundled" else f"  ({p.path.parent})"),
                str(p.path) if p.origin != "bundled" else p.id,
            )
            for p in found
        ]
        values = {value for _, value in options}
        chosen = (
            self.initial.playbook
            if self.initial.playbook in values
            else ("core" if "core" in values else Select.NULL)
        )
        with Vertical(classes="dialog-box wide", id="new-box"):
            yield Label("New engagement", classes="dialog-title")
            with Horizontal(id="new-columns"):
                with Vertical(id="new-form"):
                    yield Label("Folder (created if missing)")
                    yield Input(
                        self.initial.folder,
                        placeholder="e.g. ~/clients/acme",
                        id="folder",
                        suggester=PathSuggester(),
                        compact=True,
                    )
                    yield Label("Client")
                    yield Input(
                        self.initial.client,
                        placeholder="default: from the answers, else the folder",
                        id="client",
                        compact=True,
                    )
                    yield Label("Playbook")
                    yield Select(options, value=chosen, allow_blank=not options, id="playbook", compact=True)
                    yield Label("Answers file (optional)")
                    yield Input(
                        self.initial.answers_file,
                        placeholder="e.g. client.answers.yaml",
                        id="answers",
                        suggester=PathSuggester(files=True),
                        compact=True,
                    )
                    yield Static("", id="new-error", classes="dialog-error")
                with VerticalScroll(id="new-preview"):
                    yield PlaybookPreview(id="preview")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create", variant="primary", id="create", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._preview()

    @on(Select.Changed, "#playbook")
    def _preview(self) -> None:
        value = self.query_one("#playbook", Select).value
        if value is Select.NULL:
            return
        ref = str(value)
        if ref in self.previews:
            self._show(self.previews[ref])
            return
        self.query_one(PlaybookPreview).show_loading(ref)
        self._load(ref)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _load(self, ref: str) -> None:
        from workbench.domain.summary import summarize
        from workbench.loading.playbooks import load_playbook

        try:
            loaded = load_playbook(ref)
        except Exception as exc:  # noqa: BLE001 — a broken local playbook must not take the dialog down
            from workbench.domain.problems import Problem

            self.post_message(
                m.PlaybookPreviewLoaded(ref, None, 0, [Problem(f"{type(exc).__name__}: {exc}")])
            )
            return
        if not loaded.ok:
            self.post_message(m.PlaybookPreviewLoaded(ref, None, 0, loaded.problems))
            return
        pb = loaded.model
        self.post_message(m.PlaybookPreviewLoaded(ref, summarize(pb), len(pb.questions), []))

    @on(m.PlaybookPreviewLoaded)
    def _loaded(self, message: m.PlaybookPreviewLoaded) -> None:
        self.previews[message.ref] = message
        if str(self.query_one("#playbook", Select).value) == message.ref:
            self._show(message)

    def _show(self, message: m.PlaybookPreviewLoaded) -> None:
        preview = self.query_one(PlaybookPreview)
        if message.summary is None:
            preview.show_problems(message.ref, [str(p) for p in message.problems])
        else:
            preview.show(message.ref, message.summary, message.questions)

    def _request(self) -> m.NewEngagementRequest:
        value = self.query_one("#playbook", Select).value
        return m.NewEngagementRequest(
            self.query_one("#folder", Input).value.strip(),
            self.query_one("#client", Input).value.strip(),
            "" if value is Select.NULL else str(value),
            self.query_one("#answers", Input).value.strip(),
        )

    def _problem(self, request: m.NewEngagementRequest) -> str | None:
        """What stops the create before anything is written; None when it may go ahead."""
        from workbench.store.engagement import is_engagement

        if not request.folder:
            return "Type a folder for the engagement."
        folder = Path(request.folder).expanduser()
        if folder.exists() and not folder.is_dir():
            return f"{folder} is a file; the engagement needs a folder."
        if is_engagement(folder):
            return f"{folder} already holds an engagement; open it from the start screen instead."
        if not request.playbook:
            return "Choose a playbook."
        loaded = self.previews.get(request.playbook)
        if loaded is not None and loaded.summary is None:
            return f"Playbook {request.playbook} has problems; see the preview."
        if request.answers_file and not Path(request.answers_file).expanduser().is_file():
            return f"No answers file at {request.answers_file}."
        return None

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        request = self._request()
        problem = self._problem(request)
        if problem:
            self.query_one("#new-error", Static).update(problem)
            return
        self.dismiss(request)

    @on(Input.Submitted, "#answers")
    def _submitted(self) -> None:
        self.action_create()

    @on(Input.Submitted, "#folder, #client")
    def _next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
