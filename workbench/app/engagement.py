"""The engagement use cases, written once for the CLI and the TUI: create one, read one against its
playbook (answers and RFP overrides checked, drift warned, resolved), open one with its store.

The playbook is loaded once per operation and comes from the resolved-playbook cache when none of its
files changed (`playbook_cache`): re-opening the 100x engagement after an answer save is a cache hit.
Everything fails as EngagementError with located problems, for the CLI to print and the TUI to show.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from workbench.app import playbook_cache
from workbench.app.playbook_json import resolve_for
from workbench.domain.answers import check_answers
from workbench.domain.intake import ordered_answers
from workbench.domain.overrides import check_overrides
from workbench.domain.plan import Plan, plan_for
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.domain.resolve import resolve
from workbench.domain.target_date import TargetCheck, check_target
from workbench.domain.target_text import target_warning
from workbench.i18n import _
from workbench.loading import catalog
from workbench.loading.locate import place
from workbench.loading.located_yaml import plain, read_yaml
from workbench.loading.playbooks import LoadedPlaybook, load_playbook
from workbench.store.base import StateStore, StoreBusy
from workbench.store.busy import BusyPolicy
from workbench.store.choose import check_team_address, engagement_store
from workbench.store.engagement import (
    FILE_NAME,
    Engagement,
    EngagementError,
    check_store_present,
    is_engagement,
    read,
    task_rows,
    work_calendar,
)
from workbench.store.sqlite_store import StoreDataError


# ---- reading: the engagement against its playbook
@dataclass
class Resolved:
    """An engagement's playbook as loaded and as resolved against its answers and overrides."""

    loaded: LoadedPlaybook
    resolved: Playbook
    warnings: list[str]


def playbook_path(engagement: Engagement) -> str:
    """The engagement's playbook reference, a relative .yaml taken from the engagement folder."""
    ref = engagement.playbook
    if Path(ref).suffix in (".yaml", ".yml") and not Path(ref).is_absolute():
        ref = str(engagement.folder / ref)
    return ref


def drift_warning(engagement: Engagement, loaded: LoadedPlaybook) -> list[str]:
    """The playbook's files changed since the engagement recorded their hash."""
    if engagement.playbook_sha256 and engagement.playbook_sha256 != loaded.digest:
        return [
            _(
                "the playbook changed since this engagement was created (version {old} -> {new}); tasks "
                "follow the new one"
            ).format(old=engagement.playbook_version or "?", new=loaded.model.version)
        ]
    return []


def resolve_engagement(engagement: Engagement) -> Resolved:
    """The one way an engagement meets its playbook: loaded (from the cache when unchanged), the answers
    and RFP overrides checked, resolved, and a warning when the playbook drifted."""
    ref = playbook_path(engagement)
    top = Path(ref) if Path(ref).suffix in (".yaml", ".yml") else catalog.find(ref)
    answers, overrides = plain(engagement.answers), plain(engagement.overrides)
    cached = playbook_cache.lookup(top, answers, overrides) if top is not None else None
    if cached is None:
        loaded = (playbook_cache.loaded_playbook(top) if top is not None else None) or load_playbook(ref)
        if not loaded.ok:
            raise EngagementError(loaded.problems)
        problems = check_answers(loaded.model, engagement.answers) + check_overrides(
            loaded.model, engagement.overrides
        )
        if problems:
            located = read_yaml(engagement.file)
            raise EngagementError([place(p, located, str(engagement.file)) for p in problems])
        resolved = resolve_for(loaded.model, engagement.answers, engagement.overrides)
        cached = playbook_cache.CachedPlaybook(loaded, resolved)
        if top is not None:
            playbook_cache.store(top, answers, overrides, cached)
    return Resolved(cached.loaded, cached.resolved, drift_warning(engagement, cached.loaded))


def load_resolved(engagement: Engagement) -> tuple[LoadedPlaybook, Playbook, list[str]]:
    """resolve_engagement as a tuple (loaded, resolved, warnings)."""
    got = resolve_engagement(engagement)
    return got.loaded, got.resolved, got.warnings


def engagement_plan(engagement: Engagement, resolved: Playbook) -> Plan:
    """The engagement's plan: sized, levelled and on its calendar, as every interface shows it."""
    from workbench.i18n import current_language

    calendar = work_calendar(engagement, current_language())
    return plan_for(resolved, engagement.answers, engagement.start, calendar)


