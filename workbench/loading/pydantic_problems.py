"""Translate pydantic validation errors into located, human-worded problems."""

from __future__ import annotations

import difflib
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from workbench.domain.problems import Problem
from workbench.i18n import _
from workbench.loading.located_yaml import LDict, LList

_TAGS = {"test", "all", "any", "not", "[key]"}


def _clean_path(data: Any, loc: tuple) -> tuple:
    """Drop pydantic's union tags and validator names, keeping the parts that exist in the data."""
    out: list = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, (dict, LDict)) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, (list, LList)) and isinstance(part, int):
            out.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(part, str) and (part in _TAGS or "[" in part):
            continue
        elif last or not isinstance(part, str):
            out.append(part)
        else:
            out.append(part)
            node = None
    return tuple(out)


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model class that holds the last key of `path`, for listing its valid keys."""
    current: Any = model
    for part in path[:-1]:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) or next(
                (f for f in current.model_fields.values() if f.alias == part), None
            )
            if field is None:
                return None
            current = field.annotation
        elif isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        else:
            args = typing.get_args(current)
            current = args[-1] if args else None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    """Peel Optional[...] and Annotated[...] off a type; keep list/dict for index steps."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if len(args) == 1:
                tp = args[0]
            elif len(models) == 1:
                tp = models[0]
            else:
                return tp
        else:
            return tp


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _found(value: Any) -> str:
    if isinstance(value, (dict, LDict)):
        return "a mapping"
    if isinstance(value, (list, LList)):
        return "a list"
    if isinstance(value, date):  # YAML reads an unquoted 2024-01-05 as a date, which surprises in `version:`
        return _("the date {date} (quote it if it is text)").format(date=value.isoformat())
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def problems_from(
    error: ValidationError, data: Any, root: type[BaseModel], prefix: tuple = ()
) -> list[Problem]:
    """One problem per pydantic error, worded as 'what was found, what was expected'."""
    out: list[Problem] = []
    seen: set[tuple] = set()
    for err in error.errors(include_url=False):
        path = _clean_path(data, tuple(err["loc"]))
        kind, msg = err["type"], err["msg"]
        about_key = "[key]" in err["loc"]
        if kind == "extra_forbidden":
            key = path[-1] if path else "?"
            model = _model_at(root, path)
            keys = _keys_of(model) if model else []
            close = difflib.get_close_matches(str(key), keys, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            expected = f" Expected one of: {', '.join(keys)}" if keys else ""
            problem = Problem(f"unknown key {key!r}{hint}{expected}", prefix + path, code="unknown-key")
        elif kind == "missing":
            problem = Problem(f"missing required key {path[-1]!r}", prefix + path, code="missing")
        elif kind == "value_error":
            problem = Problem(msg.removeprefix("Value error, "), prefix + path)
        else:
            what = "key" if about_key else "value"
            expected = (
                msg
                if msg.startswith("expected ")
                else "expected "
                + (msg[0].lower() + msg[1:])
                .replace("input should be ", "")
                .replace("string should match pattern", "text matching the pattern")
                .replace("string should have", "text with")
            )
            problem = Problem(
                f"{what} {_found(err.get('input'))}: {expected}",
                prefix + path,
                code="bad-key" if about_key else "invalid",
            )
        signature = (problem.path, problem.message)
        if signature not in seen:
            seen.add(signature)
            out.append(problem)
    return out
