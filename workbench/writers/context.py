"""What every writer receives: the resolved playbook and the facts that identify the export's inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.domain.playbook import Playbook


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
