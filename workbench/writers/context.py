"""What every writer receives: the resolved playbook and the facts that identify the export's inputs."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from workbench.domain.defects import Defect
from workbench.domain.playbook import Playbook
from workbench.domain.uat import UatResult
from workbench.domain.work_calendar import WorkCalendar
from workbench.i18n import use_language


@dataclass
class ExportContext:
    playbook: Playbook
    """resolved against the answers"""
    full: Playbook
    """before the answers, for 'what dropped out'"""
    answers: dict[str, Any] = field(default_factory=dict)
    client: str = "Client"
    start: date = field(default_factory=date.today)
    lang: str = "en"
    playbook_digest: str = ""
    answers_digest: str = ""
    engagement: str = ""
    """the engagement's identity when exported from an engagement folder: tells two clients apart"""
    calendar: WorkCalendar | None = None
    """the client's working calendar; None counts Saturday and Sunday as the weekend, nothing else off"""
    contact: str = ""
    """who vendors write to (the RFP document); the settings' author when set, else a placeholder asks"""
    uat_results: dict[str, UatResult] = field(default_factory=dict)
    """script id -> latest recorded UAT result, read from the engagement's store by the caller (writers
    never open a store); empty for a playbook, so its UAT workbook is the blank one testers fill in"""
    defects: list[Defect] = field(default_factory=list)
    """the engagement's defect log, read with the results; empty for a playbook"""


W = TypeVar("W", bound=Callable[..., list[Path]])


def _source_date_epoch() -> datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else None


def issued_at() -> datetime:
    """When an export is made (the manifest's `created`): now, or the instant `$SOURCE_DATE_EPOCH` names --
    the reproducible-builds convention, so the same inputs give byte-identical text files (tests/golden)."""
    return _source_date_epoch() or datetime.now(UTC)


def issued_on() -> date:
    """The issue date printed on deliverables (RFP, job descriptions): today, or `$SOURCE_DATE_EPOCH`'s
    day."""
    fixed = _source_date_epoch()
    return fixed.date() if fixed else date.today()


def in_client_language(write: W) -> W:
    """Run a writer `write(ctx, folder)` inside `use_language(ctx.lang)`: every fixed label it marks with
    `_()` comes out in the client's language, whatever the interface language is and whoever calls it."""

    @functools.wraps(write)
    def wrapper(ctx: ExportContext, *args: Any, **kwargs: Any) -> list[Path]:
        with use_language(ctx.lang):
            return write(ctx, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
