"""Cadences said once: how often user access is recertified is `governance.recertification_months`, and
the plan's texts say it through the `{recertification_every}` placeholder instead of in their own words.

Core used to name its task "Recertify user access every quarter" while its governance (and so `crmwb
recertify`) said every 6 months. Now the task, its deliverable and the phase exit criteria read the one
number, in each language. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.domain.locale import format_number
from workbench.i18n import _, ngettext, use_language
from workbench.languages import LANGUAGES

if TYPE_CHECKING:
    from workbench.domain.playbook import Playbook
    from workbench.domain.text import LocalText

PLACEHOLDER = "{recertification_every}"


def every_months(months: int, lang: str = "en") -> str:
    """'every 3 months' / 'هر ۳ ماه' / 'раз в 3 месяца' (and 'every month' for 1), from the catalogue with
    the plural form for `months` (Russian 'раз в 21 месяц', 'раз в 3 месяца', 'раз в 6 месяцев')."""
    lang = lang if lang in LANGUAGES else "en"
    with use_language(lang):
        if months == 1:
            return _("every month")
        text = ngettext("every {months} month", "every {months} months", months)
    return text.format(months=format_number(months, lang))


def fill_cadences(pb: Playbook) -> None:
    """Replace the placeholder in the plan's texts (tasks and exit criteria) with the playbook's cadence."""
    months = pb.governance.recertification_months
    for phase in pb.phases:
        texts: list[LocalText | None] = [c.text for c in phase.exit_criteria]
        for task in phase.tasks:
            texts += [task.name, task.description, task.deliverable, *task.checklist]
        _fill(texts, months)


def _fill(texts: Iterable[LocalText | None], months: int) -> None:
    for text in texts:
        if text is None:
            continue
        for lang, value in list(text.items()):
            if PLACEHOLDER in value:
                text[lang] = value.replace(PLACEHOLDER, every_months(months, lang))
