"""The engagement folder: `engagement.yaml` (human-editable, diff-friendly) beside `state.db` (the store).

engagement.yaml records the client, the playbook with its version and hash, the intake answers and the
start date, and a `revision` every write increments. Every write goes through `engagement_save` (a
locked read-merge-write), so writers at the same time never undo each other. Answer changes re-resolve
the playbook and sync the store: dropped tasks are archived with their history, new ones appear as not
started.

The store is never re-created silently: an engagement that has a history (a revision, a created stamp)
whose state.db is missing or empty is refused until someone re-initialises it on purpose
(`crmwb store reinit DIR --confirm`).
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from workbench.domain.answers import check_answers
from workbench.domain.client_calendar import calendar_problems, engagement_calendar
from workbench.domain.overrides import apply_overrides, check_overrides
from workbench.domain.plan import Plan, plan_for
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.resolve import resolve
from workbench.domain.target_date import TargetCheck, check_target
from workbench.domain.target_text import target_warning
from workbench.i18n import _
from workbench.languages import LANGUAGES
from workbench.loading.locate import place
from workbench.loading.located_yaml import LDict, YamlError, plain, read_yaml
from workbench.loading.playbooks import LoadedPlaybook, load_playbook
from workbench.loading.shapes import (ENGAGEMENT_REQUIRED, ENGAGEMENT_SHAPES, MAX_ENGAGEMENT_BYTES,
                                      shape_problems)
from workbench.store.base import StateStore, StoreBusy
from workbench.store.busy import BusyPolicy
from workbench.store.choose import check_team_address, engagement_store, store_address_problems, team_address
from workbench.store.sqlite_store import StoreDataError

FILE_NAME = "engagement.yaml"
STORE_NAME = "state.db"
_KEYS = {"client", "playbook", "playbook_version", "playbook_sha256", "start", "created", "answers",
         "overrides", "revision", "calendar", "language", "store"}
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
    revision: int = 0
    """how many times engagement.yaml was written (hand edits leave it as it is)"""
    calendar: dict[str, Any] = field(default_factory=dict)
    """the engagement's own calendar changes: {weekend: [thu, fri], days_off: [dates], working_days: [dates]}"""
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
        data = {"client": self.client, "playbook": self.playbook, "playbook_version": self.playbook_version,
                "playbook_sha256": self.playbook_sha256, "start": self.start, "created": self.created,
                "revision": self.revision}
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
           author: str, language: str = "", store: str = "") -> Engagement:
    """Create the folder, its store and its engagement.yaml (revision 1); refuses a folder that already
    holds an engagement, also when another `new` wins the race for it."""
    from workbench.store.engagement_save import save_engagement

    folder = Path(folder)
    if is_engagement(folder):
        raise EngagementError([Problem(f"{folder} already holds an engagement; open it instead",
                                       file=str(folder / FILE_NAME))])
    store = check_team_address(store)
    loaded = load_playbook(playbook_ref)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    problems = check_answers(loaded.playbook, answers)
    if problems:
        raise EngagementError(problems)
    engagement = Engagement(folder, client, _playbook_ref(playbook_ref, folder), start, plain(answers),
                            loaded.playbook.version, loaded.digest,
                            datetime.now(timezone.utc).isoformat(timespec="seconds"), language=language,
                            store=store)

    def make_store(written: Engagement) -> None:  # under the folder lock, before engagement.yaml exists
        with closing(engagement_store(written)) as store:
            store.sync_tasks(task_rows(resolve(loaded.playbook, answers)), author)

    return save_engagement(None, engagement, sync=make_store).engagement


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
        data = read_yaml(path, MAX_ENGAGEMENT_BYTES, what=FILE_NAME)
    except YamlError as exc:
        loc = exc.loc
        raise EngagementError([Problem(exc.message, file=exc.file, line=loc.line if loc else None,
                                       column=loc.column if loc else None)]) from None
    if not isinstance(data, LDict):
        raise EngagementError([Problem("expected a mapping with client, playbook, start and answers", file=str(path),
                                       line=1, column=1)])
    problems = [place(Problem(f"unknown key {k!r}; expected one of: {', '.join(sorted(_KEYS))}", (k,),
                              code="unknown-key"), data, str(path)) for k in data if k not in _KEYS]
    problems += shape_problems(data, ENGAGEMENT_SHAPES, ENGAGEMENT_REQUIRED, str(path))
    revision = data.get("revision", 0)
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        message = _("{value!r}; expected a whole number, 0 or more").format(value=revision)
        problems.append(place(Problem(message, ("revision",)), data, str(path)))
    problems += [place(p, data, str(path)) for p in calendar_problems(data.get("calendar"))]
    language = data.get("language", "")
    if "language" in data and language not in LANGUAGES:
        message = _("language {value!r}; expected one of: {choices}").format(
            value=str(language)[:20], choices=", ".join(LANGUAGES))
        problems.append(place(Problem(message, ("language",)), data, str(path)))
    store = data.get("store", "")
    problems += [place(Problem(message, ("store",), code="store-address"), data, str(path))
                 for message in store_address_problems(store)]
    if problems:
        raise EngagementError(problems)
    return Engagement(folder, data["client"], data["playbook"], data["start"], plain(data["answers"]),
                      str(data.get("playbook_version") or ""), str(data.get("playbook_sha256") or ""),
                      str(data.get("created") or ""), plain(data.get("overrides") or {}), revision,
                      plain(data.get("calendar") or {}), language, str(store or ""))


