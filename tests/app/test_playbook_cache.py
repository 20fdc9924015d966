"""The resolved-playbook cache: a hit skips loading, and a stale or damaged entry is never served."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench.app import playbook_cache
from workbench.app.engagement import create, resolve_engagement
from workbench.store.engagement import read, save_answers

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def chain(tmp_path) -> tuple[Path, Path]:
    """base.yaml (the mini playbook) and overlay.yaml that extends it, in one folder."""
    folder = tmp_path / "playbooks"
    folder.mkdir()
    base = folder / "base.yaml"
    base.write_bytes((DATA / "mini.yaml").read_bytes())
    overlay = folder / "overlay.yaml"
    overlay.write_text('extends: base.yaml\nid: mini_overlay\nversion: "0.2"\n', encoding="utf-8")
    return base, overlay


def _engagement(tmp_path: Path, overlay: Path, answers: dict | None = None):
    folder = tmp_path / "client"
    create(folder, str(overlay), answers or {"business_model": "b2b"}, "Client", date(2026, 1, 5), "test")
    return read(folder)


def _fresh(engagement):
    """What a cold open gives: the memory forgotten and the files removed."""
    playbook_cache.clear_memory()
    for entry in playbook_cache.cache_dir().glob("*.json"):
        entry.unlink()
    return resolve_engagement(engagement)


def test_a_second_open_loads_nothing_from_memory_or_disk(tmp_path, cache, chain, loads):
    engagement = _engagement(tmp_path, chain[1])
    first = resolve_engagement(engagement)
    assert len(list(cache.glob("*.json"))) == 1
    loads.clear()
    again = resolve_engagement(engagement)  # the in-process entry
    playbook_cache.clear_memory()
    from_disk = resolve_engagement(engagement)  # the file, read back through the models
    assert loads == []
    assert again.resolved == first.resolved
    assert from_disk.resolved == first.resolved and from_disk.loaded.playbook == first.loaded.playbook
    assert from_disk.loaded.digest == first.loaded.digest
    assert [p.resolve() for p in from_disk.loaded.files] == [p.resolve() for p in chain]


@pytest.mark.parametrize("which", ["base", "overlay"])
def test_one_changed_byte_of_any_file_of_the_chain_misses(tmp_path, cache, chain, loads, which):
    engagement = _engagement(tmp_path, chain[1])
    resolve_engagement(engagement)
    path = chain[0] if which == "base" else chain[1]
    text = path.read_text(encoding="utf-8")
    old, new = ("Mini method", "Mini methoD") if which == "base" else ('"0.2"', '"0.3"')
    changed = text.replace(old, new)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    loads.clear()
    got = resolve_engagement(engagement)
    assert len(loads) == 1
    if which == "base":
        assert got.resolved.name["en"] == "Mini methoD"
    else:
        assert got.loaded.playbook.version == "0.3"
    assert got.warnings  # the engagement recorded the old hash: drift is still said
    playbook_cache.clear_memory()  # and the rewritten file serves the new content
    loads.clear()
    assert resolve_engagement(engagement).resolved == got.resolved and loads == []


def test_changed_answers_miss(tmp_path, cache, chain, loads):
    engagement = _engagement(tmp_path, chain[1])
    before = resolve_engagement(engagement)
    save_answers(engagement, {"business_model": "b2c"})
    loads.clear()
    after = resolve_engagement(engagement)
    playbook_cache.clear_memory()
    assert after.resolved == _fresh(engagement).resolved
    assert loads == [] or loads == [str(chain[1])]  # the playbook may come from memory; never the old result
    assert before.resolved != after.resolved or before.resolved.model_dump() != {}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"format": 1}\n{}\n{}',
        b'{"format": 1, "files": [], "refs": [], "chain": "x", "digest": ""}\n',
    ],
)
def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path, cache, chain, loads, damage):
    engagement = _engagement(tmp_path, chain[1])
    good = resolve_engagement(engagement)
    (entry,) = cache.glob("*.json")
    entry.write_bytes(damage)
    playbook_cache.clear_memory()
    loads.clear()
    got = resolve_engagement(engagement)
    assert loads == [str(chain[1])]
    assert got.resolved == good.resolved
    assert entry.read_bytes() != damage
    playbook_cache.clear_memory()
    loads.clear()
    assert resolve_engagement(engagement).resolved == good.resolved and loads == []


def test_a_file_claiming_another_chain_is_not_served(tmp_path, cache, chain, loads):
    """An entry whose recorded chain hash is not today's (copied from elsewhere, edited) is a miss."""
    engagement = _engagement(tmp_path, chain[1])
    resolve_engagement(engagement)
    (entry,) = cache.glob("*.json")
    head, _sep, body = entry.read_bytes().partition(b"\n")
    entry.write_bytes(head.replace(b'"chain": "', b'"chain": "0') + b"\n" + body)
    playbook_cache.clear_memory()
    loads.clear()
    resolve_engagement(engagement)
    assert loads == [str(chain[1])]


def test_the_core_playbook_round_trips_exactly(tmp_path, cache):
    """Every model of the bundled core (aliases such as `not`, dates, localised texts) comes back equal."""
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.loading.catalog import bundled_dir, find
    from workbench.loading.playbooks import load_playbook

    loaded = load_playbook("core")
    answers = load_answers(bundled_dir() / "examples" / "retail-chain.answers.yaml", loaded.playbook).answers
    entry = playbook_cache.CachedPlaybook(loaded, resolve(loaded.playbook, answers))
    top = find("core")
    playbook_cache.store(top, answers, {}, entry)
    playbook_cache.clear_memory()
    back = playbook_cache.lookup(top, answers, {})
    assert back is not None and back is not entry
    assert back.loaded.playbook == loaded.playbook
    assert back.resolved == entry.resolved
    assert type(back.resolved.name) is type(entry.resolved.name)  # LocalText, not a bare dict
    assert back.loaded.problems == loaded.problems and back.loaded.digest == loaded.digest


def test_a_playbook_through_the_cache_names_the_same_crm_roles():
    """The cache keeps playbooks as JSON and validates them back; what a CRM export names must not depend
    on that (Odoo's group ids once read pydantic's fields-set record, which the round trip fills: every
    group of a cached playbook came out `CRM_x` instead of `group_crm_x`)."""
    import json

    from workbench.crm_adapters.odoo.model import group_id
    from workbench.domain.playbook import Playbook
    from workbench.loading.playbooks import load_playbook

    loaded = load_playbook("core").model
    cached = Playbook.model_validate(json.loads(loaded.model_dump_json(by_alias=True)))
    roles = [r.id for r in loaded.roles]
    assert roles
    for target, mapping in loaded.crm_mappings.items():
        again = cached.crm_mappings[target]
        assert [mapping.role_name(r) for r in roles] == [again.role_name(r) for r in roles], target
    odoo, odoo_cached = loaded.crm_mappings["odoo"], cached.crm_mappings["odoo"]
    assert [group_id(odoo, r) for r in roles] == [group_id(odoo_cached, r) for r in roles]
    assert any(group_id(odoo, r).startswith("group_crm_") for r in roles)
