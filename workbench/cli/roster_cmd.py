"""`crmwb roster DIR import FILE [--replace]` and `crmwb roster DIR list`: the engagement's people.

The roster (person id, full name, department, designed role, manager, active, e-mail, login) is what the
people audit judges a CRM's accounts against. It comes from the client's HR list (xlsx or csv, headers in
English, Persian or Russian) and is kept in roster.yaml beside engagement.yaml (store/roster.py: merged
under the folder lock, written atomically).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _, ngettext
from workbench.store.engagement_file import is_engagement


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="ENGAGEMENT", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help=_("merge an HR list (xlsx or csv) into the roster, by person id"))
    imp.add_argument(
        "file", type=Path, metavar="FILE", help=_("the HR list: .xlsx or .csv with a header row")
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help=_("the file is the whole roster: people it does not list are removed"),
    )
    add_format_argument(imp, ("text", "json"))
    listing = sub.add_parser("list", help=_("the people of the roster"))
    add_format_argument(listing, ("text", "json"))


def fail(message: str) -> int:
    print(_("crmwb roster: error: {message}").format(message=message), file=sys.stderr)
    return ExitCode.BAD_INPUT


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not is_engagement(folder):
        return fail(
            _("{folder} is not an engagement folder; expected the folder {command} made").format(
                folder=folder, command="`crmwb new`"
            )
        )
    return do_import(folder, args) if args.action == "import" else do_list(folder, args)


def do_import(folder: Path, args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.app.people_audit import import_roster
    from workbench.cli.local import num
    from workbench.cli.output import print_problems

    if not args.file.exists():
        return fail(_("{file}: no such file; expected the HR list (.xlsx or .csv)").format(file=args.file))
    design, _problems = load_design(str(folder), None)
    saved, problems = import_roster(design.playbook if design else None, folder, args.file, args.replace)
    print_problems(problems)
    if saved is None or saved.problems:
        print(_("crmwb roster: nothing was imported"), file=sys.stderr)
        return ExitCode.BAD_INPUT
    if args.format == "json":
        emit(
            json_text(
                {
                    "people": len(saved.people),
                    "added": saved.added,
                    "updated": saved.updated,
                    "removed": saved.removed,
                }
            )
        )
        return ExitCode.OK
    print(
        ngettext(
            "roster: {total} person ({added} added, {updated} updated, {removed} removed)",
            "roster: {total} people ({added} added, {updated} updated, {removed} removed)",
            len(saved.people),
        ).format(
            total=num(len(saved.people)),
            added=num(len(saved.added)),
            updated=num(len(saved.updated)),
            removed=num(len(saved.removed)),
        )
    )
    return ExitCode.OK


def do_list(folder: Path, args: argparse.Namespace) -> int:
    from workbench.cli.audit_output import table
    from workbench.cli.output import print_problems
    from workbench.loading.roster import read_roster

    people, problems = read_roster(folder)
    print_problems(problems)
    if any(p.severity == "error" for p in problems):
        return ExitCode.BAD_INPUT
    if args.format == "json":
        emit(json_text({"people": [p.to_dict() for p in people]}))
        return ExitCode.OK
    if not people:
        print(
            _("the roster is empty; add people with {command}").format(
                command=f"`crmwb roster {folder} import FILE`"
            )
        )
        return ExitCode.OK
    rows = (
        (
            p.id,
            p.name,
            p.department,
            ", ".join(p.roles),
            p.manager,
            _("yes") if p.active else _("no"),
            p.email or p.login,
        )
        for p in people
    )
    emit(
        "\n".join(
            table(
                (
                    _("id"),
                    _("name"),
                    _("department"),
                    _("designed role"),
                    _("manager"),
                    _("active"),
                    _("e-mail or login"),
                ),
                rows,
            )
        )
        + "\n"
    )
    return ExitCode.OK
