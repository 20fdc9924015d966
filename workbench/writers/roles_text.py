"""`roles.md`: the permission matrix per object family, the RACI and the governance findings, in Markdown
(from `templates/roles/roles.md.j2`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.domain.governance import Finding, check_governance
from workbench.domain.locale import format_number
from workbench.domain.matrix import MatrixRow, ObjectColumns, permission_matrix, raci_table
from workbench.domain.system_rights import label as right_label
from workbench.domain.text import tr
from workbench.domain.vocabulary import action_label, scope_label, severity_label
from workbench.i18n import N_, _, current_language, ngettext
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, in_client_language
from workbench.writers.templating import render

ACTION_LETTERS = {
    "create": "C",
    "read": "R",
    "update": "U",
    "delete": "D",
    "assign": "A",
    "export": "E",
    "import": "I",
}
"""One letter per action, so a role's rights on an object fit one table cell: `C:own R:team U:own`."""
FAMILY_TITLES = {
    "data": N_("Business data"),
    "analytics": N_("Analytics"),
    "system": N_("System and administration"),
}


def cell_text(row: MatrixRow, obj: ObjectColumns, localised: bool = False) -> str:
    """A role's rights on one object, e.g. `C:own R:team`; '—' when it holds none. Localised (a document
    in the client's language): the action and scope in words, `create: own, read: team`."""
    held = [(a, row.scope(obj.id, a)) for a in ACTION_LETTERS if row.scope(obj.id, a) != "none"]
    if localised:
        return " · ".join(f"{action_label(a)}: {scope_label(s)}" for a, s in held) or "—"
    return " ".join(f"{ACTION_LETTERS[a]}:{s}" for a, s in held) or "—"


@dataclass(frozen=True)
class FindingView:
    severity: str
    rule: str
    where: str
    message: str
    fix: str


def finding_view(finding: Finding) -> FindingView:
    parts = [p for p in (finding.role, finding.object, finding.action) if p]
    where = " / ".join(parts) + (" " + _("task {id}").format(id=finding.task) if finding.task else "")
    return FindingView(
        severity_label(finding.severity), finding.rule, where.strip(), finding.message, finding.fix
    )


def counts_line(findings: list[Finding]) -> str:
    count = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    n = {s: format_number(c, current_language()) for s, c in count.items()}
    return _("{errors}, {warnings}, {infos}.").format(
        errors=ngettext("{n} error", "{n} errors", count["error"]).format(n=n["error"]),
        warnings=ngettext("{n} warning", "{n} warnings", count["warning"]).format(n=n["warning"]),
        infos=ngettext("{n} note", "{n} notes", count["info"]).format(n=n["info"]),
    )


@in_client_language
def write_md(ctx: ExportContext, folder: Path) -> list[Path]:
    pb, lang = ctx.playbook, ctx.lang
    matrix = permission_matrix(pb, lang)
    families = [
        {
            "title": _(FAMILY_TITLES[family]) if family in FAMILY_TITLES else family,
            "objects": objects,
            "rows": [
                {
                    "role": row.role,
                    "name": row.name,
                    "cells": [cell_text(row, o, lang != "en") for o in objects],
                }
                for row in matrix.rows
            ],
        }
        for family, objects in matrix.families()
    ]
    findings = check_governance(pb)
    text = render(
        "roles/roles.md.j2",
        title=tr(pb.name, lang),
        client=ctx.client,
        playbook_id=pb.id,
        version=pb.version,
        letters=[(letter, a) for a, letter in ACTION_LETTERS.items()],
        families=families,
        raci=raci_table(pb, lang),
        role_names={r.id: tr(r.name, lang) for r in pb.roles},
        findings=[finding_view(f) for f in findings],
        counts=counts_line(findings),
        lang=lang,
        system_rights=[
            (r.id, tr(r.name, lang), [right_label(x, lang) for x in r.system_rights])
            for r in pb.roles
            if r.system_rights
        ],
    )
    target = Path(folder) / "roles.md"
    write_text_atomic(target, text)
    return [target]
