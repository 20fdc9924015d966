"""A data audit's result: completeness per field, the invalid values, the duplicate pairs and clusters,
and the two figures the playbook's KPIs track (duplicate rate, key-field completeness)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from workbench.domain.data_quality.matching import Cluster, Pair, clusters, find_pairs
from workbench.domain.data_quality.records import FieldStats, Inspection, InvalidValue, Record
from workbench.domain.text import LocalText

DUPLICATE_KPI = "duplicate_rate"
COMPLETENESS_KPI = "key_field_completeness"
"""the playbook KPI ids these figures are recorded as"""


@dataclass
class DataAudit:
    source: str
    obj: str
    region: str
    columns: dict[str, int]
    headers: list[str]
    required: tuple[str, ...]
    records: list[Record]
    stats: dict[str, FieldStats]
    invalid: list[InvalidValue]
    complete_records: int
    pairs: list[Pair] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    unchecked: dict[str, LocalText] = field(default_factory=dict)
    """playbook field id -> its name: fields the engagement's playbook requires that the audit cannot
    check in a legacy file (no audit field holds them)"""

    @property
    def total(self) -> int:
        return len(self.records)

    @property
    def duplicate_records(self) -> int:
        """records that would be merged away: every cluster member but its survivor"""
        return sum(len(c.members) - 1 for c in self.clusters)

    @property
    def duplicate_rate(self) -> float:
        return round(100 * self.duplicate_records / self.total, 2) if self.total else 0.0

    @property
    def completeness(self) -> float:
        return round(100 * self.complete_records / self.total, 2) if self.total else 0.0

    def field_completeness(self, name: str) -> float:
        stats = self.stats.get(name)
        return round(100 * stats.valid / self.total, 2) if stats and self.total else 0.0

    def row_pairs(self) -> set[tuple[int, int]]:
        """every pair of file rows that the clusters put together"""
        rows: set[tuple[int, int]] = set()
        for cluster in self.clusters:
            members = sorted(self.records[i].row for i in cluster.members)
            rows.update((a, b) for x, a in enumerate(members) for b in members[x + 1 :])
        return rows

    def strongest_pairs(self) -> list[Pair]:
        """Per cluster (in cluster order), its best-scored pair: the score and reason a cluster is shown
        with."""
        cluster_of = {member: n for n, c in enumerate(self.clusters) for member in c.members}
        best: dict[int, Pair] = {}
        for pair in self.pairs:
            n = cluster_of[pair.first]
            if n not in best or pair.score > best[n].score:
                best[n] = pair
        return [best[n] for n in range(len(self.clusters))]

    def to_dict(self) -> dict:
        rec = self.records
        return {
            "source": self.source,
            "object": self.obj,
            "region": self.region,
            "records": self.total,
            "columns": {f: self.headers[i] for f, i in self.columns.items()},
            "required": list(self.required),
            "unchecked_required": list(self.unchecked),
            "completeness": self.completeness,
            "complete_records": self.complete_records,
            "fields": {
                f: {
                    "present": s.present,
                    "valid": s.valid,
                    "invalid": s.invalid,
                    "completeness": self.field_completeness(f),
                }
                for f, s in self.stats.items()
            },
            "invalid": [
                {"row": v.row, "field": v.field, "value": v.value, "kind": v.kind} for v in self.invalid
            ],
            "duplicate_rate": self.duplicate_rate,
            "duplicate_records": self.duplicate_records,
            "pairs": [
                {
                    "rows": [rec[p.first].row, rec[p.second].row],
                    "score": p.score,
                    "name": p.name,
                    "evidence": list(p.evidence),
                }
                for p in self.pairs
            ],
            "clusters": [
                {"rows": [rec[i].row for i in c.members], "survivor": rec[c.survivor].row}
                for c in self.clusters
            ],
        }


def audit(
    source: str,
    obj: str,
    region: str,
    headers: Sequence[str],
    columns: dict[str, int],
    required: Sequence[str],
    inspection: Inspection,
) -> DataAudit:
    """Match the inspected records into pairs and clusters."""
    pairs = find_pairs(inspection.records)
    return DataAudit(
        source,
        obj,
        region,
        columns,
        list(headers),
        tuple(required),
        inspection.records,
        inspection.stats,
        inspection.invalid,
        inspection.complete_records,
        pairs,
        clusters(inspection.records, pairs),
    )
