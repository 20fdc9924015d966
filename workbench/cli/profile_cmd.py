"""`crmwb profile PLAYBOOK-OR-ENGAGEMENT [--answers FILE] [--object ID]`: the customer profile as it applies
to a client: each object's fields with type, required, personal data and legacy sources, in the interface
language (text) or as data (`--format json`, what a migration script or a data audit reads). The workbooks
for the client (`data-dictionary.xlsx`, `field-mapping.xlsx`) come from `crmwb export`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.app.design import load_design
from workbench.cli.design_source import add_design_arguments
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import digits, lang, num, role_name, text
from workbench.cli.output import add_format_argument, emit, json_text, print_problems
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_design_arguments(parser)
    parser.add_argument("--object", metavar="ID", help=_("only this object, e.g. contact, account or lead"))
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.domain.customer_profile import legacy_sources, profile

    design, problems = load_design(args.playbook, args.answers)
    print_problems(problems)
    if design is None:
        return ExitCode.BAD_INPUT
    pb, answers = design.playbook, design.answers
    fields = profile(pb, answers)
    if args.object is not None:
        if args.object not in fields:
            message = _("crmwb profile: {object} is not an object with fields; expected one of: {objects}")
            print(message.format(object=repr(args.object), objects=", ".join(fields)), file=sys.stderr)
            return ExitCode.BAD_INPUT
        fields = {args.object: fields[args.object]}
    sources = legacy_sources(pb, answers)
    if args.format == "json":
        emit(json_text(_as_data(pb, fields, sources)))
    else:
        emit(_as_text(pb, fields, sources))
    return ExitCode.OK


def _as_data(pb: Any, fields: dict[str, list], sources: list) -> dict[str, Any]:
    return {
        "playbook": pb.id,
        "objects": [
            {
                "id": object_id,
                "name": text(rows[0].object.name),
                "owner": rows[0].object.owner,
                "fields": [
                    {
                        "id": f.id,
                        "name": text(f.field.name),
                        "type": f.field.type,
                        "required": f.required,
                        "pii": f.field.pii,
                        "values": [v.id for v in f.field.values],
                        "sources": f.field.sources,
                        "owner": f.owner,
                    }
                    for f in rows
                ],
            }
            for object_id, rows in fields.items()
        ],
        "legacy_sources": [{"id": s.id, "name": text(s.name)} for s in sources],
    }


def _as_text(pb: Any, fields: dict[str, list], sources: list) -> str:
    from workbench.writers.profile_cells import source_names, type_label

    lines: list[str] = []
    for object_id, rows in fields.items():
        obj = rows[0].object
        required = sum(f.required for f in rows)
        counts = ngettext("{n} field", "{n} fields", len(rows)).format(n=num(len(rows)))
        counts += ", " + ngettext("{n} required", "{n} required", required).format(n=num(required))
        lines.append(f"{text(obj.name)} ({object_id}): {counts}; {_('owner')}: {role_name(pb, obj.owner)}")
        width = max(len(f.id) for f in rows)
        for f in rows:
            marks = [type_label(f)]
            if f.required:
                marks.append(_("required"))
            if f.field.pii:
                marks.append(_("personal data"))
            where = source_names(f, pb, lang())
            if where:
                marks.append(_("from: {sources}").format(sources=where))
            lines.append(f"  {f.id:<{width}}  {digits(text(f.field.name))} — {', '.join(marks)}")
    if not fields:
        lines.append(_("The playbook defines no fields for this client's objects."))
    names = "; ".join(text(s.name) for s in sources) or _("none named in the intake")
    lines.append(_("Legacy sources: {sources}").format(sources=names))
    return "\n".join(lines) + "\n"
