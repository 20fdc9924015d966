"""The resolved-playbook cache's body: a playbook as JSON with each distinct text written once.

Two lines: the table of distinct texts (each in the playbook's own short form: a string, or an {en, fa, ru}
map), then the playbook with only the fields its files set and every text as its number in the table.
Both are read back through the validators a playbook read from YAML meets (the texts through
`parse_text`, the playbook through its models, `domain.text` turning the numbers into texts), never
unpickled.
Re-opening the 75x engagement was 2 s of validating two ~60 MB documents; this one is 6 MB.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workbench.domain.crm_targets import targets_checked_before
from workbench.domain.overrides import apply_overrides
from workbench.domain.playbook import Playbook
from workbench.domain.resolve import resolve
from workbench.domain.text import LocalText, parse_text, short_form, texts_by_number, texts_written_once


def _write_texts(table: dict[tuple[tuple[str, str], ...], int]) -> bytes:
    """The table's texts in its order, each in the playbook's short form (a string when only English)."""
    short = [short_form(dict(key)) for key in table]
    return json.dumps(short, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _read_texts(line: bytes) -> list[LocalText]:
    """The text table, each entry checked by the validator every playbook text goes through
    (`parse_text`). Read with `json` and that function rather than through a pydantic adapter: the same
    checks, in a third less time (core's 2,400 texts, 1.3 MB in three languages: 7.6 ms against 11)."""
    texts = json.loads(line)
    if not isinstance(texts, list):
        raise ValueError("the text table is not a list")
    return [parse_text(text) for text in texts]


def write_playbook(playbook: Playbook) -> bytes:
    """The text table and the playbook, one line each."""
    with texts_written_once() as table:
        body = playbook.model_dump_json(by_alias=True, exclude_unset=True)
    return _write_texts(table) + b"\n" + body.encode("utf-8")


def read_playbook(data: bytes) -> Playbook:
    """What `write_playbook` wrote, validated; ValueError (pydantic's ValidationError) when it is not. Its
    CRM names are not looked up among the installed adapters again: they were when it was first loaded."""
    texts, newline, body = data.partition(b"\n")
    if not newline:
        raise ValueError("the playbook line is missing")
    table = _read_texts(texts)
    with texts_by_number(table), targets_checked_before():
        return Playbook.model_validate_json(body)


def resolve_for(playbook: Playbook, answers: dict[str, Any], overrides: dict[str, Any]) -> Playbook:
    """The playbook against the answers and the RFP overrides (checked before): what an engagement uses."""
    return apply_overrides(resolve(playbook, answers), overrides)


FREEZE_FROM = 200_000
"""objects built (the GC's count of new objects) from which they are frozen: the 75x playbook is about a
million, `core` a few thousand"""


@contextmanager
def frozen_once_built() -> Iterator[None]:
    """Build a large playbook with the cyclic GC paused, then move what exists into the GC's permanent
    generation (`gc.freeze`). The models are acyclic and freed by reference counting as usual; without
    this, the next three collections each walked the million objects just built (1.7 s of a 4 s re-open
    of the 75x engagement) only to find them all alive. The price: a reference cycle that exists now and
    is dropped later is never collected, so small playbooks (nearly every one) are not frozen."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] >= FREEZE_FROM:
            gc.freeze()
        if was_on:
            gc.enable()
