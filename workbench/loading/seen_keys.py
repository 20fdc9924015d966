"""A compact set of 64-bit keys with the line each was first seen on, for duplicate checks over millions
of rows: two flat arrays with open addressing, 12 bytes a slot, where a dict of ints costs about 100 bytes
an entry. Keys are hashes of the values (a collision between two of four million 64-bit hashes has odds
of about one in two million), so the values themselves are never kept.
"""

from __future__ import annotations

from array import array


class SeenKeys:
    def __init__(self, capacity: int = 1 << 12) -> None:
        self._mask = capacity - 1
        self._keys = array("q", bytes(8 * capacity))
        self._lines = array("i", bytes(4 * capacity))
        self._count = 0

    def first(self, key: int, line: int) -> int | None:
        """The line `key` (a signed 64-bit hash, as `hash()` gives) was first seen on; None (and `line`
        recorded) when it is new."""
        key = key or 1  # 0 marks a free slot (so keys 0 and 1 are one key: odds of 1 in 2**63 to matter)
        keys, mask = self._keys, self._mask
        slot = key & mask
        while keys[slot]:
            if keys[slot] == key:
                return self._lines[slot]
            slot = (slot + 1) & mask
        keys[slot], self._lines[slot] = key, line
        self._count += 1
        if self._count * 2 > mask:
            self._grow()
        return None

    def _grow(self) -> None:
        keys, lines = self._keys, self._lines
        self.__init__(2 * (self._mask + 1))  # type: ignore[misc]
        for key, line in zip(keys, lines):
            if key:
                self.first(key, line)

    def __len__(self) -> int:
        return self._count