def work_calendar(engagement: Engagement, lang: str = "en"):
    """The engagement's working calendar (its country's, with its own `calendar:` changes): the one every
    date of this engagement is counted on."""
    return engagement_calendar(engagement.answers, engagement.start, engagement.calendar, lang)


def engagement_plan(engagement: Engagement, resolved: Playbook) -> Plan:
    """The engagement's plan: sized, levelled and on its calendar, as every interface shows it."""
    from workbench.i18n import current_language

    return plan_for(resolved, engagement.answers, engagement.start, work_calendar(engagement, current_language()))


@dataclass
class OpenEngagement:
    """An engagement with its playbook resolved, its plan scheduled and its store open."""

    engagement: Engagement
    loaded: LoadedPlaybook
    resolved: Playbook
    plan: Plan
    store: StateStore
    warnings: list[str]
    target: TargetCheck | None = None
    """the plan against the client's target go-live (None when the intake gave none)"""

    @property
    def playbook(self) -> Playbook:
        return self.loaded.playbook

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> OpenEngagement:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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
        raise EngagementError([Problem(_(
            "{state}, but engagement.yaml records an engagement with a history (revision {revision}, created "
            "{created}); expected the state.db that belongs to it: restore it from a backup, or start a new "
            "empty task history on purpose with `crmwb store reinit {folder} --confirm`").format(
            state=state, revision=engagement.revision, created=engagement.created or "?",
            folder=engagement.folder), file=str(path), code="store-missing")])


def load_resolved(engagement: Engagement) -> tuple[LoadedPlaybook, Playbook, list[str]]:
    """The engagement's playbook loaded, checked against its answers and overrides, and resolved."""
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
                        f"{engagement.playbook_version or '?'} -> {loaded.playbook.version}); tasks follow "
                        "the new one")
    resolved = apply_overrides(resolve(loaded.playbook, engagement.answers), engagement.overrides)
    return loaded, resolved, warnings


def open_engagement(folder: Path, author: str, busy: BusyPolicy | None = None,
                    new_store: bool = False, *, sync: bool = True) -> OpenEngagement:
    """Read, resolve, schedule and sync: after this the store's tasks match the current answers (this is
    also what catches the store up after a save whose sync failed). `new_store` allows creating a missing
    state.db for an engagement with a history (`crmwb store reinit`). `sync=False` opens for reading only
    (the TUI, while another program holds the write lock: WAL lets readers in); the caller syncs later."""
    engagement = read(folder)
    if not new_store:
        check_store_present(engagement)
    loaded, resolved, warnings = load_resolved(engagement)
    plan = engagement_plan(engagement, resolved)
    target = check_target(resolved, plan, engagement.answers, engagement.start)
    if target is not None and target.missed:
        warnings.append(target_warning(target, resolved))
    store = engagement_store(engagement, busy)
    try:
        if sync:
            store.sync_tasks(task_rows(resolved), author)
    except StoreBusy as exc:  # reading goes on; a write this command makes will wait for the lock itself
        warnings.append(_("the task list does not follow the latest answers yet ({reason}); the next command "
                          "brings it up to date").format(reason=exc))
    except StoreDataError as exc:
        store.close()
        raise EngagementError([Problem(exc.message, file=str(exc.path), code="store-data")]) from None
    except BaseException:
        store.close()
        raise
    return OpenEngagement(engagement, loaded, resolved, plan, store, warnings, target)


def sync_answers(store: StateStore, pb: Playbook, engagement: Engagement, author: str):
    """Bring the store's task list to `engagement`'s answers (as merged and written)."""
    problems = check_answers(pb, engagement.answers)
    if problems:
        raise EngagementError([place(p, read_yaml(engagement.file), str(engagement.file)) for p in problems])
    return store.sync_tasks(task_rows(resolve(pb, engagement.answers)), author)


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
    for name in ("client", "playbook", "start", "answers", "playbook_version", "playbook_sha256", "created",
                 "overrides", "revision", "calendar", "language", "store"):
        setattr(engagement, name, getattr(written, name))
