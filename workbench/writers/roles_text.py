"""`roles.md`: the permission matrix per object family, the RACI and the governance findings, in Markdown
(from `templates/roles/roles.md.j2`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.domain.governance import Finding, check_governance
from workbench.domain.matrix import MatrixRow, ObjectColumns, permission_matrix, raci_table
from workbench.domain.text import tr
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext
from workbench.writers.templating import render

ACTION_LETTERS = {"create": "C", "read": "R", "update": "U", "delete": "D", "assign": "A", "export": "E",
                  "import": "I"}
"""One letter per action, so a role's rights on an object fit one table cell: `C:own R:team U:own`."""
FAMILY_TITLES = {"data": "Business data", "analytics": "Analytics", "system": "System and administration"}


def cell_text(row: MatrixRow, obj: ObjectColumns) -> str:
    """A role's rights on one object, e.g. `C:own R:team`; '—' when it holds none."""
    held = [f"{ACTION_LETTERS[a]}:{row.scope(obj.id, a)}" for a in ACTION_LETTERS if row.scope(obj.id, a) != "none"]
    return " ".join(held) or "—"


@dataclass(frozen=True)
class FindingView:
    severity: str
    rule: str
    where: str
    message: str
    fix: str


def finding_view(finding: Finding) -> FindingView:
    parts = [p for p in (finding.role, finding.object, finding.action) if p]
    where = " / ".join(parts) + (f" task {finding.task}" if finding.task else "")
    return FindingView(finding.severity, finding.rule, where.strip(), finding.message, finding.fix)


def counts_line(findings: list[Finding]) -> str:
    count = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    return f"{count['error']} error(s), {count['warning']} warning(s), {count['info']} info."


def write_md(ctx: ExportContext, folder: Path) -> list[Path]:
    pb, lang = ctx.playbook, ctx.lang
    matrix = permission_matrix(pb, lang)
    families = [{"title": FAMILY_TITLES.get(family, family), "objects": objects,
                 "rows": [{"role": row.role, "name": row.name, "cells": [cell_text(row, o) for o in objects]}
                          for row in matrix.rows]}
                for family, objects in matrix.families()]
    findings = check_governance(pb)
    text = render("roles/roles.md.j2", title=tr(pb.name, lang), client=ctx.client, playbook_id=pb.id,
                  version=pb.version, letters=[(letter, a) for a, letter in ACTION_LETTERS.items()],
                  families=families, raci=raci_table(pb, lang), role_names={r.id: tr(r.name, lang) for r in pb.roles},
                  findings=[finding_view(f) for f in findings], counts=counts_line(findings))
    target = Path(folder) / "roles.md"
    write_text_atomic(target, text)
    return [target]
