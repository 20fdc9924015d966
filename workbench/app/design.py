"""The design a governance command works on: an engagement folder or a playbook (+ answers), resolved.

An engagement folder is read without opening its state store: audits run in CI on a checkout, and a
read-only command must not create or migrate state.db there. The playbook is resolved against the
engagement's answers (and its RFP overrides), exactly as the engagement's other commands see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem


@dataclass
class Design:
    playbook: Playbook
    """resolved against the answers"""
    label: str
    """what the design is, for headers: 'engagement Acme (core 1.0.0)' or 'playbook core 1.0.0'"""
    digest: str
    client: str | None = None
    warnings: list[str] = field(default_factory=list)
    full: Playbook | None = None
    """the playbook before the answers (for 'what dropped out' and the export's identity)"""
    answers: dict[str, Any] = field(default_factory=dict)
    start: date | None = None
    """the engagement's start date; None for a playbook"""
    calendar: dict[str, Any] = field(default_factory=dict)
    """the engagement's own calendar changes (engagement.yaml's `calendar:`); {} for a playbook"""
    engagement: str = ""
    """the engagement's identity ('' for a playbook): its creation stamp and client, tells two clients'
    exports apart even when `--client` renames one"""
    folder: Path | None = None
    """the engagement folder (None for a playbook): where the export reads the recorded UAT state"""


def load_design(ref: str, answers_file: Path | None) -> tuple[Design | None, list[Problem]]:
    """The resolved design, or None and the located problems that stop it."""
    from workbench.domain.problems import Problem

    path = Path(ref)
    if path.is_dir():
        if answers_file is not None:
            return None, [
                Problem(
                    "an engagement carries its own answers; --answers is for a playbook",
                    file=str(answers_file),
                )
            ]
        return _engagement(path)
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook

    loaded = load_playbook(ref)  # once: its digest comes with it
    if not loaded.ok or loaded.playbook is None:
        return None, loaded.problems
    playbook, answers, client, problems = loaded.playbook, {}, None, list(loaded.problems)
    if answers_file is not None:
        read = load_answers(answers_file, playbook)
        answers, client, problems = read.answers, read.client, problems + read.problems
    if any(p.severity == "error" for p in problems):
        return None, problems
    digest = loaded.digest
    label = _("playbook {id} {version}").format(id=playbook.id, version=playbook.version)
    return Design(resolve(playbook, answers), label, digest, client, full=playbook, answers=answers), problems


def _engagement(folder: Path) -> tuple[Design | None, list[Problem]]:
    """The engagement's design, read as every engagement command reads it (app.engagement), without its
    store."""
    from workbench.app.engagement import resolve_engagement
    from workbench.store.engagement import EngagementError, read

    try:
        engagement = read(folder)
        got = resolve_engagement(engagement)
    except EngagementError as exc:
        return None, exc.problems
    pb = got.loaded.model
    label = _("engagement {client} ({id} {version})").format(
        client=engagement.client, id=pb.id, version=pb.version
    )
    return Design(
        got.resolved,
        label,
        got.loaded.digest,
        engagement.client,
        warnings=got.warnings,
        full=pb,
        answers=dict(engagement.answers),
        start=engagement.start,
        calendar=dict(engagement.calendar),
        engagement=_identity(engagement),
        folder=engagement.folder,
    ), []


def _identity(engagement) -> str:
    return f"{engagement.created or engagement.folder.resolve()} {engagement.client}"
