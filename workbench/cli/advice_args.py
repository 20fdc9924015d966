"""The arguments `crmwb readiness` and `crmwb staffing` share (DIR | PLAYBOOK --answers FILE, --lang,
--format), and reading what the advice needs from them, problems printed located."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.cli.engagement_args import add_lang_argument
from workbench.i18n import N_, _

if TYPE_CHECKING:  # `crmwb --help` imports this module; keep it free of pydantic and yaml
    from workbench.domain.playbook import Playbook


def add_advice_arguments(parser: Any) -> None:
    """DIR | PLAYBOOK --answers FILE, [--lang] [--format]: shared by readiness and staffing."""
    from pathlib import Path

    from workbench.cli.output import add_format_argument

    parser.add_argument(
        "playbook",
        metavar="DIR|PLAYBOOK",
        help=_("an engagement folder (see `crmwb new`), or a playbook id or .yaml file with --answers"),
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help=_(
            "the client's intake answers (YAML), needed with a playbook; an engagement folder has its own"
        ),
    )
    add_lang_argument(parser, N_("language of the report"))
    add_format_argument(parser, ("text", "json", "md"))


def _from_engagement(folder: Any) -> tuple[Playbook | None, dict[str, Any], str | None, list[Any]]:
    """Read an engagement folder without touching its state store, as every engagement command reads it
    (answers and RFP overrides checked): playbook, answers, client, problems (the drift warning among
    them)."""
    from workbench.app.engagement import resolve_engagement
    from workbench.domain.problems import Problem
    from workbench.store.engagement import EngagementError, read

    try:
        e = read(folder)
        got = resolve_engagement(e)
    except EngagementError as exc:
        return None, {}, None, exc.problems
    warnings = [Problem(w, file=str(e.file), severity="warning") for w in got.warnings]
    return got.loaded.playbook, e.answers, e.client, got.loaded.problems + warnings


def load_for_advice(
    args: Any, command: str, needs: tuple[str, ...]
) -> tuple[Playbook, dict[str, Any], str | None] | None:
    """Playbook, answers and client name from an engagement folder or a playbook plus answers file; None
    after printing located problems (the caller exits 2). `needs` are question ids the advice reads: a
    playbook that asks none of them cannot give advice."""
    import sys
    from pathlib import Path

    from workbench.cli.common import load_with_answers
    from workbench.cli.output import print_problems

    client = None
    if Path(args.playbook).is_dir():
        if args.answers is not None:
            print(
                f"crmwb {command}: an engagement folder has its own answers; drop --answers", file=sys.stderr
            )
            return None
        playbook, answers, client, problems = _from_engagement(Path(args.playbook))
    elif args.answers is None:
        print(
            f"crmwb {command}: --answers FILE is required with a playbook (or give an engagement folder)",
            file=sys.stderr,
        )
        return None
    else:
        from workbench.loading.answers import load_answers

        playbook, answers, problems = load_with_answers(args.playbook, args.answers)
        if playbook is not None and not any(p.severity == "error" for p in problems):
            client = load_answers(args.answers, playbook).client
    if playbook is None or any(p.severity == "error" for p in problems):
        print_problems(problems)
        return None
    print_problems(problems)  # warnings only, on stderr
    if not set(needs) & set(playbook.question_map()):
        print(
            f"crmwb {command}: playbook {playbook.id!r} asks none of the questions this advice needs "
            f"({', '.join(needs[:3])} ...); use a playbook built on core",
            file=sys.stderr,
        )
        return None
    return playbook, answers, client
