"""`extends:` — an overlay adds, overrides or removes items of its base, matched by id.

Merging happens on the located YAML, before validation, so an overlay may override a single field
(`{id: SFA-001, priority: must}`) and every error still points at the file and line that caused it.
Rules: lists of items with ids merge by id (recursively: a phase's tasks too); `remove: true` drops
the base item; mappings merge key by key, except `when`, which is replaced whole; anything
else replaces the base value.
"""

from __future__ import annotations

from typing import Any

from workbench.domain.problems import Path, Problem
from workbench.loading.located_yaml import LDict, LList

REMOVE = "remove"
REPLACED_WHOLE = frozenset({"when"})
"""A condition only makes sense whole: merging one of another shape key by key would mix two conditions.
(A RACI does merge key by key, so an overlay can add a Consulted role; the checks catch a second A.)"""


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _copy_dict(src: LDict) -> LDict:
    out = LDict(src)
    out.loc = src.loc
    out.key_locs, out.value_locs = dict(src.key_locs), dict(src.value_locs)
    return out


def merge(base: Any, overlay: Any, path: Path, problems: list[Problem]) -> Any:
    """The overlay applied to the base; problems (e.g. removing an unknown id) go to `problems`."""
    if isinstance(base, LDict) and isinstance(overlay, LDict):
        out = _copy_dict(base)
        for key, value in overlay.items():
            whole = key in REPLACED_WHOLE or key not in base
            out[key] = value if whole else merge(base[key], value, path + (key,), problems)
            out.key_locs[key] = overlay.key_locs[key]
            out.value_locs[key] = overlay.value_locs[key]
        return out
    if (
        isinstance(base, LList)
        and isinstance(overlay, LList)
        and _is_item_list(base)
        and _is_item_list(overlay)
    ):
        return _merge_items(base, overlay, path, problems)
    return overlay


def _merge_items(base: LList, overlay: LList, path: Path, problems: list[Problem]) -> LList:
    ids = [item["id"] for item in base]
    items, locs = list(base), list(base.item_locs)
    for index, item in enumerate(overlay):
        item_id = item["id"]
        if item_id in ids:
            at = ids.index(item_id)
            if item.get(REMOVE) is True:
                del ids[at], items[at], locs[at]
                continue
            patch = _copy_dict(item)
            patch.pop(REMOVE, None)
            items[at] = merge(items[at], patch, path + (at,), problems)
        elif item.get(REMOVE) is True:
            loc = item.value_locs.get("id", item.loc)
            problems.append(
                Problem(
                    f"cannot remove {item_id!r}: the base has no item with that id; "
                    f"expected one of: {', '.join(map(str, ids[:8]))} ...",
                    path + (index, "id"),
                    code="unknown-ref",
                ).at(loc.file, loc.line, loc.column)
            )
        else:
            ids.append(item_id)
            items.append(item)
            locs.append(overlay.item_locs[index])
    out = LList(items)
    out.loc, out.item_locs = base.loc, locs
    return out
