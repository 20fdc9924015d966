"""The acceptance-testing use cases, written once for the CLI and the TUI: the scripts of an engagement,
the workbook, recording a result, logging and changing a defect, and the go-live readiness criteria.

Scripts come from the engagement's resolved playbook (its answers and RFP overrides applied), so a
requirement the intake dropped has no script and a result or defect may only name what survived.
Refusals are UatRefused with a message that says what is wrong and what is possible."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.app.engagement import OpenEngagement
from workbench.domain.defects import Defect
from workbench.domain.uat import UatResult, UatScript, scripts_for
from workbench.domain.uat_readiness import Criterion, go_live_phase, readiness
from workbench.domain.uat_summary import UatSummary, shows_uat, summarise
from workbench.i18n import _, current_language


class UatRefused(ValueError):
    """A request naming a script or requirement the engagement does not have, or a bad value."""


@dataclass
class UatState:
    """Everything acceptance testing shows: the scripts, their latest results, the defect log, and the two
    readiness criteria they decide."""

    scripts: list[UatScript]
    results: dict[str, UatResult]
    defects: list[Defect]
    criteria: list[Criterion]

    @property
    def ready(self) -> bool:
        return all(c.passed for c in self.criteria)


def scripts(oe: OpenEngagement, lang: str | None = None) -> list[UatScript]:
    return scripts_for(oe.resolved, lang or current_language())


def state(oe: OpenEngagement, lang: str | None = None) -> UatState:
    made = scripts(oe, lang)
    results, defects = oe.store.uat_results(), oe.store.defects()
    return UatState(made, results, defects, readiness(made, results, defects))


def recorded(folder: Path) -> tuple[dict[str, UatResult], list[Defect]]:
    """The recorded results and the defect log of the engagement in `folder`, read once for an export.
    An engagement whose state.db does not exist yet has recorded nothing: no store is created for it."""
    from workbench.store.choose import engagement_store, team_address
    from workbench.store.engagement import read

    engagement = read(folder)
    if team_address(engagement) is None and not engagement.store_path.is_file():
        return {}, []
    store = engagement_store(engagement)
    try:
        return store.uat_results(), store.defects()
    finally:
        store.close()


def summary(oe: OpenEngagement, today: date) -> UatSummary | None:
    """UAT readiness for the status and the weekly report, or None while there is no UAT activity and the
    go-live phase is not near (domain.uat_summary). The scripts are made only when it shows: for the 75x
    engagement they were half a second of every `crmwb status`."""
    results, defects = oe.store.uat_results(), oe.store.defects()
    if not shows_uat(oe.resolved, oe.plan, set(oe.store.closed_phases()), today, bool(results or defects)):
        return None
    got = state(oe)
    return summarise(got.scripts, got.results, got.defects, got.criteria)


def readiness_gaps(oe: OpenEngagement, phase_id: str) -> list[Criterion]:
    """The failed readiness criteria guarding `phase_id` (empty unless it holds the go-live task)."""
    if go_live_phase(oe.resolved) != phase_id:
        return []
    return [c for c in state(oe).criteria if not c.passed]


def write_workbook(oe: OpenEngagement, out: Path) -> Path:
    """The UAT workbook at `out`, written atomically, in the current language."""
    from workbench.writers.atomic import atomic_path
    from workbench.writers.uat_xlsx import UatBook, write

    got = state(oe)
    with atomic_path(out) as tmp:
        write(UatBook(oe.engagement.client, got.scripts, got.results, got.defects), tmp)
    return Path(out)


def find_script(oe: OpenEngagement, script_id: str) -> UatScript:
    wanted = script_id.strip().upper()
    made = scripts(oe)
    for script in made:
        if wanted in (script.id.upper(), script.requirement.upper()):
            return script
    raise UatRefused(
        _(
            "no UAT script {script!r} in this engagement; scripts are {example}... (one per Must "
            "and Should requirement: `crmwb uat DIR list`)"
        ).format(script=script_id, example=", ".join(s.id for s in made[:3]))
    )


def check_requirement(oe: OpenEngagement, requirement: str) -> str:
    wanted = requirement.strip().upper()
    for req in oe.resolved.requirements:
        if req.id.upper() == wanted:
            return req.id
    raise UatRefused(
        _(
            "no requirement {requirement!r} survives this engagement's intake; expected an id of "
            "its RFP, e.g. {example}"
        ).format(requirement=requirement, example=", ".join(r.id for r in oe.resolved.requirements[:3]))
    )


def record(
    oe: OpenEngagement, script_id: str, result: str, defects: list[int], author: str, note: str | None = None
) -> UatScript:
    """A script's result; a failure should name its defects, a pass may still list minor ones."""
    script = find_script(oe, script_id)
    oe.store.record_result(script.id, result, defects, author, note)
    return script


def log_defect(
    oe: OpenEngagement,
    title: str,
    severity: int | str,
    author: str,
    *,
    requirement: str | None = None,
    script: str | None = None,
    owner: str | None = None,
) -> int:
    """A new open defect; a script given without a requirement links the script's requirement."""
    found = find_script(oe, script) if script else None
    req = check_requirement(oe, requirement) if requirement else (found.requirement if found else None)
    return oe.store.log_defect(title, severity, req, found.id if found else None, owner, author)  # type: ignore[arg-type]


def change_defect(
    oe: OpenEngagement, number: int, field: str, value: str | None, author: str, note: str | None = None
) -> None:
    if field == "requirement" and value:
        value = check_requirement(oe, value)
    elif field == "script" and value:
        value = find_script(oe, value).id
    oe.store.change_defect(number, field, value, author, note)


def defect(oe: OpenEngagement, number: int) -> Defect:
    from workbench.domain.defects import defect_id

    found = next((d for d in oe.store.defects() if d.number == number), None)
    if found is None:
        raise UatRefused(_("no defect {defect} in this engagement's log").format(defect=defect_id(number)))
    return found
