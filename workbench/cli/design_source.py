"""The PLAYBOOK-OR-ENGAGEMENT [--answers FILE] arguments of the deliverable and governance commands; the
design they name is read by the application layer (`workbench.app.design.load_design`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.i18n import _


def add_design_arguments(parser: Any) -> None:
    """PLAYBOOK-OR-ENGAGEMENT [--answers FILE], shared by the deliverable commands (export, check)."""
    parser.add_argument(
        "playbook",
        metavar="PLAYBOOK-OR-ENGAGEMENT",
        help=_(
            "a bundled playbook id, a playbook .yaml, or an engagement folder (its answers, "
            "overrides and start date are used)"
        ),
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help=_("intake answers (YAML), with a playbook; an engagement folder has its own"),
    )
