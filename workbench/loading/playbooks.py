"""Load a playbook: read YAML safely, apply `extends` overlays, validate, check cross-references.

Every problem of every file is collected and located; nothing raises for bad input.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbench.domain.checks import check_playbook
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading import catalog
from workbench.loading.bounded import read_bounded
from workbench.loading.locate import place
from workbench.loading.located_yaml import MAX_FILE_BYTES, LDict, YamlError, no_gc
from workbench.loading.overlays import merge
from workbench.loading.parsed_playbooks import read_playbook_file
from workbench.loading.pydantic_problems import problems_from
from workbench.loading.shapes import kind_of

MAX_CHAIN = 8


@dataclass
class LoadedPlaybook:
    """The result of loading: the model (None when invalid), its problems, and where it came from."""

    playbook: Playbook | None
    problems: list[Problem]
    files: list[Path] = field(default_factory=list)
    raw: Any = None
    digest: str = ""

    @property
    def ok(self) -> bool:
        return self.playbook is not None and not any(p.severity == "error" for p in self.problems)

    @property
    def model(self) -> Playbook:
        """The playbook of a load that succeeded: callers check `ok` first, so None here is a bug to
        report, not a state to carry on with."""
        if self.playbook is None:
            raise RuntimeError("the playbook did not load; check `ok` before using it")
        return self.playbook


def _yaml_problem(exc: YamlError) -> Problem:
    if exc.loc is None:
        return Problem(exc.message, file=exc.file, code="yaml")
    return Problem(exc.message, code="yaml").at(exc.loc.file, exc.loc.line, exc.loc.column)


def _read_chain(path: Path, problems: list[Problem]) -> tuple[Any, list[Path]]:
    """The merged raw data of a playbook and its bases, base first; None when unreadable."""
    chain: list[tuple[Path, Any]] = []
    current: Path | None = path
    while current is not None:
        if any(catalog.real_path(current) == catalog.real_path(p) for p, _data in chain):
            problems.append(
                Problem(
                    f"`extends` loops back to {current}; expected a chain that ends in a "
                    "playbook without `extends`",
                    file=str(chain[-1][0]),
                    code="cycle",
                )
            )
            return None, []
        if len(chain) >= MAX_CHAIN:
            problems.append(Problem(f"`extends` chain is longer than {MAX_CHAIN}", file=str(current)))
            return None, []
        try:
            data = read_playbook_file(current, _("playbook"))
        except YamlError as exc:
            problems.append(_yaml_problem(exc))
            return None, []
        if not isinstance(data, LDict):
            loc = getattr(data, "loc", None)
            message = _("a playbook must be a YAML mapping with id, version and name; found {found}").format(
                found=kind_of(data)
            )
            problems.append(
                Problem(
                    message,
                    file=str(current),
                    line=loc.line if loc else 1,
                    column=loc.column if loc else 1,
                    code="type",
                )
            )
            return None, []
        chain.append((current, data))
        base_ref = data.get("extends")
        if base_ref is None:
            break
        if not isinstance(base_ref, str):
            loc = data.value_locs["extends"]
            problems.append(
                Problem("`extends` must name a playbook id or file", ("extends",)).at(
                    loc.file, loc.line, loc.column
                )
            )
            return None, []
        try:
            found = catalog.find_base(base_ref, current)
        except catalog.BaseRefused as exc:
            loc = data.value_locs["extends"]
            problems.append(
                Problem(_("`extends` names {reason}").format(reason=exc), ("extends",), code="refused").at(
                    loc.file, loc.line, loc.column
                )
            )
            return None, []
        if found is None:
            loc = data.value_locs["extends"]
            known = ", ".join(p.id for p in catalog.discover())
            problems.append(
                Problem(
                    f"`extends: {base_ref}` names no playbook; expected a file in the "
                    f"overlay's folder or one of: {known}",
                    ("extends",),
                    code="unknown-ref",
                ).at(loc.file, loc.line, loc.column)
            )
            return None, []
        current = found
    merged = chain[-1][1]
    for _path, overlay in reversed(chain[:-1]):
        merged = merge(merged, overlay, (), problems)
    if len(chain) > 1:
        merged["extends"] = chain[0][1]["extends"]
    return merged, [p for p, _data in reversed(chain)]


def digest_files(paths: list[Path]) -> str:
    """The hash engagements record; each file is read again, so within the same bounds as the first time."""
    h = hashlib.sha256()
    for path in paths:
        h.update(read_bounded(path, MAX_FILE_BYTES, _("playbook")))
    return h.hexdigest()


def load_playbook(ref: str | Path) -> LoadedPlaybook:
    """Load a playbook by bundled id or path, with its overlays applied and every problem located."""
    path = Path(ref) if Path(ref).suffix in (".yaml", ".yml") else catalog.find(str(ref))
    if path is None:
        known = ", ".join(p.id for p in catalog.discover())
        message = f"no playbook named {ref!r}; expected a .yaml file or one of: {known}"
        return LoadedPlaybook(None, [Problem(message, file=str(ref), code="not-found")])
    problems: list[Problem] = []
    raw, files = _read_chain(path, problems)
    if raw is None or problems:
        return LoadedPlaybook(None, problems, files, raw)
    try:
        with no_gc():
            playbook = Playbook.model_validate(raw)
    except ValidationError as exc:
        located = [place(p, raw, str(path)) for p in problems_from(exc, raw, Playbook)]
        return LoadedPlaybook(None, located, files, raw)
    with no_gc():
        located = [place(p, raw, str(path)) for p in check_playbook(playbook)]
    return LoadedPlaybook(playbook, located, files, raw, digest_files(files))
