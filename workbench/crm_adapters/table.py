"""The README's table of CRM adapters, made from the registry so the documentation lists exactly what is
installed (tests/crm/test_adapter_registry.py holds the README equal to it and prints the table to paste when
it is not)."""

from __future__ import annotations

from workbench.crm_adapters.registry import adapters
from workbench.i18n import use_language

CAPABILITY_WORDS = {
    "widened_right": "wider rights",
    "system_right": "system privileges",
    "extra_role": "extra roles",
}
"""English: the README is"""
START, END = (
    "<!-- crm-adapters: start (made by workbench.crm_adapters.table) -->",
    "<!-- crm-adapters: end -->",
)


def markdown_table() -> str:
    """One row per registered adapter that loads, sorted by name, between the README's markers."""
    lines = [
        START,
        "| name (`--to`, `--from`, `--crm`) | CRM | reads | writes | user export reader "
        "| drift its files carry |",
        "|---|---|---|---|---|---|",
    ]
    with use_language("en"):
        for crm in adapters():
            carries = ", ".join(CAPABILITY_WORDS[c] for c in CAPABILITY_WORDS if c in crm.expresses)
            cells = (
                f"`{crm.name}`",
                crm.label,
                ", ".join(crm.reads),
                ", ".join(crm.writes),
                "yes" if crm.read_users is not None else "no",
                carries or "none",
            )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([*lines, END])
