"""The engagement folder: `engagement.yaml` (human-editable, diff-friendly) beside `state.db` (the store).

engagement.yaml records the client, the playbook with its version and hash, the intake answers and the
start date, and a `revision` every write increments. Every write goes through `engagement_save` (a
locked read-merge-write), so writers at the same time never undo each other. Opening, creating and
re-resolving an engagement against its playbook are use cases of `workbench.app.engagement`: this module
only reads and writes the folder's files.

The store is never re-created silently: an engagement that has a history (a revision, a created stamp)
whose state.db is missing or empty is refused until someone re-initialises it on purpose
(`crmwb store reinit DIR --confirm`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from workbench.domain.client_calendar import calendar_problems, engagement_calendar
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.languages import LANGUAGES
from workbench.loading.locate import place
from workbench.loading.located_yaml import LDict, YamlError, plain, read_yaml
from workbench.loading.shapes import (
    ENGAGEMENT_REQUIRED,
    ENGAGEMENT_SHAPES,
    MAX_ENGAGEMENT_BYTES,
    shape_problems,
)
from workbench.store.choose import store_address_problems, team_address
from workbench.store.engagement_file import FILE_NAME, STORE_NAME, is_engagement  # noqa: F401 (re-exported)

_KEYS = {
    "client",
    "playbook",
    "playbook_version",
    "playbook_sha256",
    "start",
    "created",
    "answers",
    "overrides",
    "revision",
    "calendar",
    "language",
    "store",
}
_HEADER = (
    "# CRM Workbench engagement. Edit the answers here or with `crmwb intake`; after an edit, run any\n"
    "# crmwb command on this folder and the task list follows the answers (dropped tasks are archived).\n"
)


@dataclass
class Engagement:
    folder: Path
    client: str
    playbook: str
    start: date
    answers: dict[str, Any] = field(default_factory=dict)
    playbook_version: str = ""
    playbook_sha256: str = ""
    created: str = ""
    overrides: dict[str, Any] = field(default_factory=dict)
    """per-client edits of the RFP: {requirements: {ID: {priority, weight}}}"""
    revision: int = 0
    """how many times engagement.yaml was written (hand edits leave it as it is)"""
    calendar: dict[str, Any] = field(default_factory=dict)
    """the engagement's own calendar changes: {weekend: [thu, fri], days_off: [dates], working_days:
    [dates]}"""
    language: str = ""
    """the client's language (en, fa, ru): every command on the folder speaks it unless `--lang` says
    otherwise; empty in files written before the field existed (then $CRMWB_LANG, else English)"""
    store: str = ""
    """where the task states and history live: a PostgreSQL address (no password) of the team store, or
    empty (or `sqlite`) for state.db beside this file"""

    @property
    def file(self) -> Path:
        return self.folder / FILE_NAME

    @property
    def store_path(self) -> Path:
        return self.folder / STORE_NAME

    def to_yaml(self) -> str:
        data = {
            "client": self.client,
            "playbook": self.playbook,
            "playbook_version": self.playbook_version,
            "playbook_sha256": self.playbook_sha256,
            "start": self.start,
            "created": self.created,
            "revision": self.revision,
        }
        if self.language:
            data["language"] = self.language
        if self.store:
            data["store"] = self.store
        data["answers"] = self.answers
        if self.overrides:
            data["overrides"] = self.overrides
        if self.calendar:
            data["calendar"] = self.calendar
        return _HEADER + yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False, width=100)


class EngagementError(Exception):
    """The folder is not a usable engagement; `problems` are located where possible."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def task_rows(pb: Playbook) -> list[tuple[str, str, int]]:
    return [(t.id, phase.id, len(t.checklist)) for phase, t in pb.tasks()]


