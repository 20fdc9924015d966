"""Duplicate records: blocking, scoring inside blocks, clusters and a survivor per cluster.

Comparing every record with every other is n²/2 pairs (5·10¹¹ for a million rows). Records are instead
put in blocks that a duplicate must share with its original: the same normalised phone, the same e-mail,
the same national id, or the same name skeleton together with the same birth date, company or e-mail
domain (a block larger than MAX_BLOCK is split by name skeleton). Only pairs inside a block are
scored, so the work grows with the duplicates, not with n².

A pair is a duplicate when a strong identifier matches and the names agree enough (two people of one
household share a phone, not a name), or when the names agree closely and something else about the
person matches too (a birth date; a company and an e-mail domain): a common name never merges two
customers on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from workbench.domain.data_quality.fold import loose
from workbench.domain.data_quality.records import Record
from workbench.domain.data_quality.values import FREE_MAIL, email_domain

MAX_BLOCK = 200
"""a block larger than this (a switchboard number, a shared mailbox) is split by name skeleton"""
NAME_WITH_ID = {"same-record": 0.0, "same-national-id": 0.0, "same-email": 0.7, "same-phone": 0.85}
"""how far names must agree when this identifier matches: a household shares a phone (and Елена and
Алёна Новиковы differ by one letter), an e-mail address less often"""
NAME_ALONE = 0.9
"""how far names must agree when no identifier matches, only personal details"""
DETAIL_WEIGHT = {"same-birth-date": 1, "same-company": 1, "same-email-domain": 1}
"""two of these make namesakes one person; one alone does not (in a large file, two Ali Rezaeis share a
company or a birthday)"""
STRENGTH = {
    "same-record": 1.0,
    "same-national-id": 1.0,
    "same-email": 0.95,
    "same-phone": 0.9,
    "same-birth-date": 0.7,
    "same-company": 0.6,
    "same-email-domain": 0.5,
}


@dataclass(frozen=True)
class Pair:
    first: int
    second: int
    """indices into the record list, first < second"""
    score: float
    """0..1: the name agreement and the strongest other evidence, half each"""
    name: float
    evidence: tuple[str, ...]
    """ids from STRENGTH, strongest first"""


@dataclass(frozen=True)
class Cluster:
    members: tuple[int, ...]
    survivor: int
    """the record to keep: the most complete, then the most recently updated, then the first"""


BLOCK_KINDS = ("record", "phone", "email", "national_id", "name")
"""blocked one kind at a time, so only one kind's keys are in memory at once"""


def block_keys(record: Record, kind: str) -> Iterator[str | int]:
    if kind == "record":
        yield record.fingerprint
    elif kind == "phone":
        yield from record.phones
    elif kind == "email":
        if record.email:
            yield record.email
    elif kind == "national_id":
        if record.national_id:
            yield record.national_id
    elif record.skeleton:
        if record.birth:
            yield f"b{record.skeleton}|{record.birth.isoformat()}"
        if record.company:
            yield f"c{record.skeleton}|{record.company}"
        if record.email and (domain := email_domain(record.email)) not in FREE_MAIL:
            yield f"d{record.skeleton}|{domain}"


def name_agreement(a: Record, b: Record) -> float:
    """0..1: the weakest agreement between the words of the shorter name and the words of the other,
    matched one to one, so 'Mohammad Karimi' and 'Majid Karimi' (one household, one phone) stay apart
    while word order, a missing middle name or a typo do not. Names in one script compare as folded
    ('Rezaei' and 'Razavi' stay apart); Russian against Latin by their romanised forms ('Пётр' / 'Pyotr');
    Persian against anything else by consonant skeletons (Persian writes no short vowels)."""
    if not a.name or not b.name:
        return 0.0
    if a.script == b.script:
        words_a, words_b = a.name.split(), b.name.split()
    elif "arabic" in (a.script, b.script):
        words_a, words_b = a.skeleton.split(), b.skeleton.split()
    else:
        words_a, words_b = [loose(w) for w in a.name.split()], [loose(w) for w in b.name.split()]
    if not words_a or not words_b:
        return 0.0
    weakest = _aligned(words_a, words_b)
    if len(words_a) != len(words_b):  # 'نیک پور' typed as two words, 'نیکپور' as one
        weakest = max(
            weakest,
            ratio("".join(sorted(words_a)), "".join(sorted(words_b))),
            ratio("".join(words_a), "".join(words_b)),
        )
    return weakest / 100


