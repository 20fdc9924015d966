"""Export, the use case: the deliverables (RFP, roles, processes, KPIs, plan, job descriptions) and the
CRM permission files, alone or together, written into one folder as ONE staged transaction
(`workbench.writers.transaction`): every file is staged inside the folder, checked, and switched in only
when every writer succeeded, so after a failure or a kill the folder holds the previous output or the new
one, never a mix. `crmwb export`, `crmwb crm-export`, `crmwb jobdesc` and the TUI's export screen call
these functions; the design they write from is read once by the caller (`workbench.app.design`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.crm_adapters.common.staging import MANIFEST as CRM_MANIFEST
from workbench.crm_adapters.common.staging import owned_crm, stage_crm
from workbench.writers import registry
from workbench.writers.export import Progress, previous_deliverables, stage_deliverables
from workbench.writers.manifest import MANIFEST
from workbench.writers.transaction import Changes, Rules, Transaction

if TYPE_CHECKING:
    from workbench.app.design import Design
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.playbook import Playbook
    from workbench.writers.context import ExportContext


@dataclass
class CrmRequest:
    """The CRM part of an export: the resolved design and the targets' adapters."""

    playbook: Playbook
    label: str
    adapters: list


@dataclass
class JobdescRequest:
    """Job descriptions: roles x languages x formats, dated `on`."""

    playbook: Playbook
    roles: list[str]
    langs: list[str]
    formats: list[str]
    on: date
    country: str | None = None


@dataclass
class ExportResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    """the deliverables written (from their manifest)"""
    manifest: Path | None = None
    """manifest.json, when deliverables were written"""
    changes: Changes = field(default_factory=Changes)
    crm_written: dict[str, list[str]] = field(default_factory=dict)
    """CRM target -> files written, relative to the folder"""
    crm_limits: dict[str, list] = field(default_factory=dict)
    """CRM target -> designed rights it cannot express"""
    jobdescs: list[str] = field(default_factory=list)
    """job description files written, relative to the folder"""


def export_context(
    design: Design,
    lang: str,
    client: str | None = None,
    start: date | None = None,
) -> ExportContext:
    """What every deliverable writer receives, from a design read once (a playbook or an engagement)."""
    from workbench.app.uat import recorded
    from workbench.domain.client_calendar import engagement_calendar
    from workbench.writers.context import ExportContext
    from workbench.writers.manifest import UNNAMED, answers_digest

    answers = design.answers
    start = start or design.start or date.today()
    results, defects = recorded(design.folder) if design.folder is not None else ({}, [])
    return ExportContext(
        design.playbook,
        design.full or design.playbook,
        answers,
        client or design.client or UNNAMED,
        start,
        lang,
        design.digest,
        answers_digest(answers),
        design.engagement,
        engagement_calendar(answers, start, design.calendar, lang),
        rfp_contact(),
        results,
        defects,
    )


def opened_context(opened: OpenEngagement, lang: str) -> ExportContext:
    """The same context from an engagement the TUI holds open (its playbook already loaded)."""
    from workbench.store.engagement import work_calendar
    from workbench.writers.context import ExportContext
    from workbench.writers.manifest import answers_digest

    answers = dict(opened.engagement.answers)
    return ExportContext(
        opened.resolved,
        opened.playbook,
        answers,
        opened.engagement.client,
        opened.engagement.start,
        lang,
        opened.loaded.digest,
        answers_digest(answers),
        calendar=work_calendar(opened.engagement, lang),
        contact=rfp_contact(),
        uat_results=opened.store.uat_results(),
        defects=opened.store.defects(),
    )


def rfp_contact() -> str:
    """The person vendors write to: the author set in the settings (or $CRMWB_AUTHOR); '' when none is set
    or the settings cannot be read -- the RFP document then leaves a placeholder for the sender to fill."""
    from workbench.settings import SettingsError, load_settings

    try:
        return (load_settings().author or "").strip()
    except (SettingsError, OSError):
        return ""


def export(
    ctx: ExportContext | None,
    folder: Path,
    only: list[str] | None = None,
    formats: list[str] | None = None,
    progress: Progress | None = None,
    force: bool = False,
    crm: CrmRequest | None = None,
    jobdescs: JobdescRequest | None = None,
) -> ExportResult:
    """Write the chosen deliverables (when `ctx` is given), CRM files (`crm`) and job descriptions
    (`jobdescs`) into `folder`, all or nothing. Raises FolderRefused (nothing changed) when the folder
    holds another client's export or files that are not ours (unless `force`), OSError when the disk
    fails (nothing changed either), and whatever a writer raises (nothing changed)."""
    folder = Path(folder)
    pairs = registry.select(only, formats) if ctx is not None else []
    result = ExportResult(folder)
    owned: set[str] = set()
    remove: set[str] = set()
    last: list[str] = []
    with Transaction(folder) as txn:
        if ctx is not None:  # first: every file staged while its writers run is credited to them
            previous = previous_deliverables(ctx, folder, force)
            manifest = stage_deliverables(ctx, txn, pairs, progress)
            owned |= previous | owned_crm(folder)  # a CRM export beside the deliverables is ours too
            remove |= previous
            last.append(MANIFEST)
            result.files = [folder / entry["path"] for entry in manifest["files"]]
            result.manifest = folder / MANIFEST
        if crm is not None:
            staged = stage_crm(crm.playbook, crm.label, crm.adapters, txn, folder)
            owned |= staged.owned
            remove |= staged.stale
            last.insert(0, CRM_MANIFEST)
            result.crm_written, result.crm_limits = staged.written, staged.limits
        if jobdescs is not None:
            result.jobdescs = _stage_jobdescs(jobdescs, txn)
            owned |= set(result.jobdescs)
        # Only a deliverables export claims the whole folder; CRM files and job descriptions go beside
        # whatever else is there and refuse only what they would overwrite.
        rules = Rules(owned=owned, remove=remove, refuse_foreign=ctx is not None, force=force)
        result.changes = txn.commit(rules, last=last)
    if progress and ctx is not None:
        progress(len(pairs), len(pairs), "done")
    return result


def export_crm(
    pb: Playbook,
    label: str,
    adapters: list,
    out: Path,
    force: bool = False,
) -> tuple[dict[str, list[str]], dict[str, list], Changes]:
    """The CRM files alone (`crmwb crm-export`): target -> files, target -> limitations, and the changes."""
    result = export(None, out, force=force, crm=CrmRequest(pb, label, adapters))
    return result.crm_written, result.crm_limits, result.changes


def export_jobdescs(request: JobdescRequest, out: Path, force: bool = False) -> tuple[list[str], Changes]:
    """Job descriptions alone (`crmwb jobdesc`): the files written (relative) and the changes."""
    result = export(None, out, force=force, jobdescs=request)
    return result.jobdescs, result.changes


def _stage_jobdescs(request: JobdescRequest, txn: Transaction) -> list[str]:
    from workbench.writers.jobdesc import write_many

    before = set(txn.staged())
    write_many(
        request.playbook,
        request.roles,
        request.langs,
        request.formats,
        txn.staging,
        request.on,
        request.country,
    )
    return [rel for rel in txn.staged() if rel not in before]


def crm_adapters(to: str) -> list[Any]:
    """The adapters for `--to`: a name, a comma list or `all`; raises UnknownTarget."""
    from workbench.crm_adapters.registry import adapter, expand

    return [adapter(name) for name in expand(to)]
