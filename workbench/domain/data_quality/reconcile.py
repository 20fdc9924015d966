"""Reconciling a legacy export with the CRM's export after a trial or final load: which records are
missing from the target, which are extra, and which fields changed on the way. Keys and fields are
compared normalised (a phone in E.164, an e-mail lower-cased, a date as a date, text folded), so a
reformatted phone or a ي that became ی is not an alteration."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from workbench.domain.data_quality.fold import fold_text
from workbench.domain.data_quality.headers import header_key, match_headers
from workbench.domain.data_quality.input_words import SYNONYMS
from workbench.domain.data_quality.records import CHECKED
from workbench.domain.data_quality.values import email_key, is_empty, parse_day, phone_e164


@dataclass(frozen=True)
class Altered:
    key: str
    column: str
    source: str
    target: str
    source_row: int
    target_row: int


@dataclass
class Reconciliation:
    source_rows: int
    target_rows: int
    keys: list[str]
    compared: list[str]
    matched: int = 0
    missing: list[tuple[str, int]] = field(default_factory=list)
    """(key, source row) of records the target lacks"""
    extra: list[tuple[str, int]] = field(default_factory=list)
    """(key, target row) of records only the target has"""
    altered: list[Altered] = field(default_factory=list)
    duplicate_keys: list[tuple[str, str, int]] = field(default_factory=list)
    """('source'|'target', key, row) of a key seen before in the same file: only its first row is compared"""

    @property
    def differences(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.altered)

    def to_dict(self) -> dict:
        return {
            "source_rows": self.source_rows,
            "target_rows": self.target_rows,
            "keys": self.keys,
            "compared": self.compared,
            "matched": self.matched,
            "differences": self.differences,
            "missing": [{"key": k, "row": r} for k, r in self.missing],
            "extra": [{"key": k, "row": r} for k, r in self.extra],
            "altered": [
                {
                    "key": a.key,
                    "column": a.column,
                    "source": a.source,
                    "target": a.target,
                    "source_row": a.source_row,
                    "target_row": a.target_row,
                }
                for a in self.altered
            ],
            "duplicate_keys": [{"file": f, "key": k, "row": r} for f, k, r in self.duplicate_keys],
        }


class KeyColumnMissing(ValueError):
    """A key column is in neither file's headers, or only in one."""


def _kinds(headers: Sequence[str]) -> dict[int, str]:
    """column index -> how its values are compared ('phone', 'email', 'date' or '' for text)"""
    return {i: CHECKED.get(f, "") for f, i in match_headers(headers).items()}


def normalise(value: object, kind: str, region: str) -> str:
    text = "" if value is None else str(value).strip()
    if is_empty(text):
        return ""
    if kind == "phone":
        return phone_e164(text, region) or fold_text(text)
    if kind == "email":
        return email_key(text) or fold_text(text)
    if kind == "date":
        day = parse_day(text)
        return day.isoformat() if day else fold_text(text)
    return fold_text(text)


def _column(headers: Sequence[str], name: str) -> int | None:
    wanted = header_key(name)
    for i, header in enumerate(headers):
        if header_key(str(header or "")) == wanted:
            return i
    field_name = next((f for f, names in SYNONYMS.items() if wanted in map(header_key, names)), None)
    return match_headers(headers).get(field_name) if field_name else None


def _pairs_of_columns(source: Sequence[str], target: Sequence[str]) -> list[tuple[str, int, int]]:
    """(source header, source index, target index) of every column both files have, by name or field"""
    found = []
    for i, header in enumerate(source):
        j = _column(target, str(header or ""))
        if j is not None and header:
            found.append((str(header), i, j))
    return found


class _Side:
    def __init__(self, name: str, headers: Sequence[str], keys: Sequence[str], region: str) -> None:
        self.name, self.region = name, region
        self.kinds = _kinds(headers)
        missing = [k for k in keys if _column(headers, k) is None]
        if missing:
            raise KeyColumnMissing(", ".join(missing))
        self.key_columns = [c for c in (_column(headers, k) for k in keys) if c is not None]
        self.rows: dict[str, tuple[int, Sequence[object]]] = {}

    def value(self, row: Sequence[object], column: int) -> str:
        return normalise(row[column] if column < len(row) else None, self.kinds.get(column, ""), self.region)

    def add(self, number: int, row: Sequence[object], duplicates: list[tuple[str, str, int]]) -> None:
        key = " | ".join(self.value(row, c) for c in self.key_columns)
        if key in self.rows:
            duplicates.append((self.name, key, number))
        else:
            self.rows[key] = (number, row)


def reconcile(
    source_headers: Sequence[str],
    source_rows: Sequence[Sequence[object]],
    target_headers: Sequence[str],
    target_rows: Sequence[Sequence[object]],
    keys: Sequence[str],
    region: str,
) -> Reconciliation:
    """Join on the normalised keys; raises KeyColumnMissing for a key column a file lacks."""
    src = _Side("source", source_headers, keys, region)
    tgt = _Side("target", target_headers, keys, region)
    columns = [c for c in _pairs_of_columns(source_headers, target_headers) if c[1] not in src.key_columns]
    result = Reconciliation(len(source_rows), len(target_rows), list(keys), [c[0] for c in columns])
    for side, rows in ((src, source_rows), (tgt, target_rows)):
        for number, row in enumerate(rows, start=2):
            side.add(number, row, result.duplicate_keys)
    for key, (number, row) in src.rows.items():
        found = tgt.rows.get(key)
        if found is None:
            result.missing.append((key, number))
            continue
        result.matched += 1
        for header, i, j in columns:
            if src.value(row, i) != tgt.value(found[1], j):
                result.altered.append(Altered(key, header, _raw(row, i), _raw(found[1], j), number, found[0]))
    result.extra = [(key, number) for key, (number, _row) in tgt.rows.items() if key not in src.rows]
    return result


def _raw(row: Sequence[object], column: int) -> str:
    value = row[column] if column < len(row) else None
    return "" if value is None else str(value)