def read(folder: Path) -> Engagement:
    """Read engagement.yaml; every problem located, raised together as EngagementError."""
    folder = Path(folder)
    path = folder / FILE_NAME
    if not path.is_file():
        raise EngagementError(
            [
                Problem(
                    f"no {FILE_NAME} here; create one with `crmwb new {folder} --playbook core`",
                    file=str(folder),
                )
            ]
        )
    try:
        data = read_yaml(path, MAX_ENGAGEMENT_BYTES, what=FILE_NAME)
    except YamlError as exc:
        loc = exc.loc
        raise EngagementError(
            [
                Problem(
                    exc.message,
                    file=exc.file,
                    line=loc.line if loc else None,
                    column=loc.column if loc else None,
                )
            ]
        ) from None
    if not isinstance(data, LDict):
        raise EngagementError(
            [
                Problem(
                    "expected a mapping with client, playbook, start and answers",
                    file=str(path),
                    line=1,
                    column=1,
                )
            ]
        )
    problems = [
        place(
            Problem(
                f"unknown key {k!r}; expected one of: {', '.join(sorted(_KEYS))}", (k,), code="unknown-key"
            ),
            data,
            str(path),
        )
        for k in data
        if k not in _KEYS
    ]
    problems += shape_problems(data, ENGAGEMENT_SHAPES, ENGAGEMENT_REQUIRED, str(path))
    revision = data.get("revision", 0)
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        message = _("{value!r}; expected a whole number, 0 or more").format(value=revision)
        problems.append(place(Problem(message, ("revision",)), data, str(path)))
    problems += [place(p, data, str(path)) for p in calendar_problems(data.get("calendar"))]
    language = data.get("language", "")
    if "language" in data and language not in LANGUAGES:
        message = _("language {value!r}; expected one of: {choices}").format(
            value=str(language)[:20], choices=", ".join(LANGUAGES)
        )
        problems.append(place(Problem(message, ("language",)), data, str(path)))
    store = data.get("store", "")
    problems += [
        place(Problem(message, ("store",), code="store-address"), data, str(path))
        for message in store_address_problems(store)
    ]
    if problems:
        raise EngagementError(problems)
    return Engagement(
        folder,
        data["client"],
        data["playbook"],
        data["start"],
        plain(data["answers"]),
        str(data.get("playbook_version") or ""),
        str(data.get("playbook_sha256") or ""),
        str(data.get("created") or ""),
        plain(data.get("overrides") or {}),
        revision,
        plain(data.get("calendar") or {}),
        language,
        str(store or ""),
    )


def work_calendar(engagement: Engagement, lang: str = "en"):
    """The engagement's working calendar (its country's, with its own `calendar:` changes): the one every
    date of this engagement is counted on."""
    return engagement_calendar(engagement.answers, engagement.start, engagement.calendar, lang)


def has_history(engagement: Engagement) -> bool:
    """engagement.yaml says a store was made for it: it was created by crmwb or written since."""
    return bool(engagement.created) or engagement.revision > 0


def check_store_present(engagement: Engagement) -> None:
    """Refuse to re-create a missing or empty state.db for an engagement that had one: that would throw
    its task history away without a word."""
    if team_address(engagement) is not None:
        return  # the state is in the team database, not in a file beside engagement.yaml
    path = engagement.store_path
    if not path.exists():
        state = _("the file is missing")
    else:
        state = _("the file is empty (0 bytes)") if path.stat().st_size == 0 else ""
    if state and has_history(engagement):
        raise EngagementError(
            [
                Problem(
                    _(
                        "{state}, but engagement.yaml records an engagement with a history (revision "
                        "{revision}, created {created}); expected the state.db that belongs to it: restore "
                        "it from a backup, or start a new empty task history on purpose with "
                        "`crmwb store reinit {folder} --confirm`"
                    ).format(
                        state=state,
                        revision=engagement.revision,
                        created=engagement.created or "?",
                        folder=engagement.folder,
                    ),
                    file=str(path),
                    code="store-missing",
                )
            ]
        )


def save_answers(engagement: Engagement, answers: dict[str, Any]):
    """Save changed answers (merged with what the file holds now); `engagement` becomes what was written.
    Returns the SaveResult; raises EditConflict when another writer changed the same answer."""
    from dataclasses import replace

    from workbench.store.engagement_save import save_engagement

    result = save_engagement(replace(engagement), replace(engagement, answers=plain(answers)))
    _adopt(engagement, result.engagement)
    return result


def save_overrides(engagement: Engagement, overrides: dict[str, Any]):
    """Save changed RFP edits (merged with what the file holds now), as save_answers does."""
    from dataclasses import replace

    from workbench.store.engagement_save import save_engagement

    result = save_engagement(replace(engagement), replace(engagement, overrides=plain(overrides)))
    _adopt(engagement, result.engagement)
    return result


def _adopt(engagement: Engagement, written: Engagement) -> None:
    for name in (
        "client",
        "playbook",
        "start",
        "answers",
        "playbook_version",
        "playbook_sha256",
        "created",
        "overrides",
        "revision",
        "calendar",
        "language",
        "store",
    ):
        setattr(engagement, name, getattr(written, name))
