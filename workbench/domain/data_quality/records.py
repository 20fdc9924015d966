"""Reading legacy rows into records: each field's value checked (empty, valid, invalid with the reason)
and folded into what matching compares. One pass over the rows; the counts per field make the
completeness figures and the invalid values their own list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from hashlib import blake2b

from workbench.domain.data_quality.fold import fold_text, name_skeleton, script
from workbench.domain.data_quality.profiles import ANY_PHONE, CHANNEL, CONTACT_FIELDS, FIELDS, PHONE_FIELDS
from workbench.domain.data_quality.values import email_key, is_empty, parse_day, phone_e164

CHECKED = {"phone": "phone", "mobile": "phone", "email": "email", "birth_date": "date", "updated": "date"}
"""fields whose values have a syntax to check, and which check"""


@dataclass(slots=True)
class Record:
    """One legacy row as matching sees it."""

    row: int
    """the row number in the file (the header is row 1)"""
    label: str
    """the name as written, for people to read"""
    name: str
    skeleton: str
    script: str
    phones: tuple[str, ...]
    email: str | None
    company: str
    birth: date | None
    national_id: str
    filled: int
    """how many of the known fields hold a valid value: the survivor is the most complete record"""
    updated: date | None
    fingerprint: int = 0
    """a digest of every value as folded: two rows with the same one are the same record typed twice, even
    when no phone or e-mail of theirs is valid"""

    def __reduce__(self) -> tuple[type[Record], tuple[object, ...]]:
        """Pickled as its fields in order: a worker's records reach the main process with a quarter less
        work than a slots dataclass's default (a million of them cross the process boundary)."""
        return (
            Record,
            (
                self.row,
                self.label,
                self.name,
                self.skeleton,
                self.script,
                self.phones,
                self.email,
                self.company,
                self.birth,
                self.national_id,
                self.filled,
                self.updated,
                self.fingerprint,
            ),
        )


@dataclass(frozen=True)
class InvalidValue:
    row: int
    field: str
    value: str
    kind: str
    """'phone', 'email' or 'date': what the value failed to be; 'placeholder': '000', '-', 'unknown'
    typed instead of a value"""


@dataclass
class FieldStats:
    present: int = 0
    valid: int = 0
    invalid: int = 0


@dataclass
class Inspection:
    records: list[Record] = field(default_factory=list)
    stats: dict[str, FieldStats] = field(default_factory=dict)
    invalid: list[InvalidValue] = field(default_factory=list)
    complete_records: int = 0
    """records that hold a valid value in every required field"""

    @property
    def total(self) -> int:
        return len(self.records)


def _name(values: Mapping[str, str], obj: str) -> str:
    if values.get("name"):
        return values["name"]
    joined = " ".join(v for v in (values.get("first_name"), values.get("last_name")) if v)
    return joined or (values.get("company", "") if obj == "account" else "")


class Inspector:
    """Checks rows one by one; `columns` maps each known field to its column index."""

    def __init__(self, columns: Mapping[str, int], obj: str, region: str, required: Sequence[str]) -> None:
        self.columns = dict(columns)
        self.obj, self.region, self.required = obj, region, tuple(required)
        self.result = Inspection(stats={f: FieldStats() for f in FIELDS if f in self.columns})

    def add_rows(self, rows: Iterable[Sequence[object]], first_row: int = 2) -> None:
        for number, row in enumerate(rows, start=first_row):
            self.add(number, row)

    def add(self, number: int, row: Sequence[object]) -> None:
        values: dict[str, str] = {}
        valid: dict[str, object] = {}
        for name, index in self.columns.items():
            raw = row[index] if index < len(row) else None
            text = "" if raw is None else str(raw).strip()
            if is_empty(text):
                if text and name in CHECKED:  # '000' for a phone: reported, and counted as empty
                    self._placeholder(number, name, text)
                continue
            values[name] = text
            checked = self._check(number, name, text)
            if checked is not None:
                valid[name] = checked
        self._count_complete(values, valid)
        self.result.records.append(self._record(number, values, valid))

    def _placeholder(self, number: int, name: str, text: str) -> None:
        self.result.stats[name].invalid += 1
        self.result.invalid.append(InvalidValue(number, name, text, "placeholder"))

    def _check(self, number: int, name: str, text: str) -> object | None:
        stats = self.result.stats[name]
        stats.present += 1
        kind = CHECKED.get(name)
        checked: object | None = text
        if kind == "phone":
            checked = phone_e164(text, self.region)
        elif kind == "email":
            checked = email_key(text)
        elif kind == "date":
            checked = parse_day(text)
        if checked is None:
            stats.invalid += 1
            self.result.invalid.append(InvalidValue(number, name, text, kind or ""))
        else:
            stats.valid += 1
        return checked

    def _count_complete(self, values: Mapping[str, str], valid: Mapping[str, object]) -> None:
        def holds(name: str) -> bool:
            if name == "name":
                return bool(_name(values, self.obj))
            if name == CHANNEL:  # any working channel: phone, mobile or e-mail
                return any(f in valid for f in CONTACT_FIELDS)
            if name == ANY_PHONE:
                return any(f in valid for f in PHONE_FIELDS)
            return name in valid

        if all(holds(f) for f in self.required):
            self.result.complete_records += 1

    def _record(self, number: int, values: Mapping[str, str], valid: Mapping[str, object]) -> Record:
        label = _name(values, self.obj)
        name = fold_text(label)
        phones = tuple(str(valid[f]) for f in ("phone", "mobile") if f in valid)
        birth, updated = valid.get("birth_date"), valid.get("updated")
        return Record(
            number,
            label,
            name,
            name_skeleton(name),
            script(name),
            phones,
            str(valid["email"]) if "email" in valid else None,
            fold_text(values.get("company", "")),
            birth if isinstance(birth, date) else None,
            fold_text(values.get("national_id", "")).replace(" ", ""),
            len(valid),
            updated if isinstance(updated, date) else None,
            _fingerprint(values),
        )


def _fingerprint(values: Mapping[str, str]) -> int:
    """Stable across processes (unlike hash()), so chunks checked by workers compare. The fields are in
    the file's column order (the same for every row), so no sorting; the field names are kept apart from
    the values, so a value never stands for another field's."""
    text = "\x1f".join(values) + "\x1e" + "\x1f".join(map(fold_text, values.values()))
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big")


def merge(parts: Iterable[Inspection]) -> Inspection:
    """Inspections of consecutive chunks of one file as one (records and invalid values in file order)."""
    whole = Inspection()
    for part in parts:
        whole.records.extend(part.records)
        whole.invalid.extend(part.invalid)
        whole.complete_records += part.complete_records
        for name, stats in part.stats.items():
            total = whole.stats.setdefault(name, FieldStats())
            total.present += stats.present
            total.valid += stats.valid
            total.invalid += stats.invalid
    return whole


def inspect_chunk(
    columns: Mapping[str, int],
    obj: str,
    region: str,
    required: Sequence[str],
    rows: Iterable[Sequence[object]],
    first_row: int,
) -> Inspection:
    """One chunk of rows checked on its own (in a worker process for a big file)."""
    inspector = Inspector(columns, obj, region, required)
    inspector.add_rows(rows, first_row)
    return inspector.result
