"""`crmwb crm-export DESIGN --to TARGET|all --out DIR`: the designed permissions in each CRM's own format.

Layout: DIR/<target>/ holds only the adapter's files (so `crmwb audit DESIGN --from <target> DIR/<target>`
reads back exactly what was written), DIR/limitations.md and .json say, per target, every designed right
the CRM cannot express and what the export did instead, and DIR/crm-export.json lists the files written.
All or nothing, through the same use case as `crmwb export` (workbench/app/export.py): files
are staged inside DIR and switched in only when every target succeeded; files a previous export wrote that
this one no longer writes (a role dropped) are removed, so an audit never reads a stale permission set.
Other files in DIR are left alone, but one that sits where the export writes, or a symbolic link on its
way, is refused unless --force (a link is then moved away, never written through).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.domain.fixed_ids import crm_target_list
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "design",
        metavar="PLAYBOOK-OR-ENGAGEMENT",
        help=_("a bundled playbook id, a playbook .yaml or an engagement folder"),
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="TARGET",
        help=_("{targets}, a comma list, or all").format(targets=crm_target_list()),
    )
    parser.add_argument(
        "--answers", type=Path, metavar="FILE", help=_("intake answers (with a playbook only)")
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder to write into"))
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace files (or symbolic links) of someone else's where the export writes"),
    )
    parser.add_argument("--quiet", action="store_true", help=_("print nothing but errors"))


def run(args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.app.export import crm_adapters, export_crm
    from workbench.cli.output import print_problems
    from workbench.crm_adapters.registry import UnknownTarget

    try:
        adapters = crm_adapters(args.to)
    except UnknownTarget as exc:
        print(_("crmwb crm-export: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb crm-export: warning: {message}").format(message=warning), file=sys.stderr)
    from workbench.writers.transaction import FolderRefused

    try:
        written, limits, changes = export_crm(design.playbook, design.label, adapters, args.out, args.force)
    except FolderRefused as exc:
        print(_("crmwb crm-export: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(
            _("crmwb crm-export: error: cannot write to {out}: {why}; nothing was changed").format(
                out=args.out, why=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    if changes.recovered:
        print(_("crmwb crm-export: {what}").format(what=changes.recovered), file=sys.stderr)
    if not args.quiet:
        print(
            _("CRM export of the {label} to {out}: {summary}").format(
                label=design.label, out=args.out, summary=changes.summary()
            )
        )
        for name, files in written.items():
            files_text = ngettext("{n} file in {folder}", "{n} files in {folder}", len(files)).format(
                n=num(len(files)), folder=args.out / name
            )
            rights = ngettext(
                "{n} right cannot be expressed", "{n} rights cannot be expressed", len(limits[name])
            ).format(n=num(len(limits[name])))
            print(f"  {name:<11} {files_text}, {rights}")
        if any(limits.values()):
            print(
                "  "
                + _("what could not be expressed, and what was done instead: {file}").format(
                    file=args.out / "limitations.md"
                )
            )
    return ExitCode.OK
