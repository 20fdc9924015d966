"""Turn an item path (from pydantic or a check) into the file:line:col of the YAML that produced it."""

from __future__ import annotations

from typing import Any

from workbench.domain.problems import Path, Problem
from workbench.loading.located_yaml import LDict, LList, Loc


def locate(data: Any, path: Path) -> Loc | None:
    """The location of the deepest node along `path` that exists in `data`."""
    best: Loc | None = getattr(data, "loc", None)
    node = data
    for part in path:
        if isinstance(node, LDict) and part in node:
            best = node.value_locs.get(part, best)
            if isinstance(part, str) and not isinstance(node[part], (LDict, LList)):
                best = node.value_locs.get(part, best)
            node = node[part]
        elif isinstance(node, LList) and isinstance(part, int) and 0 <= part < len(node):
            best = node.item_locs[part]
            node = node[part]
        else:
            break
    return best


def locate_key(data: Any, path: Path) -> Loc | None:
    """Like `locate`, but point at the key itself (for 'unknown key' problems)."""
    if not path:
        return locate(data, path)
    parent = data
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return locate(data, path)
    if isinstance(parent, LDict) and path[-1] in parent.key_locs:
        return parent.key_locs[path[-1]]
    return locate(data, path)


def place(problem: Problem, data: Any, fallback_file: str) -> Problem:
    """The problem with file, line and column filled in from the located data."""
    loc = (
        locate_key(data, problem.path)
        if problem.code in ("unknown-key", "bad-key")
        else locate(data, problem.path)
    )
    if loc is None:
        return problem.at(fallback_file, None, None)
    return problem.at(loc.file, loc.line, loc.column)
