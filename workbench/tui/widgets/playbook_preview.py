"""What a playbook holds, before anyone commits to it: counts from domain.summary, laid out to read."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from workbench.domain.fixed_ids import PRIORITIES as ALL_PRIORITIES
from workbench.domain.fixed_ids import Priority
from workbench.domain.locale import localize_digits
from workbench.domain.summary import Summary
from workbench.i18n import N_, _, current_language, ngettext
from workbench.tui.bidi import paint

PHASE_LABELS = {
    "pre_deployment": N_("pre-deployment"),
    "deployment": N_("deployment"),
    "post_deployment": N_("post-deployment"),
}
"""before a playbook is chosen its own phase names are not loaded: the phases of the method, by id"""
PRIORITIES = tuple(p for p in ALL_PRIORITIES if p != Priority.WONT)
KPI_KINDS = {"adoption": N_("adoption"), "business": N_("business")}


class PlaybookPreview(Static):
    DEFAULT_CSS = """
    PlaybookPreview { padding: 0 1; }
    """

    def show_loading(self, ref: str) -> None:
        self.update(Content.styled(_("Reading {playbook} ...").format(playbook=ref), "dim"))

    def show_problems(self, ref: str, problems: list[str]) -> None:
        text = "\n".join(problems[:8]) + (
            "\n... " + _("and {count} more").format(count=len(problems) - 8) if len(problems) > 8 else ""
        )
        self.update(
            Content.from_markup(
                "[$error b]$title[/]\n$text",
                title=_("{playbook} cannot be used").format(playbook=ref),
                text=text,
            )
        )

    def show(self, title: str, summary: Summary, questions: int) -> None:
        counts = " · ".join(
            (
                ngettext("{count} question", "{count} questions", questions).format(count=questions),
                ngettext("{count} role", "{count} roles", summary.roles).format(count=summary.roles),
                ngettext("{count} process", "{count} processes", len(summary.processes)).format(
                    count=len(summary.processes)
                ),
            )
        )
        kpis = ", ".join(
            f"{n} {_(KPI_KINDS[kind]) if kind in KPI_KINDS else kind}"
            for kind, n in sorted(summary.kpis.items())
        ) or _("none")
        lines = [
            Content.styled(title, "bold"),
            Content(counts),
            Content(_("KPIs: {kpis}").format(kpis=kpis)),
            Content.styled(_("Tasks per phase"), "bold"),
        ]
        lines += [
            Content(f"  {_(PHASE_LABELS[phase]) if phase in PHASE_LABELS else phase:<16}{count:>3}")
            for phase, count in summary.tasks_per_phase.items()
        ]
        lines.append(Content.styled(_("Requirements (must/should/could)"), "bold"))
        for module, counts_of in summary.requirements.items():
            figures = "/".join(str(counts_of.get(p, 0)) for p in PRIORITIES)
            lines.append(Content(f"  {module:<16}{sum(counts_of.values()):>3}  {figures}"))
        lang = current_language()
        self.update(
            Content("\n").join(
                paint(Content(localize_digits(line.plain, lang)) if not line.spans else line)
                for line in lines
            )
        )
