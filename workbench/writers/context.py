"""What every writer receives: the resolved playbook and the facts that identify the export's inputs."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from workbench.domain.playbook import Playbook
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


W = TypeVar("W", bound=Callable[..., list[Path]])


def in_client_language(write: W) -> W:
    """Run a writer `write(ctx, folder)` inside `use_language(ctx.lang)`: every fixed label it marks with
    `_()` comes out in the client's language, whatever the interface language is and whoever calls it."""

    @functools.wraps(write)
    def wrapper(ctx: ExportContext, *args: Any, **kwargs: Any) -> list[Path]:
        with use_language(ctx.lang):
            return write(ctx, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
