"""Every command that writes a set of files into a user's folder (`export`, `crm-export`) goes through
this one transaction: after any failure or kill the folder holds either the whole previous output or the
whole new one, never a mix, and no staging debris.

Why a journal and not a symlink switch. Switching `DIR` as a symlink to a versioned sibling would make the
switch one `rename()`, but Windows creates symlinks only with developer mode or admin rights, sync clients
(OneDrive, Dropbox, Google Drive) and zip tools mishandle a linked folder, and a consultant who opens `DIR`
in Explorer or Finder expects a plain folder. So `DIR` stays a plain folder and the switch is a journalled
set of renames, all inside `DIR` (one filesystem, so each rename is atomic on Linux, macOS and Windows):

    DIR/.crmwb-export/new/         the writers' output, staged
    DIR/.crmwb-export/old/         files of the previous output moved out of the way (kept for a rollback)
    DIR/.crmwb-export/journal.json written atomically once everything is staged and checked

No journal: nothing in `DIR` was touched yet, and the work folder is only debris. A journal: the switch
had begun; the next run (of any command using this module) rolls it forward before anything else. A
failure inside the running process rolls back instead. Every step of both is idempotent, so a kill during
a recovery is recovered by the next run in turn.

Before the journal is written the folder is checked, and anything that would make the switch fail half
way or write where the user did not ask is refused with every offending path named: files no manifest of
ours lists (unless `force`), symbolic links (never followed: with `force` a link on our path is moved
away, never written through), a folder where a file goes, subfolders on another filesystem.
"""

from __future__ import annotations

import errno
import filecmp
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.i18n import _
from workbench.writers.atomic import write_text_atomic

WORK = ".crmwb-export"
LEGACY_PREFIXES = (".crmwb-export-", ".crmwb-crm-export-")
"""staging folders of earlier versions (mkdtemp names), left behind by kills"""
JOURNAL = "journal.json"
MAX_NAMED = 10


class FolderRefused(Exception):
    """The output folder cannot take this export as it is; nothing was changed. `paths` are relative."""

    def __init__(self, message: str, paths: Iterable[str] = ()):
        self.paths = list(paths)
        super().__init__(message + _named(self.paths))


class SwitchInterrupted(FolderRefused):
    """The switch failed and could not be undone in this run (the disk went away): the journal is kept and
    the next run into the folder finishes it. The message says so instead of "nothing was changed"."""


def _named(paths: list[str]) -> str:
    if not paths:
        return ""
    shown = ", ".join(paths[:MAX_NAMED])
    more = len(paths) - MAX_NAMED
    return ": " + shown + (_(" and {n} more").format(n=more) if more > 0 else "")


@dataclass
class Changes:
    """What a committed export did to the folder, path by path (relative, POSIX)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    recovered: str = ""
    """what the run found and repaired from an interrupted earlier run, if anything"""

    def summary(self) -> str:
        from workbench.domain.locale import format_number
        from workbench.i18n import current_language

        lang = current_language()
        return _("{added} added, {replaced} replaced, {unchanged} unchanged, {removed} removed").format(
            added=format_number(len(self.added), lang),
            replaced=format_number(len(self.replaced), lang),
            unchanged=format_number(len(self.unchanged), lang),
            removed=format_number(len(self.removed), lang),
        )

    def lines(self) -> list[str]:
        """One line per changed path: `+ added`, `~ replaced`, `- removed` (unchanged ones only counted)."""
        return (
            [f"+ {p}" for p in self.added]
            + [f"~ {p}" for p in self.replaced]
            + [f"- {p}" for p in self.removed]
        )


@dataclass
class Rules:
    """What the caller knows about the folder's previous content."""

    owned: set[str] = field(default_factory=set)
    """paths a previous export of ours wrote (its manifest lists them): they may be replaced or removed"""
    remove: set[str] = field(default_factory=set)
    """owned paths this export no longer writes: removed"""
    refuse_foreign: bool = True
    """refuse any file not owned (export); False: refuse only those the export would overwrite"""
    force: bool = False


