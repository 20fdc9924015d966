"""`crmwb export PLAYBOOK-OR-ENGAGEMENT [--answers FILE] --out DIR`: write the deliverables (RFP, roles,
processes, KPIs, plan, job descriptions) in the chosen formats, with a manifest; all or nothing.

From an engagement folder the answers, RFP overrides, client and start date come from its
engagement.yaml (its state store is not opened); `--client` and `--start` still override them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.design_source import add_design_arguments
from workbench.cli.engagement_args import add_lang_argument, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.i18n import N_, _, ngettext


def add_arguments(parser: argparse.ArgumentParser, choose_deliverables: bool = True) -> None:
    """`choose_deliverables=False` for a command that writes one deliverable (`crmwb rfp pack`)."""
    from workbench.writers.registry import REGISTRY  # a deliverable added there is offered here

    add_design_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder to write into"))
    if choose_deliverables:
        parser.add_argument(
            "--only", help=_("comma-separated deliverables: {names}").format(names=", ".join(REGISTRY))
        )
    parser.add_argument("--format", dest="formats", help=_("comma-separated formats, e.g. xlsx,md,bpmn"))
    parser.add_argument(
        "--client", help=_("client name for cover sheets (default: the engagement's or the answers file's)")
    )
    parser.add_argument(
        "--start",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=_("project start date (default: the engagement's, else today)"),
    )
    add_lang_argument(parser, N_("language of names and labels"))
    parser.add_argument(
        "--force",
        action="store_true",
        help=_(
            "write into a folder that holds files no export manifest lists, or another "
            "client's export (which is then replaced)"
        ),
    )
    parser.add_argument("--quiet", action="store_true", help=_("no progress output"))


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def terminal_progress(enabled: bool):
    """A one-line progress display on a terminal; silent when piped or quiet."""
    if not enabled:
        return None

    def show(done: int, total: int, label: str) -> None:
        width = 24
        filled = width * done // max(total, 1)
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<28}{end}")
        sys.stderr.flush()

    return show


def load_context(args: argparse.Namespace, command: str):
    """The export context from a playbook (+ answers) or an engagement folder, read once, or None after
    printing the located problems (exit 2)."""
    from workbench.app.design import load_design
    from workbench.app.export import export_context
    from workbench.cli.output import print_problems

    design, problems = load_design(args.playbook, args.answers)
    if design is None:
        print_problems(problems)
        return None
    print_problems(problems)  # loader warnings, if any
    for warning in design.warnings:
        print(
            _("crmwb {command}: warning: {warning}").format(command=command, warning=warning), file=sys.stderr
        )
    return export_context(design, args.lang, args.client, args.start)


def run(args: argparse.Namespace) -> int:
    from workbench.app.export import export
    from workbench.writers.registry import UnknownExport, select
    from workbench.writers.transaction import FolderRefused

    only, formats = _split(args.only), _split(args.formats)
    try:
        select(only, formats)
    except UnknownExport as exc:
        print(f"crmwb export: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    ctx = load_context(args, "export")
    if ctx is None:
        return ExitCode.BAD_INPUT
    progress = terminal_progress(not args.quiet and sys.stderr.isatty())
    try:
        result = export(ctx, args.out, only, formats, progress, force=args.force)
    except FolderRefused as exc:
        print(_("crmwb export: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(
            _(
                "crmwb export: error: cannot write to {out}: {why}; nothing was changed (the previous "
                "export, if any, is intact)"
            ).format(out=args.out, why=exc.strerror or exc),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    report(result, args.quiet)
    return ExitCode.OK


def report(result, quiet: bool) -> None:
    """Say exactly what changed in the folder: added, replaced, removed (unchanged ones only counted)."""
    changes = result.changes
    if changes.recovered:
        print(_("crmwb export: {what}").format(what=changes.recovered), file=sys.stderr)
    if quiet:
        return
    print(
        ngettext(
            "exported {n} file and {manifest} to {folder}: {summary}",
            "exported {n} files and {manifest} to {folder}: {summary}",
            len(result.files),
        ).format(
            n=len(result.files),
            folder=result.folder,
            manifest=result.manifest.name,
            summary=changes.summary(),
        )
    )
    for line in changes.lines():
        print(f"  {line}")
