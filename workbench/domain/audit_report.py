"""One drift audit's findings as data every output shares (terminal table, JSON, SARIF, xlsx).

Locations: a reader may attach `locations` to its LiveMatrix — {(role, object, action): (file, line)},
where object and action may be None for a whole role (a Salesforce permission-set file) — so SARIF and the
table can point at the line that grants a right. Without it a drift points at the input path. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.domain.drift import Drift, Limitation, LiveMatrix
from workbench.domain.problems import Problem
from workbench.i18n import N_, _, ngettext

KINDS: dict[str, tuple[str, str]] = {
    "wider": ("error", N_("The live CRM grants a right with a wider scope than the design.")),
    "extra": ("error", N_("The live CRM grants a right the design does not grant at all.")),
    "unknown-role": ("error", N_("The live CRM has a role or permission set that is not in the design.")),
    "unknown-object": ("error", N_("A role has rights on a CRM object the design does not map.")),
    "narrower": ("warning", N_("The live CRM grants a right with a narrower scope than the design.")),
    "missing": ("warning", N_("A right of the design is missing in the live CRM.")),
    "missing-role": ("warning", N_("A role of the design does not exist in the live CRM.")),
}
"""drift kind -> (default severity, description); the SARIF rules and the xlsx legend come from here"""
SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}

Location = tuple[str, int | None]


@dataclass
class AuditReport:
    target: str
    design: str
    """what was designed: 'engagement Acme (core 1.0.0)'"""
    source: str
    """the live export given to --from"""
    drifts: list[Drift] = field(default_factory=list)
    limitations: list[Limitation] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """the reader's problems below error severity: read, but worth knowing"""
    locations: dict[tuple, Location] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        target: str,
        design: str,
        source: str,
        drifts: list[Drift],
        limitations: list[Limitation],
        live: LiveMatrix,
        warnings: list[Problem],
    ) -> AuditReport:
        """Drifts sorted errors first, then by role, object, action (stable output for diffs and tests)."""
        ordered = sorted(
            drifts,
            key=lambda d: (
                SEVERITY_ORDER.get(d.severity, 3),
                d.kind,
                d.role or "",
                d.object or "",
                d.action or "",
            ),
        )
        locations = dict(live.locations)
        return cls(target, design, source, ordered, list(limitations), list(warnings), locations)

    @property
    def clean(self) -> bool:
        return not self.drifts

    def counts(self) -> dict[str, int]:
        by = Counter(d.severity for d in self.drifts)
        return {"errors": by.get("error", 0), "warnings": by.get("warning", 0)}

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(d.kind for d in self.drifts).items()))

    def location(self, drift: Drift) -> Location:
        """The most precise place the reader gave: the cell, else the role's object, else the role."""
        for key in (
            (drift.role, drift.object, drift.action),
            (drift.role, drift.object, None),
            (drift.role, None, None),
        ):
            if key in self.locations:
                return self.locations[key]
        return (self.source, None)

    def to_dict(self) -> dict:
        """For `--format json`: stable keys, every drift with its location."""

        def drift(d: Drift) -> dict:
            file, line = self.location(d)
            return {
                "severity": d.severity,
                "kind": d.kind,
                "role": d.role,
                "object": d.object,
                "action": d.action,
                "design": d.design,
                "live": d.live,
                "message": d.message,
                "file": file,
                "line": line,
            }

        return {
            "target": self.target,
            "design": self.design,
            "source": self.source,
            "clean": self.clean,
            "summary": {**self.counts(), "by_kind": self.by_kind(), "limitations": len(self.limitations)},
            "drifts": [drift(d) for d in self.drifts],
            "limitations": [
                {
                    "role": x.role,
                    "object": x.object,
                    "action": x.action,
                    "wanted": x.wanted,
                    "expressed": x.expressed,
                    "message": x.message,
                }
                for x in self.limitations
            ],
            "warnings": [p.to_dict() for p in self.warnings],
        }


def drift_titles() -> tuple[str, ...]:
    """The drift table's columns in the interface language (the terminal table and the Markdown)."""
    return (_("severity"), _("kind"), _("role"), _("object"), _("action"), _("design"), _("live"))


def drift_row(drift: Drift, word: Callable[[object], object]) -> tuple[object, ...]:
    """One drift's cells for that table, its codes in words by `word`."""
    return (
        word(drift.severity),
        word(drift.kind),
        drift.role,
        drift.object,
        drift.action,
        word(drift.design),
        word(drift.live),
    )


def clean_sentence(target: str, compared: int, number: str) -> str:
    """What a clean audit says; `number` is `compared` written as the output writes numbers."""
    return ngettext(
        "clean: the {target} export grants exactly what the design can express there ({n} right compared)",
        "clean: the {target} export grants exactly what the design can express there ({n} rights compared)",
        compared,
    ).format(target=target, n=number)
