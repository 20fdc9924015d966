"""Recertify, the use case: the access review plan of a design — who reviews which roles' rights, when
the round opens and is due on the client's calendar — and one xlsx checklist per reviewer, which
`crmwb audit --decisions` reads back. `crmwb recertify` parses its arguments and prints the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.app.design import Design


class NotAFolder(Exception):
    """The output path is a file: nothing was written."""


@dataclass
class Recertification:
    plan: Any
    """the review plan (`workbench.domain.recertify.ReviewPlan`)"""
    names: dict[str, str]
    """role id -> its name in the chosen language"""
    opened: date
    due: date
    calendar: Any
    """the client's working calendar the dates are counted on"""
    paths: list[Path]
    """the checklists written"""


def recertify(design: Design, out: Path, lang: str, opened: date | None = None) -> Recertification:
    """Plan the round opening on `opened` (default today) and write the checklists into `out` (made if
    missing). Raises NotAFolder when `out` is a file and OSError when it cannot be written."""
    from workbench.domain.client_calendar import engagement_calendar
    from workbench.domain.recertify import review_plan
    from workbench.domain.text import tr
    from workbench.i18n import use_language
    from workbench.writers.recertify_xlsx import ChecklistMeta, write

    pb = design.playbook
    with use_language(lang):  # the checklists and their notes are the reviewer's documents
        plan = review_plan(pb, lang)
    opened = opened or date.today()
    calendar = engagement_calendar(design.answers, opened, design.calendar, lang)
    due = calendar.add(opened, plan.window_days)
    names = {role.id: tr(role.name, lang) for role in pb.roles}
    meta = ChecklistMeta(design.label, f"{pb.id} {pb.version}", design.digest, opened, due)
    if out.exists() and not out.is_dir():
        raise NotAFolder(str(out))
    out.mkdir(parents=True, exist_ok=True)
    with use_language(lang):
        paths = write(plan, names, meta, out)
    return Recertification(plan, names, opened, due, calendar, paths)
