"""The field-by-field three-way merge behind every engagement.yaml write."""

from __future__ import annotations

from datetime import date

from workbench.store.merge import MISSING, flatten, merge, unflatten

BASE = {
    "client": "Acme",
    "start": date(2026, 1, 5),
    "answers": {"a": 1, "b": ["x"], "c": True},
    "overrides": {"requirements": {"R-1": {"priority": "must", "weight": 3}}},
}


def _with(data: dict, **answers) -> dict:
    out = {**data, "answers": {**data["answers"], **answers}}
    out["answers"] = {k: v for k, v in out["answers"].items() if v is not MISSING}
    return out


def test_changes_to_different_answers_both_land():
    result = merge(BASE, _with(BASE, a=2), _with(BASE, b=["y"]))
    assert unflatten(result.fields)["answers"] == {"a": 2, "b": ["y"], "c": True}
    assert result.changed == [("answers", "a")] and result.taken == [("answers", "b")]
    assert not result.conflicts


def test_the_same_answer_changed_to_different_values_conflicts_and_names_it():
    result = merge(BASE, _with(BASE, a=2), _with(BASE, a=3))
    assert [(c.field, c.base, c.mine, c.theirs) for c in result.conflicts] == [(("answers", "a"), 1, 2, 3)]


def test_the_same_change_on_both_sides_is_no_conflict():
    result = merge(BASE, _with(BASE, a=2), _with(BASE, a=2))
    assert not result.conflicts and unflatten(result.fields)["answers"]["a"] == 2


def test_a_cleared_answer_is_a_change_and_conflicts_with_a_new_value():
    assert "a" not in unflatten(merge(BASE, _with(BASE, a=MISSING), BASE).fields)["answers"]
    result = merge(BASE, _with(BASE, a=MISSING), _with(BASE, a=5))
    assert [(c.mine, c.theirs) for c in result.conflicts] == [(MISSING, 5)]


def test_true_and_one_are_different_answers():
    result = merge(BASE, _with(BASE, c=1), _with(BASE, c=False))
    assert len(result.conflicts) == 1


def test_overrides_merge_by_requirement_and_field():
    mine = {**BASE, "overrides": {"requirements": {"R-1": {"priority": "should", "weight": 3}}}}
    theirs = {
        **BASE,
        "overrides": {"requirements": {"R-1": {"priority": "must", "weight": 5}, "R-2": {"weight": 1}}},
    }
    result = merge(BASE, mine, theirs)
    assert not result.conflicts
    assert unflatten(result.fields)["overrides"] == {
        "requirements": {"R-1": {"priority": "should", "weight": 5}, "R-2": {"weight": 1}}
    }


def test_top_level_keys_merge_by_key():
    result = merge(BASE, {**BASE, "client": "Acme Ltd"}, {**BASE, "start": date(2026, 2, 2)})
    merged = unflatten(result.fields)
    assert (merged["client"], merged["start"]) == ("Acme Ltd", date(2026, 2, 2))


def test_flatten_keeps_answers_lists_whole():
    assert flatten(BASE)[("answers", "b")] == ["x"]
    assert unflatten(flatten(BASE)) == BASE
