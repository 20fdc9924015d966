"""The engagement folder: `engagement.yaml` (human-editable, diff-friendly) beside `state.db` (the store).

engagement.yaml records the client, the playbook with its version and hash, the intake answers and the
start date. Answer changes re-resolve the playbook and sync the store: dropped tasks are archived with
their history, new ones appear as not started.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from workbench.domain.answers import check_answers
from workbench.domain.overrides import apply_overrides, check_overrides
from workbench.domain.plan import Plan, schedule
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.resolve import resolve
from workbench.loading.locate import place
from workbench.loading.located_yaml import LDict, YamlError, plain, read_yaml
from workbench.loading.playbooks import LoadedPlaybook, load_playbook
from workbench.store.sqlite_store import SQLiteStore
from workbench.writers.atomic import write_text_atomic

FILE_NAME = "engagement.yaml"
STORE_NAME = "state.db"
_KEYS = {"client", "playbook", "playbook_version", "playbook_sha256", "start", "created", "answers", "overrides"}
_HEADER = ("# CRM Workbench engagement. Edit the answers here or with `crmwb intake`; after an edit, run any\n"
           "# crmwb command on this folder and the task list follows the answers (dropped tasks are archived).\n")


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

    @property
    def file(self) -> Path:
        return self.folder / FILE_NAME

    @property
    def store_path(self) -> Path:
        return self.folder / STORE_NAME

    def to_yaml(self) -> str:
        data = {"client": self.client, "playbook": self.playbook, "playbook_version": self.playbook_version,
                "playbook_sha256": self.playbook_sha256, "start": self.start, "created": self.created,
                "answers": self.answers}
        if self.overrides:
            data["overrides"] = self.overrides
        return _HEADER + yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False, width=100)


class EngagementError(Exception):
    """The folder is not a usable engagement; `problems` are located where possible."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def is_engagement(path: Path) -> bool:
    return (Path(path) / FILE_NAME).is_file()


def _playbook_ref(ref: str, folder: Path) -> str:
    """Bundled ids stay ids; a playbook file is recorded relative to the engagement folder when possible."""
    path = Path(ref)
    if path.suffix not in (".yaml", ".yml"):
        return ref
    try:
        return str(path.resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path.resolve())


def create(folder: Path, playbook_ref: str, answers: dict[str, Any], client: str, start: date,
           author: str) -> Engagement:
    """Create the folder, its engagement.yaml and its store; refuses a folder that already holds one."""
    folder = Path(folder)
    if is_engagement(folder):
        raise EngagementError([Problem(f"{folder} already holds an engagement; open it instead",
                                       file=str(folder / FILE_NAME))])
    loaded = load_playbook(playbook_ref)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    problems = check_answers(loaded.playbook, answers)
    if problems:
        raise EngagementError(problems)
    folder.mkdir(parents=True, exist_ok=True)
    engagement = Engagement(folder, client, _playbook_ref(playbook_ref, folder), start, plain(answers),
                            loaded.playbook.version, loaded.digest,
                            datetime.now(timezone.utc).isoformat(timespec="seconds"))
    write_text_atomic(engagement.file, engagement.to_yaml())
    with SQLiteStore(engagement.store_path) as store:
        store.sync_tasks(task_rows(resolve(loaded.playbook, answers)), author)
    return engagement


def task_rows(pb: Playbook) -> list[tuple[str, str, int]]:
    return [(t.id, phase.id, len(t.checklist)) for phase, t in pb.tasks()]


def read(folder: Path) -> Engagement:
    """Read engagement.yaml; every problem located, raised together as EngagementError."""
    folder = Path(folder)
    path = folder / FILE_NAME
    if not path.is_file():
        raise EngagementError([Problem(f"no {FILE_NAME} here; create one with `crmwb new {folder} --playbook core`",
                                       file=str(folder))])
    try:
        data = read_yaml(path)
    except YamlError as exc:
        loc = exc.loc
        raise EngagementError([Problem(exc.message, file=exc.file, line=loc.line if loc else None,
                                       column=loc.column if loc else None)]) from None
    if not isinstance(data, LDict):
        raise EngagementError([Problem("expected a mapping with client, playbook, start and answers", file=str(path),
                                       line=1, column=1)])
    problems = [place(Problem(f"unknown key {k!r}; expected one of: {', '.join(sorted(_KEYS))}", (k,),
                              code="unknown-key"), data, str(path)) for k in data if k not in _KEYS]
    for key, kind, expected in (("client", str, "text"), ("playbook", str, "a playbook id or file"),
                                ("start", date, "a date YYYY-MM-DD"), ("answers", dict, "a mapping")):
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, datetime):
            message = f"missing {key!r}" if key not in data else f"{key!r} is {value!r}"
            problems.append(place(Problem(f"{message}; expected {expected}", (key,)), data, str(path)))
    if problems:
        raise EngagementError(problems)
    return Engagement(folder, data["client"], data["playbook"], data["start"], plain(data["answers"]),
                      str(data.get("playbook_version") or ""), str(data.get("playbook_sha256") or ""),
                      str(data.get("created") or ""), plain(data.get("overrides") or {}))


@dataclass
class OpenEngagement:
    """An engagement with its playbook resolved, its plan scheduled and its store open."""

    engagement: Engagement
    loaded: LoadedPlaybook
    resolved: Playbook
    plan: Plan
    store: SQLiteStore
    warnings: list[str]

    @property
    def playbook(self) -> Playbook:
        return self.loaded.playbook

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> OpenEngagement:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_engagement(folder: Path, author: str, *, sync: bool = True) -> OpenEngagement:
    """Read, resolve, schedule and sync: after this the store's tasks match the current answers.

    `sync=False` opens for reading only (the TUI, while another program holds the write lock: WAL lets
    readers in); the caller syncs later."""
    engagement = read(folder)
    ref = engagement.playbook
    if Path(ref).suffix in (".yaml", ".yml") and not Path(ref).is_absolute():
        ref = str(engagement.folder / ref)
    loaded = load_playbook(ref)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    problems = [place(p, read_yaml(engagement.file), str(engagement.file)) for p in
                check_answers(loaded.playbook, engagement.answers)
                + check_overrides(loaded.playbook, engagement.overrides)]
    if problems:
        raise EngagementError(problems)
    warnings = []
    if engagement.playbook_sha256 and engagement.playbook_sha256 != loaded.digest:
        warnings.append(f"the playbook changed since this engagement was created (version "
                        f"{engagement.playbook_version or '?'} -> {loaded.playbook.version}); tasks follow the new one")
    resolved = apply_overrides(resolve(loaded.playbook, engagement.answers), engagement.overrides)
    plan = schedule(resolved, engagement.start)
    store = SQLiteStore(engagement.store_path)
    if sync:
        store.sync_tasks(task_rows(resolved), author)
    return OpenEngagement(engagement, loaded, resolved, plan, store, warnings)


def save_answers(engagement: Engagement, answers: dict[str, Any]) -> None:
    """Replace the answers in engagement.yaml atomically (the store follows on the next open)."""
    engagement.answers = plain(answers)
    write_text_atomic(engagement.file, engagement.to_yaml())


def save_overrides(engagement: Engagement, overrides: dict[str, Any]) -> None:
    """Replace the RFP edits in engagement.yaml atomically."""
    engagement.overrides = plain(overrides)
    write_text_atomic(engagement.file, engagement.to_yaml())
