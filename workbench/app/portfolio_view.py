"""The portfolio as people read it: its columns and each row's cells in the interface language, shared by
`crmwb portfolio` (text, Markdown, xlsx titles) and the TUI's portfolio screen, so both say the same."""

from __future__ import annotations

from workbench.app.portfolio import PortfolioRow
from workbench.i18n import N_, current_language

COLUMNS = (
    ("client", N_("Client")),
    ("playbook", N_("Playbook")),
    ("phase", N_("Phase")),
    ("done", N_("Done")),
    ("late", N_("Late")),
    ("blocked", N_("Blocked")),
    ("at-risk", N_("At risk")),
    ("go-live", N_("Go-live (forecast)")),
    ("target", N_("Target")),
    ("slip", N_("Slip (days)")),
    ("off-track", N_("KPIs off track")),
    ("next-gate", N_("Next gate")),
    ("due", N_("Gate due")),
    ("problem", N_("Problem")),
)
"""the portfolio's columns, as --sort names them and as every format titles them (English, translated at
use)"""


def cells(row: PortfolioRow) -> list[str]:
    """A row's cells as text for people, in the interface language ("—" where there is no value)."""
    from workbench.domain.locale import format_number, format_percent, format_short_date

    lang = current_language()

    def n(value: int | None) -> str:
        return format_number(value, lang) if value is not None else "—"

    def day(value) -> str:
        return format_short_date(value, lang) if value else "—"

    if row.problem and row.percent is None:
        return [row.client] + ["—"] * (len(COLUMNS) - 2) + [row.problem]
    slip = "—" if row.slip_days is None else (("+" if row.slip_days > 0 else "") + n(row.slip_days))
    return [
        row.client,
        row.playbook or "—",
        row.phase_name or row.phase or "—",
        format_percent(row.percent, lang) if row.percent is not None else "—",
        n(row.late),
        n(row.blocked),
        n(row.at_risk),
        day(row.forecast_go_live),
        day(row.target_go_live),
        slip,
        n(row.kpis_off_track),
        row.next_gate_name or row.next_gate or "—",
        day(row.next_gate_due),
        row.problem or "",
    ]
