"""Safe YAML that remembers where every value came from, and refuses what PyYAML lets through.

PyYAML keeps the last of two duplicate keys and expands aliases without bound; user files get neither.
Mappings load as `LDict` and sequences as `LList`, which carry the file, line and column of their
items so that a validation error deep inside can be reported as `file:line:col`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from workbench.i18n import N_, _
from workbench.loading.bounded import BoundedReadError, read_bounded
from workbench.loading.yaml_scalars import CONTROL_CHARS, ScalarProblem, ScalarReader, describe_char

# the C parser is several times faster; fall back quietly when this PyYAML build lacks libyaml
FastLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A playbook file: the bundled `core` is 0.75 MB, the 100x benchmark playbook 32 MB; the limit leaves twice
that."""
MAX_ALIAS_NODES = 10_000
"""Nodes that aliases may add by expansion (none of the bundled playbooks uses an alias at all)."""
MAX_ALIAS_BYTES = 1024 * 1024
"""Bytes of text that aliases may add by expansion: a hand-written playbook sharing a few text blocks or
RACI maps between hundreds of tasks stays far below; a 1 MB file expanding to gigabytes does not."""
MAX_DEPTH = 200
"""Nesting of mappings and lists; the bundled playbooks nest 9 deep."""
_DEEP = N_("nesting deeper than {limit} levels; expected flatter data")
_SEQ_TAG, _MAP_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


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


def _mark_loc(file: str, mark: Any) -> Loc:
    return Loc(file, mark.line + 1, mark.column + 1)


class _AliasOverflow(Exception):
    """The `count`-th alias of the document (in document order) took the expansion past its budget."""

    def __init__(self, count: int, what: str):
        super().__init__(what)
        self.count, self.what = count, what


