"""`limitations.md` / `limitations.json`: what each CRM export could not express, and what it did instead.

An export that silently widened or narrowed a right would make the audit lie; this is the list a
consultant reviews (and a client signs) before the CRM is configured. Grouped per target, then per
object, so "the CRM has no such object" reads as one block, not a hundred lines.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict

from workbench.domain.drift import Limitation
from workbench.domain.locale import format_number
from workbench.domain.vocabulary import action_label, scope_label
from workbench.i18n import _, current_language, ngettext


def _cell(text: object) -> str:
    from workbench.writers.markdown import md_inline

    return md_inline(text)


def limitations_md(label: str, targets: dict[str, list[Limitation]]) -> str:
    """In the current language (the client's); ids, CRM names and the targets' own reasons as they are."""
    lines = [
        "# " + _("What the CRM exports cannot express"),
        "",
        _cell(_("Design: {label}").format(label=label)),
        "",
    ]
    for name in sorted(targets):
        items = targets[name]
        lines.append(f"## {_cell(name)}")
        lines.append("")
        if not items:
            lines += [_("Everything in the design is expressed exactly."), ""]
            continue
        titles = (
            _("Object"),
            _("Role"),
            _("Action"),
            _("Designed"),
            _("Expressed"),
            _("What the export did"),
        )
        lines += [
            ngettext(
                "{count} designed right cannot be expressed exactly.",
                "{count} designed rights cannot be expressed exactly.",
                len(items),
            ).format(count=format_number(len(items), current_language())),
            "",
            "| " + " | ".join(titles) + " |",
            "|---|---|---|---|---|---|",
        ]
        by_object: dict[str, list[Limitation]] = defaultdict(list)
        for item in items:
            by_object[item.object].append(item)
        for obj in sorted(by_object):
            for x in sorted(by_object[obj], key=lambda x: (x.role, x.action)):
                cells = (
                    x.object,
                    x.role,
                    action_label(x.action) if x.action else x.action,
                    scope_label(x.wanted),
                    scope_label(x.expressed),
                    x.message,
                )
                lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def limitations_json(label: str, targets: dict[str, list[Limitation]]) -> str:
    doc = {"design": label, "targets": {name: [asdict(x) for x in targets[name]] for name in sorted(targets)}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
