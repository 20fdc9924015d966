"""The Roles tab: the permission matrix with a scope legend and the highlighted cell in words, and the
governance findings beside it."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from workbench.domain.governance import Finding
from workbench.domain.matrix import permission_matrix
from workbench.domain.playbook import Playbook
from workbench.i18n import _
from workbench.tui.bidi import visual
from workbench.tui.widgets.findings_list import FindingsList
from workbench.tui.widgets.permission_matrix import PermissionMatrixTable, is_compact, scope_legend
from workbench.tui.widgets.throttle import Throttle


class RolesView(Horizontal):
    DEFAULT_CSS = """
    RolesView { height: 1fr; }
    RolesView #matrix-pane { width: 2fr; }
    RolesView #findings-pane { width: 1fr; min-width: 26; max-width: 60; border-left: solid $primary-muted; }
    RolesView .pane-title { height: 1; padding: 0 1; text-style: bold; }
    RolesView #matrix-cell { height: 1; padding: 0 1; background: $panel; }
    RolesView #matrix-legend.-compact { height: auto; max-height: 3; }  /* wraps: every mark named whole */
    """

    def __init__(self, lang: str = "en", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self._describe = Throttle(
            self,
            lambda _: self.query_one("#matrix-cell", Static).update(
                self.matrix.cell_description(), layout=False
            ),
        )  # one line, fixed size

    def compose(self) -> ComposeResult:
        with Vertical(id="matrix-pane"):
            yield Static(id="matrix-legend", classes="pane-title")
            yield PermissionMatrixTable(id="matrix")
            yield Static(id="matrix-cell")
        with Vertical(id="findings-pane"):
            yield Static(visual(_("Findings")), id="findings-title", classes="pane-title")
            yield FindingsList(id="findings")

    @property
    def matrix(self) -> PermissionMatrixTable:
        return self.query_one(PermissionMatrixTable)

    def load(self, pb: Playbook, findings: list[Finding], also: Sequence[Finding] = ()) -> None:
        """The matrix shows every column a finding points at, even one no role holds; `also` are findings
        from elsewhere (the audit's) whose columns it shows too, though the list does not hold them."""
        cells = [(f.object, f.action) for f in [*findings, *also] if f.object and f.action]
        self.matrix.load(permission_matrix(pb, self.lang, include=cells))
        self.query_one(FindingsList).set_findings(findings)
        from workbench.domain.locale import format_number
        from workbench.i18n import current_language

        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}

        def n(count: int) -> str:
            return format_number(count, current_language())

        self.query_one("#findings-title", Static).update(
            Content.from_markup(
                "$title  [$error]✖[/] $e  [$warning]⚠[/] $w  [$primary]ℹ[/] $i",
                title=visual(_("Findings")),
                e=n(counts["error"]),
                w=n(counts["warning"]),
                i=n(counts["info"]),
            )
        )

    def on_mount(self) -> None:
        self._show_legend()

    def on_resize(self, event: events.Resize) -> None:
        self._show_legend()

    def _show_legend(self) -> None:
        """The legend names the compact form's marks while the matrix shows them (see is_compact), on as
        many lines as it takes then; the full form's cells spell their scope, so one line does."""
        compact = is_compact(self.app.size.width)
        legend = self.query_one("#matrix-legend", Static)
        legend.set_class(compact, "-compact")
        legend.update(scope_legend(compact, legend.content_region.width or self.size.width))

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._describe(None)
