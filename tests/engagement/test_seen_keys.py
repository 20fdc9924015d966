"""The compact duplicate table behind import-activity: every earlier key is found with its first line,
also after the table has grown many times; negative and extreme 64-bit keys are kept apart."""

from __future__ import annotations

from workbench.loading.seen_keys import SeenKeys


def test_first_lines_survive_growth():
    seen = SeenKeys(capacity=4)
    keys = [hash(f"user{i}@example.com") for i in range(50_000)]
    assert [seen.first(key, line) for line, key in enumerate(keys, start=2)] == [None] * len(keys)
    assert len(seen) == 50_000
    assert [seen.first(keys[i], 99) for i in (0, 1, 4095, 49_999)] == [2, 3, 4097, 50_001]
    assert len(seen) == 50_000


def test_negative_and_extreme_keys_are_keys_like_any_other():
    seen = SeenKeys()
    keys = [-1, -(2**63), 2**63 - 1, 2**62, -(2**62), 7]
    assert [seen.first(key, n) for n, key in enumerate(keys, start=1)] == [None] * 6
    assert [seen.first(key, 0) for key in reversed(keys)] == [6, 5, 4, 3, 2, 1]
