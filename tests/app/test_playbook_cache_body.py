"""The cache entry's body (one playbook, its texts written once, resolved when read): a truncated, edited
or inconsistent file is a miss and never a crash or another engagement, and what it serves equals a
fresh load."""

from __future__ import annotations

import gc
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from workbench.app import playbook_cache
from workbench.app.engagement import create, resolve_engagement
from workbench.app.playbook_json import FREEZE_FROM, frozen_once_built, read_playbook, write_playbook
from workbench.domain.playbook import Playbook
from workbench.loading.playbooks import load_playbook
from workbench.store.engagement import read, save_overrides

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def engagement(tmp_path):
    playbook = tmp_path / "mini.yaml"
    playbook.write_bytes((DATA / "mini.yaml").read_bytes())
    folder = tmp_path / "client"
    create(folder, str(playbook), {"business_model": "b2b"}, "Client", date(2026, 1, 5), "test")
    return read(folder)


def _entry(cache: Path) -> Path:
    (entry,) = cache.glob("*.json")
    return entry


def _rewrite_body(entry: Path, change) -> None:
    """Change the body and record its new hash, as a careful editor would: only the models can refuse it."""
    head, _sep, body = entry.read_bytes().partition(b"\n")
    body = change(body)
    meta = json.loads(head)
    meta["body"] = hashlib.sha256(body).hexdigest()
    entry.write_bytes(json.dumps(meta).encode() + b"\n" + body)


def _reopen_misses(engagement, loads, good) -> None:
    playbook_cache.clear_memory()
    loads.clear()
    got = resolve_engagement(engagement)
    assert len(loads) == 1  # a miss: loaded from the YAML again
    assert got.resolved == good.resolved and got.loaded.playbook == good.loaded.playbook
    playbook_cache.clear_memory()  # and the entry was rewritten: the next open is a hit again
    loads.clear()
    assert resolve_engagement(engagement).resolved == good.resolved and loads == []


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.999])
def test_a_truncated_entry_is_a_miss(cache, loads, engagement, keep):
    good = resolve_engagement(engagement)
    entry = _entry(cache)
    data = entry.read_bytes()
    entry.write_bytes(data[: int(len(data) * keep)])
    _reopen_misses(engagement, loads, good)


def test_an_edited_body_without_its_hash_is_a_miss(cache, loads, engagement):
    good = resolve_engagement(engagement)
    entry = _entry(cache)
    data = entry.read_bytes()
    assert b"Mini method" in data
    entry.write_bytes(data.replace(b"Mini method", b"Mega method"))
    _reopen_misses(engagement, loads, good)


@pytest.mark.parametrize(
    "change",
    [
        lambda body: body.replace(b'"name":0', b'"name":99999'),  # a text number past the table
        lambda body: body.replace(b'"name":0', b'"name":-1'),
        lambda body: body.replace(b'"name":0', b'"name":true'),
        lambda body: body.split(b"\n")[1],  # the table left out
        lambda body: body.replace(b'"id":"', b'"id":"?', 1),  # an id the models refuse
    ],
    ids=["past-the-table", "negative", "not-a-number", "no-table", "bad-id"],
)
def test_a_body_the_models_refuse_is_a_miss_even_with_its_hash(cache, loads, engagement, change):
    good = resolve_engagement(engagement)
    entry = _entry(cache)
    before = entry.read_bytes()
    _rewrite_body(entry, change)
    assert entry.read_bytes() != before
    _reopen_misses(engagement, loads, good)


def test_rfp_overrides_are_applied_to_what_the_cache_serves(cache, loads, engagement):
    """The entry holds the playbook as loaded; the overrides (part of the key) are applied when read."""
    save_overrides(engagement, {"requirements": {"R1": {"weight": 2}}})
    first = resolve_engagement(engagement)
    playbook_cache.clear_memory()
    loads.clear()
    from_disk = resolve_engagement(engagement)
    assert loads == []
    assert from_disk.resolved == first.resolved
    assert {r.id: r.weight for r in from_disk.resolved.requirements}["R1"] == 2
    assert {r.id: r.weight for r in from_disk.loaded.model.requirements}["R1"] == 5


def test_each_distinct_text_is_written_once_and_shared_when_read():
    core = load_playbook("core").model
    doubled = core.model_copy(update={"requirements": core.requirements + core.requirements})
    data = write_playbook(doubled)
    texts, _sep, body = data.partition(b"\n")
    table = json.loads(texts)
    assert len(table) == len({json.dumps(t, sort_keys=True) for t in table})  # no text twice
    assert len(body) < len(doubled.model_dump_json(by_alias=True))
    back = read_playbook(data)
    assert back == doubled
    half = len(core.requirements)
    assert back.requirements[0].text is back.requirements[half].text  # one object for the one text


def test_a_number_is_not_a_text_outside_the_cache():
    """Only the cache's table makes a number a text: in a playbook file `name: 5` stays an error."""
    with pytest.raises(ValidationError, match="expected a string or a map"):
        Playbook.model_validate({"id": "p", "version": "1.0", "name": 5})


def test_building_leaves_the_collector_as_it_found_it():
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            with frozen_once_built():
                assert not gc.isenabled()
            assert gc.isenabled() is state
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


@pytest.mark.slow
def test_only_a_large_build_is_frozen():
    gc.collect()
    gc.unfreeze()
    try:
        with frozen_once_built():
            small = [[] for _ in range(1000)]
        assert gc.get_freeze_count() == 0 and small
        with frozen_once_built():
            large = [[] for _ in range(FREEZE_FROM)]
        assert gc.get_freeze_count() >= FREEZE_FROM and large
    finally:
        gc.unfreeze()