class Transaction:
    """`with Transaction(folder) as txn:` write into `txn.staging`, then `txn.commit(rules)`.

    Entering takes the folder's lock (where the OS has `flock`) and recovers an interrupted earlier run;
    leaving without a commit discards the staging folder, so the folder is as it was.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.work = self.folder / WORK
        self.recovered = ""
        self._lock_fd: int | None = None
        self._done = False
        self._created = False

    @property
    def staging(self) -> Path:
        return self.work / "new"

    def __enter__(self) -> Transaction:
        if self.folder.exists() and not self.folder.is_dir():
            raise FolderRefused(_("{folder} is a file; expected a folder").format(folder=self.folder))
        self._created = not self.folder.exists()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock_fd = _lock(self.folder)
        try:
            self.recovered = _recover(self.folder)
            self.staging.mkdir(parents=True)
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if not self._done:
                _discard(self.work)
                if self._created:  # a refused or failed export into a new folder leaves no empty folder
                    _remove_if_empty(self.folder)
        finally:
            self._unlock()

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def staged(self) -> list[str]:
        return sorted(_walk(self.staging, files_only=True))

    def commit(self, rules: Rules, last: Iterable[str] = ()) -> Changes:
        """Check the folder, then switch the staged files in; `last` are moved in last (the manifest)."""
        last = list(last)
        new = [p for p in self.staged() if p not in last] + [p for p in last if (self.staging / p).is_file()]
        old, changes = _plan(self.folder, self.staging, new, rules)
        _fsync_all(self.staging, new)
        journal = {"version": 1, "new": new, "old": old}
        write_text_atomic(self.work / JOURNAL, json.dumps(journal, ensure_ascii=False, indent=1) + "\n")
        try:
            _forward(self.folder, self.work, journal)
        except BaseException as failure:
            self._undo(journal, failure)
            raise
        _finish(self.work)
        self._done = True
        changes.recovered = self.recovered
        return changes

    def _undo(self, journal: dict, failure: BaseException) -> None:
        try:
            _rollback(self.folder, self.work, journal)
        except OSError as back:
            self._done = True  # keep the journal: the next run finishes the switch
            raise SwitchInterrupted(
                _(
                    "writing to {folder} failed part way ({why}) and could not be undone "
                    "({back}); run the command again to finish it"
                ).format(folder=self.folder, why=failure, back=back)
            ) from failure
        _finish(self.work)
        self._done = True


def recover(folder: Path) -> str:
    """Finish (or clean up after) an interrupted run in `folder`; '' when there was nothing to do."""
    folder = Path(folder)
    if not folder.is_dir():
        return ""
    fd = _lock(folder)
    try:
        return _recover(folder)
    finally:
        if fd is not None:
            os.close(fd)


def _recover(folder: Path) -> str:
    said = []
    for entry in os.scandir(folder):
        if entry.name.startswith(LEGACY_PREFIXES) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            said.append(
                _("removed the staging folder {name} of an interrupted export").format(name=entry.name)
            )
    work = folder / WORK
    if work.is_symlink() or work.is_file():
        work.unlink()
    elif work.is_dir():
        journal = _read_journal(work)
        if journal is None:
            said.append(_("removed the staging files of an interrupted export (nothing had been changed)"))
        else:
            said.append(_settle(folder, work, journal))
        _finish(work)
    return "; ".join(said)


def _settle(folder: Path, work: Path, journal: dict) -> str:
    """Finish an interrupted switch; if the folder changed so that it cannot be finished, undo it."""
    try:
        _forward(folder, work, journal)
        return _("finished an interrupted export ({n} files)").format(n=len(journal["new"]))
    except OSError as forward:
        try:
            _rollback(folder, work, journal)
        except OSError as back:
            raise FolderRefused(
                _(
                    "an interrupted export in {folder} can be neither finished ({forward}) nor "
                    "undone ({back}); its files are kept in {work}"
                ).format(folder=folder, forward=forward, back=back, work=work)
            ) from None
        return _("undid an interrupted export that could not be finished ({why})").format(why=forward)


def _read_journal(work: Path) -> dict | None:
    try:
        data = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(data, dict)
        and all(isinstance(data.get(k), list) for k in ("new", "old"))
        and all(safe_rel(p) for p in data["new"] + data["old"])
    )
    return data if ok else None


def safe_rel(rel: object) -> bool:
    """A relative POSIX path that stays inside the folder: no absolute path, no '..', no drive."""
    if not isinstance(rel, str) or not rel or "\\" in rel or ":" in rel:
        return False
    parts = rel.split("/")
    return not rel.startswith("/") and all(p not in ("", ".", "..") for p in parts)


# ---- the checks made before anything is touched


def _walk(root: Path, files_only: bool = False) -> dict[str, str]:
    """rel path -> kind ('file', 'dir', 'link', 'other') for everything under root, never following links;
    our work folder and legacy staging folders are skipped."""
    found: dict[str, str] = {}
    stack = [("", root)]
    while stack:
        prefix, current = stack.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if not prefix and (entry.name == WORK or entry.name.startswith(LEGACY_PREFIXES)):
                    continue
                rel = prefix + entry.name
                if entry.is_symlink() or _junction(entry.path):
                    found[rel] = "link"
                elif entry.is_dir(follow_symlinks=False):
                    found[rel] = "dir"
                    stack.append((rel + "/", Path(entry.path)))
                else:
                    found[rel] = "file" if entry.is_file(follow_symlinks=False) else "other"
    if files_only:
        return {k: v for k, v in found.items() if v != "dir"}
    return found


def _junction(path) -> bool:
    """A Windows directory junction redirects like a symlink but is not one to `is_symlink()`."""
    check = getattr(os.path, "isjunction", None)  # Python 3.12+
    return bool(check and check(path))


def _ancestors(rel: str) -> list[str]:
    parts = rel.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


@dataclass
class _Check:
    folder: Path
    scan: dict[str, str]
    rules: Rules
    old: set[str] = field(default_factory=set)
    refused: dict[str, list[str]] = field(default_factory=dict)

    def refuse(self, reason: str, rel: str) -> None:
        self.refused.setdefault(reason, []).append(rel)

    def may_replace(self, rel: str) -> bool:
        return rel in self.rules.owned or self.rules.force


def _plan(folder: Path, staging: Path, new: list[str], rules: Rules) -> tuple[list[str], Changes]:
    """The paths to move out of the way and what will change; FolderRefused when the folder cannot take it."""
    check = _Check(folder, _walk(folder), rules)
    for rel in new:
        _check_path(check, rel)
    newset = set(new)
    for rel in sorted(rules.remove - newset):
        if check.scan.get(rel) == "file" and not any(a in check.old for a in _ancestors(rel)):
            check.old.add(rel)
    if rules.refuse_foreign and not rules.force:
        covered = rules.owned | check.old | newset
        strays = sorted(
            rel
            for rel, kind in check.scan.items()
            if kind != "dir" and rel not in covered and not _under(rel, check.old)
        )
        for rel in strays:
            check.refuse("link" if check.scan[rel] == "link" else "foreign", rel)
    _check_devices(check, new)
    if check.refused:
        raise FolderRefused(_refusal_message(folder, check.refused))
    return sorted(check.old), _changes(folder, staging, new, check)


def _under(rel: str, prefixes: set[str]) -> bool:
    return any(a in prefixes for a in _ancestors(rel))


def _check_path(check: _Check, rel: str) -> None:
    """One staged path: every folder on its way must be a real folder, and what it replaces must be ours.
    Real folders are never moved aside (their content could be anyone's): only files and links are."""
    for ancestor in _ancestors(rel):
        kind = check.scan.get(ancestor)
        if kind in (None, "dir"):
            continue
        if check.may_replace(ancestor) or (kind == "link" and check.rules.force):
            check.old.add(ancestor)
        else:
            check.refuse("link" if kind == "link" else "not-folder", ancestor)
        return
    kind = check.scan.get(rel)
    if kind is None:
        return
    if kind == "dir":
        check.refuse("folder", rel)
    elif kind == "link" and not check.rules.force:
        check.refuse("link", rel)
    elif kind == "link" or check.may_replace(rel):
        check.old.add(rel)
    else:
        check.refuse("overwrite", rel)


def _check_devices(check: _Check, new: list[str]) -> None:
    """A subfolder that is a mount point of another filesystem cannot take a rename from the staging."""
    device = os.stat(check.folder / WORK).st_dev
    seen: dict[str, int] = {}
    for rel in new + sorted(check.old):
        parent = ""
        for ancestor in _ancestors(rel):
            if check.scan.get(ancestor) == "dir":
                parent = ancestor
        if parent and parent not in seen:
            seen[parent] = os.stat(check.folder / parent).st_dev
            if seen[parent] != device:
                check.refuse("device", parent)


_REASONS = {  # reason -> (what is wrong, what to do)
    "foreign": (
        "holds files no export manifest of ours lists (the client's own files or another tool's)",
        "move them away, choose an empty folder, or pass --force to write beside them",
    ),
    "overwrite": (
        "holds files no export manifest of ours lists where the export writes",
        "move them away or pass --force to replace them",
    ),
    "link": (
        "holds symbolic links, which the export never follows",
        (
            "remove them or pass --force (a link on the export's path is then moved away, never "
            "written through)"
        ),
    ),
    "not-folder": ("has files where the export needs a folder", "move them away or pass --force"),
    "folder": ("has folders where the export writes a file", "move them away"),
    "device": (
        "has subfolders on another filesystem, which cannot be switched in one step",
        "unmount them or choose another folder",
    ),
}


def _refusal_message(folder: Path, refused: dict[str, list[str]]) -> str:
    parts = []
    for reason, paths in refused.items():
        what, advice = _REASONS[reason]
        parts.append(
            _("{folder} {what}").format(folder=folder, what=_(what))
            + _named(sorted(dict.fromkeys(paths)))
            + "; "
            + _(advice)
        )
    return "; ".join(parts) + _("; nothing was changed")


def _changes(folder: Path, staging: Path, new: list[str], check: _Check) -> Changes:
    changes = Changes()
    for rel in new:
        if check.scan.get(rel) != "file" or rel not in check.old:
            changes.added.append(rel)
        elif filecmp.cmp(folder / rel, staging / rel, shallow=False):
            changes.unchanged.append(rel)
        else:
            changes.replaced.append(rel)
    newset = set(new)
    changes.removed = sorted(rel for rel in check.old if rel not in newset)
    return changes


def _fsync_all(root: Path, rels: list[str]) -> None:
    """Staged bytes reach the disk before the journal says they may be switched in (power loss). fsync
    waits on the disk and releases the GIL: a few threads let the filesystem batch them into one commit."""
    if os.name == "nt" or not rels:
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, len(rels))) as pool:
        list(pool.map(_fsync, (root / rel for rel in rels)))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---- the switch, its rollback and the clean-up; each is idempotent


