"""Ctrl+Z on the RFP tab: undo the last priority or weight edit made here by saving the values it replaced,
as a new edit of engagement.yaml (its revision counts it; nothing is taken out of the file's history).

The undo is refused when the requirement no longer shows the edit (changed again since), and the save
itself refuses it, naming the field, when another writer changed the same requirement meanwhile."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

from workbench.domain.locale import format_number
from workbench.domain.rfp_pack import priority_label
from workbench.i18n import N_, _, current_language
from workbench.tui.screens.base import WorkbenchScreen

RFP_UNDO_BINDING = Binding(
    "ctrl+z",
    "undo_rfp_edit",
    N_("Undo"),
    show=False,
    id="deliverables.undo",
    tooltip=N_("RFP: undo the last priority or weight edit made here (saved as a new edit)"),
)


class RfpEdit(NamedTuple):
    req_id: str
    before: tuple[str, int]
    after: tuple[str, int]


def edit_text(req_id: str, values: tuple[str, int]) -> str:
    """`MKT-001: Should, weight 4`, in the interface language."""
    return _("{req}: {priority}, weight {weight}").format(
        req=req_id, priority=priority_label(values[0]), weight=format_number(values[1], current_language())
    )


class RfpUndo(WorkbenchScreen):
    """The base of DeliverablesScreen's RFP undo: it saves with `save_rfp_edit` and reads a requirement's
    shown values with `rfp_values`."""

    last_rfp_edit: RfpEdit | None = None

    def save_rfp_edit(self, req_id: str, priority: str, weight: int) -> bool:
        raise NotImplementedError

    def rfp_values(self, req_id: str) -> tuple[str, int] | None:
        raise NotImplementedError

    def edit_rfp(self, req_id: str, priority: str, weight: int) -> None:
        """Save an edit and remember it for Ctrl+Z; the toast says so."""
        before = self.rfp_values(req_id)
        if before is None or not self.save_rfp_edit(req_id, priority, weight):
            return
        self.last_rfp_edit = RfpEdit(req_id, before, (priority, weight))
        self.refresh_bindings()
        self.notify(
            _("{change} (ctrl+z to undo)").format(change=edit_text(req_id, (priority, weight))),
            title=_("RFP"),
            timeout=5,
        )

    def action_undo_rfp_edit(self) -> None:
        last, self.last_rfp_edit = self.last_rfp_edit, None
        self.refresh_bindings()
        if last is None:
            self.notify(_("Nothing to undo: no RFP edit was made here yet."), severity="warning")
            return
        if self.rfp_values(last.req_id) != last.after:
            self.notify(
                _("{req} was changed again since; nothing was undone.").format(req=last.req_id),
                title=_("RFP edit not saved"),
                severity="error",
            )
            return
        if self.save_rfp_edit(last.req_id, *last.before):
            self.notify(
                _("Undone: back to {change}.").format(change=edit_text(last.req_id, last.before)),
                title=_("RFP"),
                timeout=5,
            )
