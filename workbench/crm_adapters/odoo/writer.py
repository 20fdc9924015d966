"""The design as Odoo security files, for a small module of the client's own (e.g. `crm_roles`).

Files: `ir.model.access.csv` (Odoo's exact header; one line per role and Odoo model), `record_rules.xml`
(one `res.groups` per role and the `ir.rule` records that narrow own and team scopes, see
`model`) and `odoo-unmapped.txt` (what could not be expressed, and where two playbook objects
were merged into one Odoo model). In the module's `__manifest__.py`, list `record_rules.xml` before the
CSV so the groups exist when the access lines refer to them. Models come from `crm_mappings.odoo`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.sax.saxutils import escape

from workbench.crm_adapters.odoo.model import (
    HEADER,
    PERMS,
    OdooRights,
    group_id,
    odoo_model,
    odoo_rights,
    xml_id,
)
from workbench.domain.crm import written_names
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.playbook import Playbook
from workbench.domain.text import tr
from workbench.domain.vocabulary import scope_label
from workbench.i18n import _, current_language, use_language
from workbench.writers.atomic import write_bytes_atomic, write_text_atomic

ACCESS, RULES, REPORT = "ir.model.access.csv", "record_rules.xml", "odoo-unmapped.txt"


def write(pb: Playbook, mapping: CrmMapping, folder: Path, lang: str | None = None) -> list[Path]:
    """Write the three files into `folder`, names and report in `lang` (default: the current language, the
    client's); returns their paths. Ids, models and CSV columns stay as Odoo reads them."""
    folder = Path(folder)
    lang = lang or current_language()
    rights = odoo_rights(pb, mapping)
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(HEADER)
    for (role, model), cells in rights.scopes.items():
        if cells:
            out.writerow(
                [
                    f"access_{xml_id(model)}_{xml_id(role)}",
                    f"{model} {role}",
                    odoo_model(model).xmlid,
                    group_id(mapping, role),
                ]
                + [int(column in cells) for column, _ in PERMS]
            )
    access, rules, report = folder / ACCESS, folder / RULES, folder / REPORT
    write_text_atomic(access, buffer.getvalue())
    write_bytes_atomic(rules, rules_xml(pb, mapping, rights, lang))
    write_text_atomic(report, report_text(pb, rights, lang))
    return [access, rules, report]


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})


def _field(name: str, text: str | None = None, **attrs: str) -> str:
    """One `<field>` line, laid out as ElementTree.indent would (text is built directly: a big design has
    a quarter of a million rules, too many to build as a tree first)."""
    head = f'      <field name="{_attr(name)}"' + "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items())
    return f"{head} />" if text is None else f"{head}>{escape(text)}</field>"


def rules_xml(pb: Playbook, mapping: CrmMapping, rights: OdooRights, lang: str = "en") -> bytes:
    with use_language(lang):
        return _rules_xml(pb, mapping, rights, lang)


def _rules_xml(pb: Playbook, mapping: CrmMapping, rights: OdooRights, lang: str) -> bytes:
    """Groups first (the ACL lines and rules refer to them), each implying the groups of its designed system
    rights, then one rule per role, model and scope."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<odoo>", "  <data>"]
    for role in pb.roles:
        implied = written_names(role, mapping)
        lines += [
            f'    <record id="{_attr(group_id(mapping, role.id))}" model="res.groups">',
            _field("name", f"CRM: {tr(role.name, lang)}"),
            _field("comment", tr(role.summary, lang)),
        ]
        if implied:
            refs = ", ".join(f"(4, ref('{group}'))" for group in implied)
            lines.append(_field("implied_ids", eval=f"[{refs}]"))
        lines.append("    </record>")
    for (role, model), cells in rights.scopes.items():
        target = odoo_model(model)
        for scope in ("own", "team", "all"):
            columns = [column for column, _ in PERMS if cells.get(column) == scope]
            if not columns:
                continue
            lines += [
                f'    <record id="rule_{xml_id(model)}_{xml_id(role)}_{scope}" model="ir.rule">',
                _field("name", f"{model}: {role} ({scope_label(scope)})"),
                _field("model_id", ref=target.xmlid),
                _field("groups", eval=f"[(4, ref('{group_id(mapping, role)}'))]"),
                _field("domain_force", target.domain(scope)),
            ]
            lines += [_field(column, eval=str(column in columns)) for column, _ in PERMS]
            lines.append("    </record>")
    lines += ["  </data>", "</odoo>", ""]
    return "\n".join(lines).encode("utf-8")


def report_text(pb: Playbook, rights: OdooRights, lang: str = "en") -> str:
    """The companion report: unmapped objects, rights without an ACL column, merged objects."""
    names = {o.id: tr(o.name, lang) for o in pb.objects}
    with use_language(lang):
        sections = [
            (
                _("Objects without an Odoo model (no lines in ir.model.access.csv)"),
                [f"{o} ({names[o]})" for o in rights.unmapped_objects],
            ),
            (
                _("Rights without a column in ir.model.access.csv (grant them in Odoo by hand)"),
                rights.unmapped_rights,
            ),
            (
                _("Objects merged into one Odoo model with different rights (the union was taken)"),
                rights.merged,
            ),
        ]
        lines: list[str] = []
        for title, items in sections:
            lines += [title + ":"] + ([f"  {item}" for item in items] or ["  " + _("none")]) + [""]
    return "\n".join(lines)
