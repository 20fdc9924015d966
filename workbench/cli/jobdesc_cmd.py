"""`crmwb jobdesc ROLE --lang fa --format docx --answers FILE --out DIR`: job descriptions HR can publish,
for one role or (`--all`) every role with a job profile, resolved against the client's answers.

`--playbook` takes an engagement folder too: its answers and overrides are used. The files are written as
one transaction (workbench/app/export.py): all of them or none, never through a symbolic link,
and a file of someone else's where a job description goes is refused unless --force."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.i18n import _
from workbench.languages import LANGUAGES

LANGS = LANGUAGES
FORMATS = ("md", "html", "docx")


def _choices(allowed: tuple[str, ...]):
    """An argparse type for 'fa' or 'en,fa,ru': a list of values, each one of `allowed`."""

    def parse(value: str) -> list[str]:
        items = [v.strip() for v in value.split(",") if v.strip()]
        wrong = [v for v in items if v not in allowed]
        if wrong or not items:
            raise argparse.ArgumentTypeError(
                _("{value} is not one of {allowed}").format(
                    value=repr((wrong or [value])[0]), allowed=", ".join(allowed)
                )
            )
        return list(dict.fromkeys(items))

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("role", nargs="?", help=_("role id, e.g. crm_manager (omit with --all)"))
    parser.add_argument("--all", action="store_true", help=_("every role that has a job profile"))
    parser.add_argument(
        "--lang",
        type=_choices(LANGS),
        default=["en"],
        metavar="|".join(LANGS),
        help=_("language(s), comma-separated (default en)"),
    )
    parser.add_argument(
        "--format",
        dest="formats",
        type=_choices(FORMATS),
        default=["md"],
        metavar="md|html|docx",
        help=_("format(s), comma-separated (default md)"),
    )
    parser.add_argument(
        "--playbook",
        default="core",
        metavar="PLAYBOOK-OR-ENGAGEMENT",
        help=_("bundled playbook id, .yaml file or engagement folder (default core)"),
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help=_("intake answers (YAML), with a playbook; an engagement folder has its own"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace files (or links) of someone else's where a job description goes"),
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder to write into"))
    parser.add_argument(
        "--date",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help=_("date printed on the documents (default today)"),
    )
    parser.add_argument("--quiet", action="store_true", help=_("print nothing on success"))


def run(args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.cli.output import print_problems
    from workbench.writers.jobdesc import roles_with_profiles

    if args.all == bool(args.role):
        print("crmwb jobdesc: give either a ROLE or --all", file=sys.stderr)
        return ExitCode.BAD_INPUT
    design, problems = load_design(args.playbook, args.answers)
    print_problems(problems)
    if design is None:
        return ExitCode.BAD_INPUT
    resolved = design.playbook
    available = roles_with_profiles(resolved)
    if args.all:
        roles = available
    elif args.role in available:
        roles = [args.role]
    else:
        known = _why_no_profile(design, args.role)
        print(
            f"crmwb jobdesc: {args.role!r} {known} in playbook {resolved.id}; roles with a job profile: "
            f"{', '.join(available) or 'none'}",
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    if not roles:
        print(f"crmwb jobdesc: playbook {resolved.id} has no job profiles", file=sys.stderr)
        return ExitCode.BAD_INPUT
    return _write(args, resolved, roles, design.answers)


def _why_no_profile(design, role: str) -> str:
    """Why `role` has no job description here: not a role, no profile, or a role this client does not have
    (tailoring to size merged it into another)."""
    from workbench.domain.answers import complete_answers
    from workbench.domain.role_merge import role_moves

    full = design.full or design.playbook
    moved = role_moves(full, complete_answers(full, design.answers)).get(role)
    if moved is not None:
        return f"is not a role this client has (its duties go to {moved!r})"
    return "is not a role" if role not in design.playbook.role_map() else "has no job profile"


def _write(args: argparse.Namespace, resolved, roles: list[str], answers: dict) -> int:
    from workbench.app.export import JobdescRequest, export_jobdescs
    from workbench.domain.client_calendar import country_answer
    from workbench.i18n import _
    from workbench.writers.transaction import FolderRefused

    request = JobdescRequest(
        resolved, roles, args.lang, args.formats, args.date or date.today(), country_answer(answers)
    )
    try:
        names, changes = export_jobdescs(request, args.out, args.force)
    except FolderRefused as exc:
        print(_("crmwb jobdesc: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(
            _("crmwb jobdesc: cannot write to {out}: {why}; nothing was changed").format(
                out=args.out, why=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    if not args.quiet:
        print(
            _("wrote {n} job description file(s) to {out}: {summary}").format(
                n=len(names), out=args.out, summary=changes.summary()
            )
        )
        for name in names:
            print(f"  {name}")
    return ExitCode.OK
