"""Governance findings as a list: severity icon, rule, message and fix. Choosing one asks the screen to
show what it points at (a matrix cell, a role, a task); the list itself moves nothing."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.domain.governance import Finding
from workbench.domain.vocabulary import action_label
from workbench.i18n import _
from workbench.tui.bidi import visual

SEVERITY_ICONS = {"error": ("✖", "$error"), "warning": ("⚠", "$warning"), "info": ("ℹ", "$primary")}


def finding_prompt(finding: Finding) -> Content:
    """Three short parts a reviewer scans: what rule, what is wrong, what to do."""
    icon, style = SEVERITY_ICONS.get(finding.severity, ("•", ""))
    action = action_label(finding.action) if finding.action else None  # a word of the interface language
    where = " · ".join(p for p in (finding.role, finding.object, action, finding.task) if p)
    return Content.assemble(
        (f"{icon} ", style),
        (finding.rule, "bold"),
        (f"  {where}" if where else "", "dim"),
        "\n",
        visual(finding.message),
        "\n",
        (visual(_("fix:")) + " ", "italic"),
        (visual(finding.fix), "dim"),
    )


class FindingsList(OptionList):
    """One option per finding, in check_governance's order (errors first)."""

    DEFAULT_CSS = """
    FindingsList { height: 1fr; }
    FindingsList > .option-list--option { padding: 0 1 1 1; }
    """

    class Chosen(Message):
        """A finding was highlighted (`focus` False) or selected with Enter/click (`focus` True)."""

        def __init__(self, finding: Finding, focus: bool) -> None:
            super().__init__()
            self.finding = finding
            self.focus = focus

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        highlighted = self.highlighted
        self.clear_options()
        if not self.findings:
            self.add_option(
                Option(
                    Content.from_markup("[$success]✓[/] $text", text=visual(_("no governance findings"))),
                    disabled=True,
                )
            )
            return
        self.add_options(Option(finding_prompt(f), id=str(i)) for i, f in enumerate(self.findings))
        self.highlighted = min(highlighted or 0, len(self.findings) - 1)

    def _finding(self, option: Option) -> Finding | None:
        return self.findings[int(option.id)] if option.id is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        finding = self._finding(event.option)
        if finding is not None and self.has_focus:
            self.post_message(self.Chosen(finding, focus=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        finding = self._finding(event.option)
        if finding is not None:
            self.post_message(self.Chosen(finding, focus=True))
