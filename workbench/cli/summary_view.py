"""Plain-text rendering of a playbook summary for the terminal."""

from __future__ import annotations

from typing import TextIO

from workbench.domain.playbook import Playbook
from workbench.domain.requirements import PRIORITIES
from workbench.domain.summary import Summary
from workbench.domain.text import tr


def print_summary(summary: Summary, pb: Playbook, out: TextIO) -> None:
    names: dict[str, str] = {p.id: tr(p.name) for p in pb.phases}
    print("Tasks per phase:", file=out)
    for phase, count in summary.tasks_per_phase.items():
        print(
            f"  {names[phase]:<28} {count:>3} tasks  {summary.days_per_phase[phase]:>4} working days of "
            "effort",
            file=out,
        )
    modules = {m.id: tr(m.name) for m in pb.modules}
    print("\nRFP requirements by module:", file=out)
    print(f"  {'module':<28} " + " ".join(f"{p:>6}" for p in PRIORITIES) + "   total", file=out)
    for module, counts in summary.requirements.items():
        cells = " ".join(f"{counts.get(p, 0):>6}" for p in PRIORITIES)
        print(f"  {modules.get(module, module):<28} {cells}   {sum(counts.values()):>5}", file=out)
    total = sum(sum(c.values()) for c in summary.requirements.values())
    print(f"  {'all modules':<28} {'':>{7 * len(PRIORITIES) - 1}}   {total:>5}", file=out)
    print(f"\nRoles: {summary.roles}   Processes: {', '.join(summary.processes) or 'none'}", file=out)
    print("KPIs: " + ", ".join(f"{n} {kind}" for kind, n in sorted(summary.kpis.items())), file=out)
    if summary.dropped:
        print("\nDropped by the client's answers:", file=out)
        for section, ids in summary.dropped.items():
            if ids:
                shown = ", ".join(ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")
                print(f"  {section:<13} {len(ids):>3}: {shown}", file=out)
