"""The go-live readiness criteria acceptance testing decides: no open severity-1 or severity-2 defect, and
every Must requirement accepted (its UAT script's latest result is a pass).

The phase holding the go-live task does not close while one fails (`crmwb phase close`, with an override
that needs a reason), and the interfaces show both with what stands in the way. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.defects import Defect
from workbench.domain.locale import localize_digits
from workbench.domain.playbook import Playbook
from workbench.domain.uat import UatResult, UatScript
from workbench.i18n import current_language, ngettext

GO_LIVE_TAG = "go_live"
CRITERIA = ("uat-defects", "uat-musts")
"""criterion ids; a phase closed over a failed one records them as what was open"""


@dataclass(frozen=True)
class Criterion:
    id: str
    passed: bool
    message: str
    """one sentence, in the current language, saying what holds or what stands in the way"""
    items: tuple[str, ...] = ()
    """what stands in the way: defect ids or Must requirement ids"""


def go_live_phase(pb: Playbook) -> str | None:
    """The phase of the task tagged go_live: the one the readiness criteria guard (None without one)."""
    return next((phase.id for phase, task in pb.tasks() if GO_LIVE_TAG in task.tags), None)


def readiness(
    scripts: list[UatScript], results: dict[str, UatResult], defects: list[Defect]
) -> list[Criterion]:
    """Both criteria, in the order the go-live readiness review signs them."""
    return [_defects(defects), _musts(scripts, results)]


def _defects(defects: list[Defect]) -> Criterion:
    blocking = tuple(d.id for d in defects if d.blocking)
    if not blocking:
        return Criterion(
            "uat-defects",
            True,
            ngettext(
                "No open severity-1 or severity-2 defect ({n} defect logged).",
                "No open severity-1 or severity-2 defect ({n} defects logged).",
                len(defects),
            ).format(n=_n(len(defects))),
        )
    return Criterion(
        "uat-defects",
        False,
        ngettext(
            "{n} severity-1 or severity-2 defect is not closed or rejected: {ids}",
            "{n} severity-1 or severity-2 defects are not closed or rejected: {ids}",
            len(blocking),
        ).format(n=_n(len(blocking)), ids=", ".join(blocking)),
        blocking,
    )


def _musts(scripts: list[UatScript], results: dict[str, UatResult]) -> Criterion:
    musts = [s for s in scripts if s.priority == "must"]
    open_ = tuple(s.requirement for s in musts if (got := results.get(s.id)) is None or got.result != "pass")
    if not open_:
        return Criterion(
            "uat-musts",
            True,
            ngettext(
                "Every Must requirement accepted ({n} script passed).",
                "Every Must requirement accepted ({n} scripts passed).",
                len(musts),
            ).format(n=_n(len(musts))),
        )
    return Criterion(
        "uat-musts",
        False,
        ngettext(
            "{n} of {total} Must requirement is not accepted (its script has not passed): {ids}",
            "{n} of {total} Must requirements are not accepted (their scripts have not passed): {ids}",
            len(open_),
        ).format(n=_n(len(open_)), total=_n(len(musts)), ids=_listed(open_)),
        open_,
    )


def _n(count: int) -> str:
    return localize_digits(str(count), current_language())


def _listed(ids: tuple[str, ...], shown: int = 8) -> str:
    """The first few ids and how many more: 70 Musts on one line help nobody."""
    head = ", ".join(ids[:shown])
    return head if len(ids) <= shown else f"{head}, … (+{_n(len(ids) - shown)})"