def _aligned(words_a: list[str], words_b: list[str]) -> float:
    """The weakest score of a greedy one-to-one matching of the shorter list's words."""
    short, other = sorted((words_a, words_b), key=len)
    scored = sorted(
        ((ratio(w, u), i, j) for i, w in enumerate(short) for j, u in enumerate(other)), reverse=True
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    weakest = 100.0
    for score, i, j in scored:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            weakest = min(weakest, score)
    return weakest


def evidence(a: Record, b: Record) -> list[str]:
    found = []
    if a.fingerprint == b.fingerprint:
        found.append("same-record")
    if a.national_id and a.national_id == b.national_id:
        found.append("same-national-id")
    if a.email and a.email == b.email:
        found.append("same-email")
    if set(a.phones) & set(b.phones):
        found.append("same-phone")
    if a.birth and a.birth == b.birth:
        found.append("same-birth-date")
    if a.company and a.company == b.company:
        found.append("same-company")
    elif a.email and b.email and "same-email" not in found:
        domain = email_domain(a.email)
        if domain == email_domain(b.email) and domain not in FREE_MAIL:
            found.append("same-email-domain")
    return sorted(found, key=lambda e: -STRENGTH[e])


def score_pair(records: Sequence[Record], i: int, j: int) -> Pair | None:
    """The pair when it is a duplicate, else None."""
    a, b = records[i], records[j]
    found = evidence(a, b)
    if not found:
        return None
    name = name_agreement(a, b)
    strong = [e for e in found if e in NAME_WITH_ID and name >= NAME_WITH_ID[e]]
    if not strong and (name < NAME_ALONE or sum(DETAIL_WEIGHT.get(e, 0) for e in found) < 2):
        return None
    score = round(0.5 * name + 0.5 * STRENGTH[found[0]], 3)
    return Pair(min(i, j), max(i, j), score, round(name, 3), tuple(found))


def candidate_pairs(records: Sequence[Record]) -> Iterator[tuple[int, int]]:
    """Each pair of records that share a block, once."""
    seen: set[tuple[int, int]] = set()
    for kind in BLOCK_KINDS:
        for members in shared_blocks(records, kind):
            for group in _split(records, members):
                for x, i in enumerate(group):
                    for j in group[x + 1 :]:
                        if (i, j) not in seen:
                            seen.add((i, j))
                            yield i, j


def shared_blocks(records: Sequence[Record], kind: str) -> list[list[int]]:
    """The blocks of one kind that hold two records or more, in the order of their first record. Most keys
    belong to one record only (a million fingerprints, a million phones): those never get a list."""
    first: dict[str | int, int] = {}
    shared: dict[str | int, list[int]] = {}
    for index, key in _keyed(records, kind):
        members = shared.get(key)
        if members is not None:
            members.append(index)
        elif key in first:
            shared[key] = [first[key], index]
        else:
            first[key] = index
    return sorted(shared.values(), key=lambda members: members[0])


def _keyed(records: Sequence[Record], kind: str) -> Iterator[tuple[int, str | int]]:
    """(record index, block key) of every record, one kind at a time, read straight from the records (the
    hot loop of blocking a million rows; block_keys says the same one record at a time)."""
    if kind == "record":
        return ((i, r.fingerprint) for i, r in enumerate(records))
    if kind == "phone":
        return ((i, phone) for i, r in enumerate(records) for phone in r.phones)
    if kind == "email":
        return ((i, r.email) for i, r in enumerate(records) if r.email)
    if kind == "national_id":
        return ((i, r.national_id) for i, r in enumerate(records) if r.national_id)
    return ((i, key) for i, r in enumerate(records) if r.skeleton for key in block_keys(r, kind))


def _split(records: Sequence[Record], members: list[int]) -> list[list[int]]:
    if len(members) <= MAX_BLOCK:
        return [members]
    by_name: dict[str, list[int]] = defaultdict(list)
    for index in members:
        by_name[records[index].skeleton].append(index)
    return [group[:MAX_BLOCK] for group in by_name.values() if len(group) > 1]


def find_pairs(records: Sequence[Record]) -> list[Pair]:
    pairs = (score_pair(records, i, j) for i, j in candidate_pairs(records))
    return [p for p in pairs if p is not None]


def clusters(records: Sequence[Record], pairs: Sequence[Pair]) -> list[Cluster]:
    """Union-find over the duplicate pairs; each cluster with its survivor, in the order of first rows."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        a, b = root(pair.first), root(pair.second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        groups[root(i)].append(i)
    return [Cluster(tuple(m), _survivor(records, m)) for m in groups.values()]


def _survivor(records: Sequence[Record], members: list[int]) -> int:
    def rank(i: int) -> tuple[int, int, int]:
        record = records[i]
        return record.filled, record.updated.toordinal() if record.updated else 0, -i

    return max(members, key=rank)
