"""Every custom message of the workbench, in one place, as documented dataclasses.

Widgets post requests (they never write files); screens and the app act on them. Workers post progress
and results from their threads (`post_message` is thread-safe), and the handlers own the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from workbench.app.session import Session
    from workbench.domain.answer_diff import AnswerDiff
    from workbench.domain.problems import Problem
    from workbench.domain.summary import Summary
    from workbench.writers.export import ExportResult


# ---- engagements (start screen -> app)
@dataclass
class OpenEngagementRequested(Message):
    """Open the engagement in `folder` (a recent entry, the open dialog, the palette)."""

    folder: Path


@dataclass
class NewEngagementRequest:
    """What the new-engagement dialog collects; kept whole so a failed create can reopen it filled in."""

    folder: str = ""
    client: str = ""
    playbook: str = ""
    answers_file: str = ""


@dataclass
class CreateEngagementRequested(Message):
    """Create an engagement as asked, then open it."""

    request: NewEngagementRequest


@dataclass
class EngagementOpened(Message):
    """A worker opened (or created and opened) an engagement; the app installs it."""

    session: Session


@dataclass
class EngagementFailed(Message):
    """Opening or creating failed; `problems` are located where the store could locate them."""

    title: str
    message: str
    problems: list[Problem] = field(default_factory=list)
    request: NewEngagementRequest | None = None
    """set when a create failed, so the dialog can come back with what was typed"""


@dataclass
class SectionRequested(Message):
    """Switch to a section of the frame (a mode): start, intake, phases, deliverables, export, jobdesc."""

    section: str


# ---- new-engagement dialog
@dataclass
class PlaybookPreviewLoaded(Message):
    """A worker loaded a playbook for the preview: its summary and question count, or its problems."""

    ref: str
    summary: Summary | None
    questions: int = 0
    problems: list[Problem] = field(default_factory=list)


# ---- intake
@dataclass
class AnswerCommitted(Message):
    """The person gave an answer (a valid value for the question); the screen saves it."""

    question_id: str
    value: Any
    advance: bool = False
    """move on to the next open question after saving (Enter in a text field, Ctrl+S)"""


@dataclass
class AnswersSaved(Message):
    """A worker saved the answers (and the engagement re-opened on them).

    `total` is what every change since the screen opened adds or drops; `last` what this save did."""

    answers: dict[str, Any]
    total: AnswerDiff
    last: AnswerDiff


@dataclass
class AnswersSaveFailed(Message):
    """Saving failed; the answers stay on screen so nothing typed is lost."""

    message: str
    written: bool = False
    """engagement.yaml holds the answers (only the task list is behind)"""


# ---- phases
@dataclass
class ChecklistItemToggled(Message):
    """A checklist item was ticked or unticked in the task detail pane."""

    task_id: str
    index: int
    done: bool


# ---- export
@dataclass
class ExportProgress(Message):
    """Before each writer runs, and once at the end (done == total)."""

    done: int
    total: int
    label: str


@dataclass
class ExportFinished(Message):
    """The export worker finished; `result` says where the files went."""

    result: ExportResult


@dataclass
class ExportFailed(Message):
    """The export worker failed; nothing was moved into place (export is all or nothing)."""

    message: str


# ---- job descriptions
@dataclass
class JobdescWritten(Message):
    """The job-description worker wrote `path`."""

    path: Path


@dataclass
class JobdescFailed(Message):
    """Writing the job description failed."""

    message: str


# ---- the state store (posted by workbench.tui.store_queue to the screen that asked)
@dataclass
class StoreWaiting(Message):
    """Another program holds the store's write lock; `label`'s change is retried in the background."""

    label: str


@dataclass
class StoreDone(Message):
    """A change landed (`waited`: after the store was busy); `result` is what the job read afterwards."""

    label: str
    result: Any
    waited: bool = False


@dataclass
class StoreRefused(Message):
    """The store refused the change (unknown or archived task...); nothing was written."""

    label: str
    message: str


@dataclass
class StoreRead(Message):
    """A read worker's result: `what` names the read, `result` is its value."""

    what: str
    result: Any


@dataclass
class ExternalChange(Message):
    """What the watcher saw: state.db's change counter and engagement.yaml's mtime, on the store object
    `store_id`. Whether that is a change is decided on the UI thread, against what was seen before."""

    store_id: int
    data_version: int | None
    yaml_stamp: int | None
    force: bool
    """Ctrl+R: re-read whatever the figures say"""


@dataclass
class EngagementReloaded(Message):
    """A worker re-opened the engagement after engagement.yaml changed elsewhere."""

    opened: Any
    synced: bool
    notice: bool = True
    """tell the person that engagement.yaml changed elsewhere"""
