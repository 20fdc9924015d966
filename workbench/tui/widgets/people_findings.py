"""The people audit's findings as a list: kind, person or account, what is wrong, what to do. Enter on one
asks the People screen to show its person in the roster; the list itself moves nothing."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.domain.people_audit import PersonFinding
from workbench.i18n import N_, _
from workbench.tui.bidi import visual
from workbench.tui.widgets.findings_list import SEVERITY_ICONS

KIND_WORDS = {
    "left-enabled": N_("left, still enabled"),
    "no-person": N_("account with no person"),
    "shared-login": N_("shared login"),
    "toxic-combination": N_("toxic combination"),
    "beyond-role": N_("rights beyond the designed role"),
    "too-many-admins": N_("too many administrators"),
    "unknown-role": N_("unknown role"),
}


def finding_prompt(finding: PersonFinding) -> Content:
    icon, style = SEVERITY_ICONS.get(finding.severity, ("•", ""))
    who = " · ".join(p for p in (finding.person, finding.account) if p)
    kind = _(KIND_WORDS[finding.kind]) if finding.kind in KIND_WORDS else finding.kind
    return Content.assemble(
        (f"{icon} ", style),
        (visual(kind), "bold"),
        (f"  {who}" if who else "", "dim"),
        "\n",
        visual(finding.evidence),
        "\n",
        (visual(_("fix:")) + " ", "italic"),
        (visual(finding.fix), "dim"),
    )


class PeopleFindings(OptionList):
    DEFAULT_CSS = """
    PeopleFindings { height: 12; }
    PeopleFindings > .option-list--option { padding: 0 1 1 1; }
    """

    class Chosen(Message):
        """Enter (or a click) on a finding."""

        def __init__(self, finding: PersonFinding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[PersonFinding] = []

    def set_findings(self, findings: list[PersonFinding], empty: str) -> None:
        """Show `findings`; `empty` says why there are none (not run yet, or a clean audit)."""
        self.findings = list(findings)
        self.clear_options()
        if not self.findings:
            self.add_option(Option(visual(empty), disabled=True))
            return
        self.add_options(Option(finding_prompt(f), id=str(i)) for i, f in enumerate(self.findings))
        self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.findings[int(event.option.id)]))
