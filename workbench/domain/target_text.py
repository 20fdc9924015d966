"""The target-date check in words: how far go-live misses the client's deadline and the two levers.

`crmwb new`, `crmwb status`, the weekly report and the TUI all show the engagement's warnings, so the
check becomes one warning said the same everywhere, in the current language (a deliverable's writer sets
the client's), with dates in that language's calendar and digits.
"""

from __future__ import annotations

from workbench.domain.locale import format_date, format_number
from workbench.domain.playbook import Playbook
from workbench.domain.target_date import TargetCheck
from workbench.domain.text import tr
from workbench.i18n import _, current_language, ngettext


def target_warning(check: TargetCheck, pb: Playbook) -> str:
    """One sentence for a missed target; '' when the plan meets it."""
    if not check.missed:
        return ""
    lang = current_language()
    days = ngettext("{days} day", "{days} days", check.slip_days).format(
        days=format_number(check.slip_days, lang)
    )
    text = _("the plan misses the target go-live date {target} by {days}: go-live is {go_live}").format(
        target=format_date(check.target, lang), days=days, go_live=format_date(check.go_live, lang)
    )
    sep = "؛ " if lang == "fa" else "; "  # the Persian semicolon in Persian text
    names = {t.id: tr(t.name, lang) for _phase, t in pb.tasks()}
    if check.compress:
        tasks = sep.join(f"{t.id} ({names.get(t.id, t.id)})" for t in check.compress)
        text += sep + _("to bring it back, compress these critical tasks: {tasks}").format(tasks=tasks)
    if check.defer_modules:
        modules = {m.id: tr(m.name, lang) for m in pb.modules}
        listed = sep.join(f"{m} ({modules.get(m, m)})" for m in check.defer_modules)
        text += sep + _(
            "or defer these modules (only Should or Could requirements) to a later release: {modules}"
        ).format(modules=listed)
    return text


def target_json(check: TargetCheck | None) -> dict | None:
    """Stable keys for scripts: dates ISO, the slip in calendar and working days, the levers by id."""
    if check is None:
        return None
    return {
        "target": check.target.isoformat(),
        "go_live": check.go_live.isoformat(),
        "missed": check.missed,
        "slip_days": max(check.slip_days, 0),
        "slip_working_days": check.slip_working_days,
        "compress": [t.id for t in check.compress],
        "defer_modules": list(check.defer_modules),
    }