# ---- opening: with the store
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
        return self.loaded.model

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> OpenEngagement:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_engagement(
    folder: Path, author: str, busy: BusyPolicy | None = None, new_store: bool = False, *, sync: bool = True
) -> OpenEngagement:
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
        warnings.append(
            _(
                "the task list does not follow the latest answers yet ({reason}); the next command "
                "brings it up to date"
            ).format(reason=exc)
        )
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


# ---- creating
def recorded_ref(ref: str, folder: Path) -> str:
    """Bundled ids stay ids; a playbook file is recorded relative to the engagement folder when possible."""
    path = Path(ref)
    if path.suffix not in (".yaml", ".yml"):
        return ref
    try:
        return str(path.resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(path.resolve())


def create(
    folder: Path,
    playbook_ref: str,
    answers: dict[str, Any],
    client: str,
    start: date,
    author: str,
    language: str = "",
    loaded: LoadedPlaybook | None = None,
    store: str = "",
) -> Engagement:
    """Create the folder, its store and its engagement.yaml (revision 1); refuses a folder that already
    holds an engagement, also when another `new` wins the race for it. `loaded` is the playbook when the
    caller has loaded it already."""
    from workbench.store.engagement_save import save_engagement

    folder = Path(folder)
    if is_engagement(folder):
        raise EngagementError(
            [
                Problem(
                    _("{folder} already holds an engagement; open it instead").format(folder=folder),
                    file=str(folder / FILE_NAME),
                )
            ]
        )
    store = check_team_address(store)
    loaded = loaded or load_playbook(playbook_ref)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    problems = check_answers(loaded.model, answers)
    if problems:
        raise EngagementError(problems)
    engagement = Engagement(
        folder,
        client,
        recorded_ref(playbook_ref, folder),
        start,
        plain(answers),
        loaded.model.version,
        loaded.digest,
        datetime.now(UTC).isoformat(timespec="seconds"),
        language=language,
        store=store,
    )

    def make_store(written: Engagement) -> None:  # under the folder lock, before engagement.yaml exists
        with closing(engagement_store(written)) as state:
            state.sync_tasks(task_rows(resolve(loaded.model, answers)), author)

    return save_engagement(None, engagement, sync=make_store).engagement


@dataclass
class Created:
    """A new engagement with what `crmwb new` and the TUI show about it."""

    engagement: Engagement
    playbook: Playbook
    resolved: Playbook
    plan: Plan


class NotANewFolder(EngagementError):
    """The folder cannot take a new engagement (a file, or one is there already): the interface words it."""

    def __init__(self, folder: Path, reason: str):
        self.folder, self.reason = folder, reason
        if reason == "exists":
            message = _("{folder} already holds an engagement; open it instead").format(folder=folder)
        else:
            message = _("{folder} is a file; expected a folder for the engagement").format(folder=folder)
        super().__init__([Problem(message, file=str(folder))])


def new_engagement(
    folder: Path,
    playbook: str,
    answers_file: Path | None,
    client: str | None,
    start: date,
    author: str,
    language: str = "",
    store: str = "",
) -> Created:
    """`crmwb new` and the TUI's "new engagement": the folder checked, the playbook loaded once, the
    answers file read and put in questionnaire order, the client named (the answers file's, else the
    folder's), then created. Every refusal is an EngagementError (NotANewFolder for the folder)."""
    from workbench.loading.answers import load_answers
    from workbench.loading.yaml_scalars import CONTROL_CHARS

    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise NotANewFolder(folder, "file")
    if is_engagement(folder):
        raise NotANewFolder(folder, "exists")
    store = check_team_address(store)  # a bad address is refused before anything is loaded or made
    loaded = load_playbook(playbook)
    if not loaded.ok:
        raise EngagementError(loaded.problems)
    answers: dict[str, Any] = {}
    from_file = None
    if answers_file is not None:
        got = load_answers(Path(answers_file).expanduser(), loaded.model)
        errors = [p for p in got.problems if p.severity == "error"]
        if errors:
            raise EngagementError(errors)
        answers, from_file = ordered_answers(loaded.model, got.answers), got.client
    name = ((client or "").strip() or from_file or folder.resolve().name).strip()
    if CONTROL_CHARS.search(name):
        raise EngagementError(
            [Problem(_("the client name holds a control character; expected plain text"), code="client-name")]
        )
    engagement = create(folder, playbook, answers, name, start, author, language, loaded=loaded, store=store)
    resolved = resolve(loaded.model, answers)
    return Created(engagement, loaded.model, resolved, engagement_plan(engagement, resolved))
