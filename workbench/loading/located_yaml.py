"""Safe YAML that remembers where every value came from, and refuses what PyYAML lets through.

PyYAML keeps the last of two duplicate keys and expands aliases without bound; user files get neither.
Mappings load as `LDict` and sequences as `LList`, which carry the file, line and column of their
items so that a validation error deep inside can be reported as `file:line:col`.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

try:  # the C parser is several times faster; fall back quietly when this PyYAML build lacks libyaml
    from yaml import CSafeLoader as FastLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as FastLoader

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 200
_SEQ_TAG, _MAP_TAG, _STR_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Loc:
    file: str
    line: int
    column: int


class YamlError(Exception):
    """A file that cannot be read as YAML; carries its own location."""

    def __init__(self, message: str, loc: Loc | None, file: str):
        super().__init__(message)
        self.message, self.loc, self.file = message, loc, file


class LDict(dict):
    """A dict with the locations of the mapping, its keys and its values."""

    loc: Loc
    key_locs: dict
    value_locs: dict


class LList(list):
    """A list with the location of the sequence and of each item."""

    loc: Loc
    item_locs: list


def _loc(file: str, node: yaml.Node) -> Loc:
    return Loc(file, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str, max_alias_nodes: int):
        self.file = file
        self.constructor = SafeConstructor()
        self.alias_budget = max_alias_nodes
        self.seen_once: set[int] = set()
        self.active: set[int] = set()
        self.sizes: dict[int, int] = {}

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise YamlError(f"nesting deeper than {MAX_DEPTH} levels", _loc(self.file, node), self.file)
        key = id(node)
        if key in self.active:
            raise YamlError("recursive alias: a node contains itself", _loc(self.file, node), self.file)
        if key in self.seen_once and not isinstance(node, yaml.ScalarNode):
            self.alias_budget -= self._size(node)
            if self.alias_budget < 0:
                raise YamlError(f"aliases expand to more than {MAX_ALIAS_NODES} nodes (an entity-expansion "
                                "attack or a runaway anchor); expected plain data",
                                _loc(self.file, node), self.file)
        self.seen_once.add(key)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG:
                return node.value
            try:
                return self.constructor.construct_object(node, deep=True)
            except ConstructorError as exc:
                raise YamlError(f"cannot read value: {exc.problem}", _loc(self.file, node), self.file) from None
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            raise YamlError(f"unsupported tag {node.tag!r}; expected plain YAML data", _loc(self.file, node),
                            self.file)
        self.active.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, depth)
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, depth)
        finally:
            self.active.discard(key)
        raise YamlError(f"unsupported YAML node {node.tag}", _loc(self.file, node), self.file)

    def _size(self, node: yaml.Node) -> int:
        """How many nodes `node` expands to (memoised: nested aliases make this exponential otherwise)."""
        key = id(node)
        if key not in self.sizes:
            self.sizes[key] = 1  # guards against recursion; recursive aliases are refused in build()
            if isinstance(node, yaml.SequenceNode):
                self.sizes[key] = 1 + sum(self._size(n) for n in node.value)
            elif isinstance(node, yaml.MappingNode):
                self.sizes[key] = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
        return self.sizes[key]

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> LList:
        out = LList(self.build(n, depth + 1) for n in node.value)
        out.loc = _loc(self.file, node)
        out.item_locs = [_loc(self.file, n) for n in node.value]
        return out

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LDict:
        out = LDict()
        out.loc, out.key_locs, out.value_locs = _loc(self.file, node), {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported; write the keys out or use `extends`",
                                _loc(self.file, key_node), self.file)
            key = self.build(key_node, depth + 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError("a mapping key must be a plain value", _loc(self.file, key_node), self.file)
            if key in out:
                first = out.key_locs[key]
                raise YamlError(f"duplicate key {key!r} (first defined at line {first.line}); "
                                "expected each key once", _loc(self.file, key_node), self.file)
            out[key] = self.build(value_node, depth + 1)
            out.key_locs[key] = _loc(self.file, key_node)
            out.value_locs[key] = _loc(self.file, value_node)
        return out


def parse_yaml(text: str, file: str, max_alias_nodes: int = MAX_ALIAS_NODES, loader: type = FastLoader) -> Any:
    """Parse one YAML document into located data; raises YamlError with a location.

    `loader` is the C loader when available; benchmarks pass `yaml.SafeLoader` to compare."""
    with no_gc():
        return _parse(text, file, max_alias_nodes, loader)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic GC while building large trees of fresh objects: it would rescan them again and
    again (5x slower on a 30 MB playbook). Nothing built here holds reference cycles that need it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _parse(text: str, file: str, max_alias_nodes: int, loader: type) -> Any:
    try:
        node = yaml.compose(text, Loader=loader)
        return None if node is None else _Builder(file, max_alias_nodes).build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(file, mark.line + 1, mark.column + 1) if mark else None
        raise YamlError(f"not valid YAML: {exc.problem or exc.context}", loc, file) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}", None, file) from None


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES, loader: type = FastLoader) -> Any:
    """Read and parse a YAML file, refusing oversized, unreadable or non-UTF-8 files."""
    file = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlError(f"cannot read file: {exc.strerror}", None, file) from None
    if size > max_bytes:
        raise YamlError(f"file is {size:,} bytes; the limit is {max_bytes:,}", None, file)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise YamlError(f"cannot read file: {exc.strerror}", None, file) from None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError("file is not UTF-8 text; save it as UTF-8", Loc(file, line, column), file) from None
    return parse_yaml(text, file, loader=loader)


def plain(value: Any) -> Any:
    """The same data as plain dicts and lists (for writing back out, or handing to code that checks types)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
