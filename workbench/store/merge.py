"""Three-way merge of engagement.yaml, field by field: what this writer changed (base -> mine) lands on
top of what the file holds now (theirs), and only a field both changed, to different values, conflicts.

Fields are answers by question id, overrides by requirement id and field, and the other top-level keys
(client, start, ...) by key. Pure logic: the locked read-merge-write lives in `engagement_save`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Field = tuple[str, ...]
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "(none)"})()
"""A field absent on one side (an answer cleared, an override removed)."""

NESTED = ("answers", "overrides")


def flatten(data: dict[str, Any]) -> dict[Field, Any]:
    """{('client',): .., ('answers', 'q'): .., ('overrides', 'requirements', 'R-1', 'priority'): ..}."""
    out: dict[Field, Any] = {}

    def walk(prefix: Field, value: Any) -> None:
        if isinstance(value, dict) and (len(prefix) > 1 or prefix[0] in NESTED):
            for key, item in value.items():
                walk(prefix + (str(key),), item)
        else:
            out[prefix] = value

    for key, value in data.items():
        walk((key,), value)
    return out


def unflatten(fields: dict[Field, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, value in fields.items():
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out


def dotted(path: Field) -> str:
    return ".".join(path)


@dataclass(frozen=True)
class Conflict:
    field: Field
    base: Any
    mine: Any
    theirs: Any


@dataclass
class Merge:
    fields: dict[Field, Any]
    changed: list[Field]
    """fields this writer changed"""
    taken: list[Field]
    """fields another writer (or a hand edit) changed since this writer's base, kept as they are"""
    conflicts: list[Conflict]


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def merge(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> Merge:
    """Merge field by field; the order of `mine` is kept, fields only theirs has come after."""
    b, m, t = flatten(base), flatten(mine), flatten(theirs)
    result: dict[Field, Any] = {}
    changed, taken, conflicts = [], [], []
    for path in list(dict.fromkeys([*m, *t, *b])):
        old, new, now = b.get(path, MISSING), m.get(path, MISSING), t.get(path, MISSING)
        if _same(new, old):
            value = now
            if not _same(now, old):
                taken.append(path)
        else:
            value = new
            changed.append(path)
            if not _same(now, old) and not _same(now, new):
                conflicts.append(Conflict(path, old, new, now))
        if value is not MISSING:
            result[path] = value
    return Merge(result, changed, taken, conflicts)