def _forward(folder: Path, work: Path, journal: dict) -> None:
    new, newset = journal["new"], set(journal["new"])
    for rel in journal["old"]:
        source, kept = folder / rel, work / "old" / rel
        if (
            os.path.lexists(source)
            and not os.path.lexists(kept)
            and (rel not in newset or os.path.lexists(work / "new" / rel))
        ):
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.rename(source, kept)
    for rel in new:
        staged = work / "new" / rel
        if os.path.lexists(staged):
            _make_parents(folder, rel)
            os.replace(staged, folder / rel)
    for rel in journal["old"]:
        if rel not in newset:
            _prune(folder, rel)


def _rollback(folder: Path, work: Path, journal: dict) -> None:
    for rel in reversed(journal["new"]):
        staged, placed = work / "new" / rel, folder / rel
        if not os.path.lexists(staged) and os.path.lexists(placed):
            staged.parent.mkdir(parents=True, exist_ok=True)
            os.rename(placed, staged)
    for rel in journal["old"]:
        kept = work / "old" / rel
        if os.path.lexists(kept):
            _make_parents(folder, rel)
            os.rename(kept, folder / rel)
    for rel in journal["new"]:
        _prune(folder, rel)


def _make_parents(folder: Path, rel: str) -> None:
    """Create the folders on the way to rel as real folders; a link on the way is an error, never followed."""
    current = folder
    for part in rel.split("/")[:-1]:
        current = current / part
        if current.is_symlink() or _junction(current):
            raise OSError(errno.ELOOP, _("a symbolic link appeared on the export's path"), str(current))
        if not current.is_dir():
            os.mkdir(current)


def _prune(folder: Path, rel: str) -> None:
    """Remove the folders rel sat in if they are now empty (not the output folder itself)."""
    for ancestor in reversed(_ancestors(rel)):
        path = folder / ancestor
        if path.is_symlink() or not path.is_dir():
            return
        try:
            os.rmdir(path)
        except OSError:
            return


def _finish(work: Path) -> None:
    """The journal goes first: once it is gone the switch is over, and the rest is only debris."""
    (work / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _discard(work: Path) -> None:
    if os.path.lexists(work / JOURNAL):
        return  # a switch began and could not be rolled back: the next run rolls it forward
    shutil.rmtree(work, ignore_errors=True)


def _lock(folder: Path) -> int | None:
    """An exclusive lock on the folder for the length of the run, so a second export into the same folder
    cannot mistake this one's staging files for debris. Where the OS has no flock (Windows), no lock."""
    try:
        import fcntl
    except ImportError:
        return None
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise FolderRefused(
            _(
                "another crmwb command is writing to {folder}; wait for it to finish, then run this one again"
            ).format(folder=folder)
        ) from None
    return fd
