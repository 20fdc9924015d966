"""Plain-text rendering of a playbook summary for the terminal, in the interface language: its words from
the catalogue, the playbook's names in that language, numbers written the language's way."""

from __future__ import annotations

from typing import TextIO

from workbench.cli.local import lang, num
from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES
from workbench.domain.rfp_pack import priority_label
from workbench.domain.summary import Summary
from workbench.domain.text import tr
from workbench.i18n import N_, _, ngettext

SECTIONS = {
    "tasks": N_("tasks"),
    "requirements": N_("requirements"),
    "processes": N_("processes"),
    "kpis": N_("KPIs"),
    "questions": N_("questions"),
}
"""the summary's sections of what the answers dropped, as people read them"""
KPI_KINDS = {"adoption": N_("adoption"), "business": N_("business")}


def print_summary(summary: Summary, pb: Playbook, out: TextIO) -> None:
    language = lang()
    names: dict[str, str] = {p.id: tr(p.name, language) for p in pb.phases}
    print(_("Tasks per phase:"), file=out)
    for phase, count in summary.tasks_per_phase.items():
        days = summary.days_per_phase[phase]
        tasks = ngettext("{n} task", "{n} tasks", count).format(n=num(count))
        effort = ngettext("{n} working day of effort", "{n} working days of effort", days).format(n=num(days))
        print(f"  {names[phase]:<28} {tasks:>9}  {effort}", file=out)
    modules = {m.id: tr(m.name, language) for m in pb.modules}
    labels = [priority_label(p) for p in PRIORITIES]
    width = max(6, *(len(label) for label in labels))
    print("\n" + _("RFP requirements by module:"), file=out)
    header = " ".join(f"{label:>{width}}" for label in labels)
    print(f"  {_('module'):<28} {header}   {_('total'):>5}", file=out)
    for module, counts in summary.requirements.items():
        cells = " ".join(f"{num(counts.get(p, 0)):>{width}}" for p in PRIORITIES)
        print(f"  {modules.get(module, module):<28} {cells}   {num(sum(counts.values())):>5}", file=out)
    total = sum(sum(c.values()) for c in summary.requirements.values())
    print(f"  {_('all modules'):<28} {'':>{(width + 1) * len(PRIORITIES) - 1}}   {num(total):>5}", file=out)
    processes = ", ".join(summary.processes) or _("none")
    print(
        "\n"
        + _("Roles: {roles}   Processes: {processes}").format(roles=num(summary.roles), processes=processes),
        file=out,
    )
    kinds = ", ".join(f"{num(n)} {_(KPI_KINDS.get(kind, kind))}" for kind, n in sorted(summary.kpis.items()))
    print(_("KPIs: {kinds}").format(kinds=kinds), file=out)
    if summary.dropped:
        print("\n" + _("Dropped by the client's answers:"), file=out)
        for section, ids in summary.dropped.items():
            if ids:
                shown = ", ".join(ids[:6])
                if len(ids) > 6:
                    shown = _("{ids} and {n} more").format(ids=shown, n=num(len(ids) - 6))
                print(f"  {_(SECTIONS.get(section, section)):<13} {num(len(ids)):>3}: {shown}", file=out)
