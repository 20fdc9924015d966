"""The resolved-playbook cache: re-opening an engagement does not re-parse and re-validate YAML that has
not changed.

An entry holds the playbook as loaded (model, warnings, chain files, digest) and as resolved against one
set of answers and RFP overrides. It is keyed by what decides that result, and by nothing the result
could get wrong:
- the bytes of every file of the `extends` chain (the overlays and their base), read again at every
  lookup and hashed; which file each `extends` names is looked up again too, so a new playbook that
  shadows a base misses the cache;
- the answers and the overrides;
- the loader's format (CACHE_FORMAT), the workbench version and pydantic's version.
A stale entry therefore can never be served: any changed byte changes the hash and the entry is
recomputed and replaced.

Two levels: a small in-process LRU (the TUI re-opens after every answer save), and a folder of JSON files
(`$CRMWB_CACHE_DIR`, else the platform's user cache folder) written atomically. The files hold pydantic's
JSON and are read back through the same validating models, never unpickled: a damaged or foreign file
is a miss, and is rewritten. Only playbooks that loaded without errors and answers that passed their
checks are cached, so a hit skips nothing a refusal depends on.

What a file holds, and why it is small (re-opening the 75x engagement reads it in a fresh process):
- one line of metadata, with the sha256 of the two lines after it: a truncated or edited body is a miss
  before any of it is parsed;
- the table of distinct texts, each written once ({en, fa, ru} texts repeat: every task copy of the
  scaled playbooks, every requirement's template wording); validated once each, then shared;
- the playbook as loaded, only the fields its files set (`exclude_unset`), each text as its number in
  the table. The resolved playbook is not stored: resolving the loaded one against the answers again
  takes a tenth of what reading a second copy did, and cannot disagree with it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from workbench.app.playbook_json import frozen_once_built, read_playbook, resolve_for, write_playbook

CACHE_FORMAT = 4
"""raise when the entry layout, the chain hash or the loader changes what an entry would hold (4: one
playbook with a text table, resolved when read; each file's sha256 in the chain hash)"""
MEMORY_ENTRIES = 2
_memory: OrderedDict[str, CachedPlaybook] = OrderedDict()
_loaded: dict[str, Any] = {}
"""playbook file -> the last LoadedPlaybook of it (any answers)"""


@dataclass
class CachedPlaybook:
    """A playbook loaded and resolved against one set of answers and overrides."""

    loaded: Any
    """LoadedPlaybook (raw is None when it came from the disk)"""
    resolved: Any
    """the Playbook after the answers and the overrides"""


def cache_dir() -> Path:
    """`$CRMWB_CACHE_DIR`, else the platform's cache folder for crmwb."""
    configured = os.environ.get("CRMWB_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("crmwb", appauthor=False))


def _versions() -> str:
    import pydantic

    import workbench

    return f"{CACHE_FORMAT}/{workbench.__version__}/{pydantic.VERSION}"


def _entry_name(top: Path, answers: dict[str, Any], overrides: dict[str, Any]) -> str:
    """Where the entry for this playbook file and these answers lives (its validity is checked apart)."""
    text = json.dumps(
        [_versions(), str(top), answers, overrides], sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_hash(files: list[Path], links: list[str | None]) -> str | None:
    """sha256 over the versions, each chain file's path and bytes, and what each `extends` names; None
    when a file cannot be read (then nothing is cached or served)."""
    h = hashlib.sha256(_versions().encode())
    for path, link in zip(files, links, strict=True):
        try:
            with open(path, "rb") as file:  # hashed as read: the 64 MB playbook is never held whole
                content = hashlib.file_digest(file, "sha256").hexdigest()
        except OSError:
            return None
        h.update(f"\0{path}\0{content}\0{link}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _still_links(files: list[Path], refs: list[str | None]) -> bool:
    """Each overlay's `extends` reference still finds the same base file (a playbook added to
    ./playbooks or $CRMWB_PLAYBOOKS could shadow it)."""
    from workbench.loading import catalog

    for base, overlay, ref in zip(files, files[1:], refs[1:]):
        if ref is None:
            return False
        try:
            found = catalog.find_base(ref, overlay)
        except catalog.BaseRefused:
            return False
        if found is None or catalog.real_path(found) != catalog.real_path(base):
            return False
    return True


def _extends_refs(loaded: Any) -> list[str | None]:
    """What each chain file's `extends:` says, base first (the base says nothing)."""
    from workbench.loading.parsed_playbooks import read_playbook_file

    refs: list[str | None] = [None]
    for path in loaded.files[1:]:
        try:
            data = read_playbook_file(path, "playbook")  # parsed once already, by the load
        except Exception:  # noqa: BLE001 — unreadable now: the entry is simply not cached
            return []
        ref = data.get("extends") if hasattr(data, "get") else None
        refs.append(ref if isinstance(ref, str) else None)
    return refs


def lookup(top: Path, answers: dict[str, Any], overrides: dict[str, Any]) -> CachedPlaybook | None:
    """The cached result for the playbook file `top` with these answers and overrides, when every byte
    it was made from is unchanged; else None."""
    name = _entry_name(top, answers, overrides)
    entry = _memory.get(name)
    if entry is not None and _fresh(
        entry.loaded.files,
        getattr(entry.loaded, "_cache_refs", None),
        getattr(entry.loaded, "_cache_hash", None),
    ):
        _memory.move_to_end(name)
        return entry
    _memory.pop(name, None)
    entry = _read_disk(name, answers, overrides)
    if entry is not None:
        _remember(name, entry, top)
    return entry


def loaded_playbook(top: Path) -> Any | None:
    """The playbook file `top` as loaded earlier in this process, when no file of its chain changed: an
    answer save re-resolves without reading YAML again."""
    loaded = _loaded.get(str(top))
    if loaded is not None and _fresh(
        loaded.files, getattr(loaded, "_cache_refs", None), getattr(loaded, "_cache_hash", None)
    ):
        return loaded
    _loaded.pop(str(top), None)
    return None


def _fresh(files: list[Path], refs: list[str | None] | None, expected: str | None) -> bool:
    if not refs or expected is None or len(refs) != len(files):
        return False
    return chain_hash(files, refs) == expected and _still_links(files, refs)


def _read_disk(name: str, answers: dict[str, Any], overrides: dict[str, Any]) -> CachedPlaybook | None:
    """The entry file, checked against its recorded hash and validated through the models, then resolved
    against the answers; anything odd about it is a miss."""
    from workbench.domain.problems import Problem
    from workbench.loading.playbooks import LoadedPlaybook

    path = cache_dir() / f"{name}.json"
    try:
        head, _sep, body = path.read_bytes().partition(b"\n")
        meta = json.loads(head)
        files = [Path(f) for f in meta["files"]]
        refs = meta["refs"]
        if meta.get("format") != CACHE_FORMAT or meta["body"] != hashlib.sha256(body).hexdigest():
            return None
        if not _fresh(files, refs, meta["chain"]):
            return None
        with frozen_once_built():
            playbook = read_playbook(body)
            resolved = resolve_for(playbook, answers, overrides)
        problems = [Problem(**{**p, "path": tuple(p["path"])}) for p in meta["problems"]]
        loaded = LoadedPlaybook(playbook, problems, files, None, str(meta["digest"]))
    except Exception:  # noqa: BLE001 — a damaged, foreign or older file: recompute and rewrite it
        return None
    _mark(loaded, refs, meta["chain"])
    return CachedPlaybook(loaded, resolved)


def _mark(loaded: Any, refs: list[str | None], chain: str) -> None:
    loaded._cache_refs = refs
    loaded._cache_hash = chain


def _remember(name: str, entry: CachedPlaybook, top: Path) -> None:
    _loaded.clear()  # one playbook's worth: the 100x one is a few hundred MB in memory
    _loaded[str(top)] = entry.loaded
    _memory[name] = entry
    _memory.move_to_end(name)
    while len(_memory) > MEMORY_ENTRIES:
        _memory.popitem(last=False)


def store(top: Path, answers: dict[str, Any], overrides: dict[str, Any], entry: CachedPlaybook) -> None:
    """Keep `entry` in memory and on disk. The chain is hashed from the files as they are now: had one
    changed since it was loaded, the entry would carry the new hash and old content, so it is hashed
    before AND compared after (a file changed in between is not cached)."""
    loaded = entry.loaded
    refs = _extends_refs(loaded)
    chain = chain_hash(loaded.files, refs) if len(refs) == len(loaded.files) else None
    if chain is None or loaded.digest != _digest(loaded.files):
        return
    _mark(loaded, refs, chain)
    name = _entry_name(top, answers, overrides)
    _remember(name, entry, top)
    try:
        from workbench.writers.atomic import write_bytes_atomic

        body = write_playbook(loaded.model)
        meta = {
            "format": CACHE_FORMAT,
            "files": [str(f) for f in loaded.files],
            "refs": refs,
            "chain": chain,
            "digest": loaded.digest,
            "problems": [asdict(p) for p in loaded.problems],
            "body": hashlib.sha256(body).hexdigest(),
        }
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        head = json.dumps(meta, ensure_ascii=False, default=str).encode("utf-8")
        write_bytes_atomic(folder / f"{name}.json", head + b"\n" + body)
    except (OSError, ValueError, TypeError):
        pass  # a read-only or full cache folder, or a playbook it cannot dump: speed lost, never the open


def _digest(files: list[Path]) -> str:
    from workbench.loading.playbooks import digest_files

    try:
        return digest_files(files)
    except Exception:  # noqa: BLE001 — unreadable now: not cached
        return ""


def clear_memory() -> None:
    """Forget the in-process entries (tests, benchmarks; the files stay)."""
    _memory.clear()
    _loaded.clear()
