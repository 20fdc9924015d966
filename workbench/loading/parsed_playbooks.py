"""Playbook files parsed once per process: the located tree of a file whose bytes were parsed before is
used again instead of being parsed again.

Parsing is most of what loading a playbook costs (about 80 % of `core`'s 130 ms: libyaml's events, then
a located node for every key and value); validating the tree into models is the rest's bulk. Loading the
same playbook again in one process is common: the TUI loads a design, an audit or a recertification
after the engagement's own load, the resolved-playbook cache reads an overlay's `extends` again, and a
process that runs several commands (tests, the demo) loads the same bundled files each time.

The key is the file name as given (the tree's locations carry it) and the sha256 of its bytes, read again
at every load: a changed byte is a miss, so a stale tree is never used. Only files that parsed are kept
(errors are reported afresh each time), only small ones (the scaled benchmark playbooks are tens of MB:
parsed each time, never held), and only the last few.

Sharing is safe because nothing changes a parsed tree: `overlays.merge` copies what it changes, and
validation and `locate.place` only read it. `test_parsed_playbooks.py` holds that to account.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from workbench.loading.located_yaml import MAX_FILE_BYTES, parse_yaml_bytes, read_yaml_bytes

KEPT_FILES = 16
KEPT_FILE_BYTES = 4 * 1024 * 1024
"""files up to this size are kept (every bundled playbook is well under 1 MB)"""
_parsed: OrderedDict[tuple[str, bytes], Any] = OrderedDict()


def read_playbook_file(path: Path, what: str) -> Any:
    """`read_yaml(path)`, using the tree parsed earlier from the same bytes when there is one."""
    raw = read_yaml_bytes(path, MAX_FILE_BYTES, what)
    if len(raw) > KEPT_FILE_BYTES:
        return parse_yaml_bytes(raw, str(path))
    key = (str(path), hashlib.sha256(raw).digest())
    tree = _parsed.get(key)
    if tree is not None:
        _parsed.move_to_end(key)
        return tree
    tree = parse_yaml_bytes(raw, str(path))
    _parsed[key] = tree
    while len(_parsed) > KEPT_FILES:
        _parsed.popitem(last=False)
    return tree


def forget_parsed() -> None:
    """Drop every kept tree (tests, benchmarks that time a first load)."""
    _parsed.clear()
