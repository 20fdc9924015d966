"""`crmwb export PLAYBOOK --answers FILE --out DIR`: write the deliverables (RFP, roles, processes, KPIs,
plan) in the chosen formats, with a manifest; all or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from workbench.cli.common import add_playbook_arguments, load_with_answers
from workbench.cli.output import print_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_playbook_arguments(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--only", help="comma-separated deliverables: rfp,roles,processes,kpis,plan")
    parser.add_argument("--format", dest="formats", help="comma-separated formats, e.g. xlsx,md,bpmn")
    parser.add_argument("--client", help="client name for cover sheets (default: from the answers file)")
    parser.add_argument("--start", type=date.fromisoformat, help="project start date, YYYY-MM-DD (default today)")
    parser.add_argument("--lang", choices=("en", "fa", "ru"), default="en", help="language of names and labels")
    parser.add_argument("--quiet", action="store_true", help="no progress output")


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


def run(args: argparse.Namespace) -> int:
    from workbench.domain.resolve import resolve
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook
    from workbench.writers.context import ExportContext
    from workbench.writers.export import export
    from workbench.writers.manifest import answers_digest
    from workbench.writers.registry import UnknownExport, select

    only, formats = _split(args.only), _split(args.formats)
    try:
        select(only, formats)
    except UnknownExport as exc:
        print(f"crmwb export: {exc}", file=sys.stderr)
        return 2
    playbook, answers, problems = load_with_answers(args.playbook, args.answers)
    if playbook is None or any(p.severity == "error" for p in problems):
        print_problems(problems)
        return 2
    client = args.client
    if client is None and args.answers is not None:
        client = load_answers(args.answers, playbook).client
    ctx = ExportContext(resolve(playbook, answers), playbook, answers, client or "Client",
                        args.start or date.today(), args.lang, load_playbook(args.playbook).digest,
                        answers_digest(answers))
    progress = terminal_progress(not args.quiet and sys.stderr.isatty())
    try:
        result = export(ctx, args.out, only, formats, progress)
    except OSError as exc:
        print(f"crmwb export: cannot write to {args.out}: {exc.strerror or exc}; nothing was changed",
              file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"wrote {len(result.files)} files to {result.folder} (manifest: {result.manifest.name})")
        for path in result.files:
            print(f"  {path.relative_to(result.folder)}")
    return 0