class _Builder:
    """Builds located data from composed nodes; charges every alias its full expanded size.

    An alias is a second visit of a node. Outside an expansion the build walks the document in order, so
    the n-th charged visit is the n-th alias of the text: when the budget runs out the reader finds that
    alias again in the event stream to report where it is (PyYAML's composer keeps no mark for it)."""

    def __init__(self, file: str, max_alias_nodes: int, max_alias_bytes: int):
        self.file = file
        self.scalars = ScalarReader()
        self.nodes_left, self.bytes_left = max_alias_nodes, max_alias_bytes
        self.max_alias_nodes, self.max_alias_bytes = max_alias_nodes, max_alias_bytes
        self.aliases = 0
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.sizes: dict[int, tuple[int, int]] = {}

    def build(self, node: yaml.Node, depth: int = 0, expanding: bool = False) -> Any:
        if depth > MAX_DEPTH:
            raise YamlError(_(_DEEP).format(limit=MAX_DEPTH), _loc(self.file, node), self.file)
        key = id(node)
        if key in self.active:
            raise YamlError(_("recursive alias: a node contains itself"), _loc(self.file, node), self.file)
        if key in self.seen and not expanding:
            self._charge(node)
            expanding = True
        self.seen.add(key)
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.scalars.value(node)
            except ScalarProblem as exc:
                raise YamlError(str(exc), _loc(self.file, node), self.file) from None
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            raise YamlError(
                _("unsupported tag {tag!r}; expected plain YAML data").format(tag=node.tag),
                _loc(self.file, node),
                self.file,
            )
        self.active.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, depth, expanding)
            assert isinstance(node, yaml.MappingNode)  # the tag check above lets only collections through
            return self._mapping(node, depth, expanding)
        finally:
            self.active.discard(key)

    def _charge(self, node: yaml.Node) -> None:
        self.aliases += 1
        nodes, size = self._size(node)
        self.nodes_left -= nodes
        self.bytes_left -= size
        if self.nodes_left < 0:
            raise _AliasOverflow(
                self.aliases,
                _("aliases expand to more than {limit:,} nodes").format(limit=self.max_alias_nodes),
            )
        if self.bytes_left < 0:
            raise _AliasOverflow(
                self.aliases,
                _("aliases expand to more than {limit:,} bytes of text").format(limit=self.max_alias_bytes),
            )

    def _size(self, node: yaml.Node) -> tuple[int, int]:
        """Nodes and bytes of text `node` expands to (memoised: nested aliases make this exponential)."""
        key = id(node)
        if key not in self.sizes:
            self.sizes[key] = (1, 0)  # guards against recursion; recursive aliases are refused in build()
            if isinstance(node, yaml.ScalarNode):
                value = node.value
                size = len(value) if value.isascii() else len(value.encode("utf-8", "replace"))
                self.sizes[key] = (1, size)
            else:
                children = (
                    node.value
                    if isinstance(node, yaml.SequenceNode)
                    else [n for pair in node.value for n in pair]
                )
                parts = [self._size(n) for n in children]
                self.sizes[key] = (1 + sum(p[0] for p in parts), sum(p[1] for p in parts))
        return self.sizes[key]

    def _sequence(self, node: yaml.SequenceNode, depth: int, expanding: bool) -> LList:
        out = LList(self.build(n, depth + 1, expanding) for n in node.value)
        out.loc = _loc(self.file, node)
        out.item_locs = [_loc(self.file, n) for n in node.value]
        return out

    def _mapping(self, node: yaml.MappingNode, depth: int, expanding: bool) -> LDict:
        out = LDict()
        out.loc, out.key_locs, out.value_locs = _loc(self.file, node), {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError(
                    _("merge keys (<<) are not supported; write the keys out or use `extends`"),
                    _loc(self.file, key_node),
                    self.file,
                )
            key = self.build(key_node, depth + 1, expanding)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError(
                    _("a mapping key must be a plain value"), _loc(self.file, key_node), self.file
                )
            if key in out:
                first = out.key_locs[key]
                raise YamlError(
                    _("duplicate key {key!r} (first defined at line {line}); expected each key once").format(
                        key=key, line=first.line
                    ),
                    _loc(self.file, key_node),
                    self.file,
                )
            out[key] = self.build(value_node, depth + 1, expanding)
            out.key_locs[key] = _loc(self.file, key_node)
            out.value_locs[key] = _loc(self.file, value_node)
        return out


def parse_yaml(
    text: str,
    file: str,
    max_alias_nodes: int = MAX_ALIAS_NODES,
    loader: type = FastLoader,
    max_alias_bytes: int = MAX_ALIAS_BYTES,
) -> Any:
    """Parse one YAML document into located data; raises YamlError with a location.

    `loader` is the C loader when available; benchmarks pass `yaml.SafeLoader` to compare."""
    _refuse_control_chars(text, file)
    with no_gc():
        return _parse(text, file, max_alias_nodes, max_alias_bytes, loader)


def _refuse_control_chars(text: str, file: str) -> None:
    """A NUL or control character in the text, located by line and column (PyYAML gives only an offset)."""
    found = CONTROL_CHARS.search(text)
    if found:
        raise YamlError(
            _(
                "the file holds the control character {char}; expected plain text (was a binary "
                "file saved as .yaml?)"
            ).format(char=describe_char(found.group())),
            offset_loc(text, found.start(), file),
            file,
        )


def offset_loc(text: str, offset: int, file: str) -> Loc:
    """Line and column (1-based) of a character offset, in one linear pass."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Loc(file, text.count("\n", 0, offset) + 1, offset - line_start + 1)


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


def _parse(text: str, file: str, max_alias_nodes: int, max_alias_bytes: int, loader: type) -> Any:
    try:
        node = yaml.compose(text, Loader=loader)
        return None if node is None else _Builder(file, max_alias_nodes, max_alias_bytes).build(node)
    except _AliasOverflow as exc:
        raise YamlError(
            _("{what} (an entity-expansion attack or a runaway anchor); expected plain data").format(
                what=exc.what
            ),
            _nth_alias(text, file, exc.count, loader),
            file,
        ) from None
    except RecursionError:  # the pure-Python composer recurses once per level; libyaml stops at 1,000
        raise YamlError(_(_DEEP).format(limit=MAX_DEPTH), _deep_event(text, file, loader), file) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(file, mark.line + 1, mark.column + 1) if mark else None
        raise YamlError(
            _("not valid YAML: {problem}").format(problem=exc.problem or exc.context), loc, file
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(_("not valid YAML: {problem}").format(problem=exc), None, file) from None


def _nth_alias(text: str, file: str, count: int, loader: type) -> Loc | None:
    """Where the `count`-th alias of the document is (only on the error path: one more linear pass)."""
    seen = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            seen += 1
            if seen == count:
                return _mark_loc(file, event.start_mark)
    return None


def _deep_event(text: str, file: str, loader: type) -> Loc | None:
    """The first node nested deeper than MAX_DEPTH (the event parser does not recurse, the composer does)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _mark_loc(file, event.start_mark)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def read_yaml(
    path: Path, max_bytes: int = MAX_FILE_BYTES, loader: type = FastLoader, what: str = "file"
) -> Any:
    """Read and parse a YAML file: a regular file within `max_bytes` (never a pipe or device), UTF-8."""
    return parse_yaml_bytes(read_yaml_bytes(path, max_bytes, what), str(path), loader)


def read_yaml_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES, what: str = "file") -> bytes:
    """The bytes of a YAML file as `read_yaml` reads them (a regular file within `max_bytes`)."""
    try:
        return read_bounded(path, max_bytes, what)
    except BoundedReadError as exc:
        raise YamlError(exc.message, None, str(path)) from None


def parse_yaml_bytes(raw: bytes, file: str, loader: type = FastLoader) -> Any:
    """Decode (UTF-8, a BOM allowed) and parse what `read_yaml_bytes` read."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(
            _("file is not UTF-8 text; save it as UTF-8"), Loc(file, line, column), file
        ) from None
    return parse_yaml(text, file, loader=loader)


def plain(value: Any) -> Any:
    """The same data as plain dicts and lists (for writing back out, or handing to code that checks types)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
