"""What the status and the weekly report say about acceptance testing: the Must scripts passed, failed and
not run, the open defects by severity, and whether the go-live criteria hold (domain.uat_readiness).

It is shown once the engagement has UAT activity (a result or a defect), or the go-live phase is open and
either is the first open phase or starts within NEAR_DAYS by the plan: earlier, "nothing tested" is no
news. The sentences are built here, in
the current language, so `crmwb status` and both report formats say exactly the same. Pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from workbench.domain.defects import SEVERITIES, Defect
from workbench.domain.locale import localize_digits
from workbench.domain.plan import Plan
from workbench.domain.playbook import Playbook
from workbench.domain.uat import UatResult, UatScript
from workbench.domain.uat_readiness import Criterion, go_live_phase
from workbench.i18n import _, current_language, ngettext

NEAR_DAYS = 28
"""how long before the go-live phase's planned start the summary shows without any UAT activity"""


@dataclass(frozen=True)
class UatSummary:
    musts: int
    passed: int
    failed: int
    not_run: int
    open_defects: dict[int, int]
    """severity -> defects not closed or rejected, every severity present"""
    criteria: tuple[Criterion, ...]

    @property
    def ready(self) -> bool:
        return all(c.passed for c in self.criteria)


def summarise(
    scripts: list[UatScript], results: dict[str, UatResult], defects: list[Defect], criteria: list[Criterion]
) -> UatSummary:
    musts = [s for s in scripts if s.priority == "must"]
    outcomes = [results[s.id].result if s.id in results else None for s in musts]
    unresolved = [d.severity for d in defects if not d.resolved]
    return UatSummary(
        len(musts),
        outcomes.count("pass"),
        outcomes.count("fail"),
        outcomes.count(None),
        {s: unresolved.count(s) for s in SEVERITIES},
        tuple(criteria),
    )


def shows_uat(pb: Playbook, plan: Plan, closed_phases: set[str], today: date, active: bool) -> bool:
    """Whether the summary belongs in the status: UAT activity, or the go-live phase is in reach."""
    go_live = go_live_phase(pb)
    if active or go_live is None or go_live in closed_phases:
        return active
    first_open = next((p.id for p in pb.phases if p.id not in closed_phases), None)
    starts = [t.start for t in plan.tasks if t.phase == go_live]
    return first_open == go_live or (bool(starts) and (min(starts) - today).days <= NEAR_DAYS)


def summary_lines(s: UatSummary) -> list[str]:
    """The summary as sentences in the current language: scripts, defects, each criterion, the verdict."""
    lines = [
        ngettext(
            "Must scripts: {passed} passed, {failed} failed, {not_run} not run, of {n}.",
            "Must scripts: {passed} passed, {failed} failed, {not_run} not run, of {n}.",
            s.musts,
        ).format(passed=_n(s.passed), failed=_n(s.failed), not_run=_n(s.not_run), n=_n(s.musts)),
        _defect_line(s.open_defects),
    ]
    lines += [("✓ " if c.passed else "✗ ") + c.message for c in s.criteria]
    lines.append(_("Go-live criteria: met.") if s.ready else _("Go-live criteria: not met."))
    return lines


SEVERITY_COUNTS: dict[int, Callable[[int], str]] = {
    1: lambda n: ngettext("{n} critical", "{n} critical", n),
    2: lambda n: ngettext("{n} major", "{n} major", n),
    3: lambda n: ngettext("{n} minor", "{n} minor", n),
    4: lambda n: ngettext("{n} cosmetic", "{n} cosmetic", n),
}
"""severity -> its count in the language's plural form ('2 серьёзных', '5 критических'); the severity
labels ('2 major') name a level, not a count, so they are not reused here"""


def _defect_line(open_defects: dict[int, int]) -> str:
    counts = [SEVERITY_COUNTS[sev](n).format(n=_n(n)) for sev, n in open_defects.items() if n]
    if not counts:
        return _("Open defects: none.")
    return _("Open defects by severity: {counts}.").format(counts=", ".join(counts))


def _n(count: int) -> str:
    return localize_digits(str(count), current_language())
