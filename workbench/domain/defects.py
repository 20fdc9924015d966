"""The defect log of acceptance testing: what a defect is, how its status may move, and what go-live needs.

A defect is found while running a UAT script, so it names the script and the requirement it breaks; its
severity runs from 1 (blocks work, no workaround) to 4 (cosmetic). The status moves along the usual path:
open -> fixed (by the vendor) -> retest -> closed (the tester confirmed the fix), with rejected (not a
defect, or a change request) beside it; a failed retest goes back to open, and a closed or rejected defect
may be opened again. A move off this path is refused with the moves that are possible. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workbench.domain import fixed_ids
from workbench.i18n import N_, _

DEFECT_STATUSES = fixed_ids.DEFECT_STATUSES
STATUS_LABELS = {
    "open": N_("open"),
    "fixed": N_("fixed"),
    "retest": N_("retest"),
    "closed": N_("closed"),
    "rejected": N_("rejected"),
}
"""status id -> English label, translated with _() where shown"""
MOVES: dict[str, tuple[str, ...]] = {
    "open": ("fixed", "rejected"),
    "fixed": ("retest", "open"),
    "retest": ("closed", "open"),
    "closed": ("open",),
    "rejected": ("open",),
}
"""status -> the statuses a defect may move to from it"""
RESOLVED = ("closed", "rejected")
"""a defect in one of these no longer stands in the way of go-live"""
SEVERITIES = (1, 2, 3, 4)
SEVERITY_LABELS = {1: N_("1 critical"), 2: N_("2 major"), 3: N_("3 minor"), 4: N_("4 cosmetic")}
BLOCKING_SEVERITIES = (1, 2)
"""an unresolved defect of these severities blocks go-live"""
PREFIX = "D-"
DEFECT_FIELDS = ("status", "severity", "owner", "requirement", "script", "title")
"""what `set` may change on a defect; each change is one history event of the same kind"""
FIELD_LABELS = {
    "status": N_("Status"),
    "severity": N_("Severity"),
    "owner": N_("Owner"),
    "requirement": N_("Requirement"),
    "script": N_("Script"),
    "title": N_("Title"),
}


def shown_value(field: str, value: str | None) -> str:
    """A history event's old or new value as people read it: statuses and severities by their label."""
    if value is None or value == "":
        return "—"
    if field == "status" and value in STATUS_LABELS:
        return _(STATUS_LABELS[value])
    if field == "severity" and value.isdigit() and int(value) in SEVERITY_LABELS:
        return _(SEVERITY_LABELS[int(value)])
    return value


@dataclass(frozen=True)
class Defect:
    number: int
    """numbered within the engagement: 1, 2, ..."""
    title: str
    severity: int
    requirement: str | None
    script: str | None
    status: str
    owner: str | None
    created_at: datetime
    author: str

    @property
    def id(self) -> str:
        return defect_id(self.number)

    @property
    def resolved(self) -> bool:
        return self.status in RESOLVED

    @property
    def blocking(self) -> bool:
        return not self.resolved and self.severity in BLOCKING_SEVERITIES


class DefectRefused(ValueError):
    """A change the defect log refuses; the message says why and what is possible."""


def defect_id(number: int) -> str:
    return f"{PREFIX}{number}"


def history_key(number: int) -> str:
    """The key a defect's events carry in the store's history (beside tasks, `phase:...` and `plan`)."""
    return f"defect:{number}"


def parse_defect_id(text: str) -> int:
    """`D-7`, `d7` or `7` (in any digits) -> 7; DefectRefused for anything else."""
    from workbench.domain.numbers import parse_number

    raw = str(text).strip()
    body = raw[len(PREFIX) :] if raw.upper().startswith(PREFIX) else raw.lstrip("Dd")
    try:
        value = parse_number(body)
    except ValueError:
        value = -1
    if value != int(value) or value < 1:
        raise DefectRefused(
            _("{value!r} is not a defect id; expected {example}").format(value=raw, example="D-1")
        )
    return int(value)


def check_severity(value: object) -> int:
    """1..4 (a Persian or Arabic digit reads too); DefectRefused otherwise."""
    from workbench.domain.numbers import parse_number

    try:
        number = parse_number(str(value))
    except ValueError:
        number = 0
    if number not in SEVERITIES:
        raise DefectRefused(
            _("severity {value!r}; expected 1 (critical), 2 (major), 3 (minor) or 4 (cosmetic)").format(
                value=str(value)
            )
        )
    return int(number)


def check_title(title: str) -> str:
    text = " ".join(str(title).split())
    if not text:
        raise DefectRefused(_("a defect needs a title"))
    return text


def check_move(number: int, old: str, new: str) -> None:
    """Refuse a status change off the defect path, naming the moves that are possible."""
    if new not in DEFECT_STATUSES:
        raise DefectRefused(
            _("unknown defect status {status!r}; expected one of: {expected}").format(
                status=new, expected=", ".join(DEFECT_STATUSES)
            )
        )
    if new == old:
        raise DefectRefused(
            _("{defect} is {status} already").format(defect=defect_id(number), status=_(STATUS_LABELS[old]))
        )
    if new not in MOVES[old]:
        raise DefectRefused(
            _("{defect} cannot go from {old} to {new}; from {old} it can go to: {moves}").format(
                defect=defect_id(number),
                old=_(STATUS_LABELS[old]),
                new=_(STATUS_LABELS[new]),
                moves=", ".join(_(STATUS_LABELS[s]) for s in MOVES[old]),
            )
        )
