"""`crmwb show PLAYBOOK [--answers FILE]`: the playbook after overlays and conditions, as YAML or JSON."""

from __future__ import annotations

import argparse
import sys

from workbench.cli.common import add_playbook_arguments, load_with_answers
from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text, print_problems
from workbench.i18n import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_playbook_arguments(parser)
    add_format_argument(parser, ("yaml", "json"))
    parser.add_argument(
        "--section",
        action="append",
        metavar="NAME",
        help=_("only these top-level sections (repeatable), e.g. --section requirements"),
    )


def questionnaire(playbook, answers: dict) -> list[dict]:
    """Every question, conditional ones too, each with its `when:`: the questionnaire is what a consultant
    reviews, and a question another answer switches off is still part of it. Those these answers do not
    ask carry `asked: false`."""
    from workbench.domain.answers import complete_answers
    from workbench.domain.conditions import applies

    full = complete_answers(playbook, answers)
    out = []
    for question in playbook.questions:
        item = question.model_dump(mode="json", by_alias=True, exclude_none=True)
        if not applies(question.when, full):
            item["asked"] = False
        out.append(item)
    return out


def run(args: argparse.Namespace) -> int:
    from workbench.domain.playbook import SECTIONS
    from workbench.domain.resolve import resolve
    from workbench.i18n import _

    playbook, answers, problems = load_with_answers(args.playbook, args.answers)
    errors = [p for p in problems if p.severity == "error"]
    if playbook is None or errors:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    data = resolve(playbook, answers).model_dump(mode="json", by_alias=True, exclude_none=True)
    data["questions"] = questionnaire(playbook, answers)
    if args.section:
        unknown = [s for s in args.section if s not in SECTIONS]
        if unknown:
            print(
                _("crmwb show: unknown section {section}; expected one of: {sections}").format(
                    section=repr(unknown[0]), sections=", ".join(f"`{s}`" for s in SECTIONS)
                ),
                file=sys.stderr,
            )
            return ExitCode.BAD_INPUT
        data = {key: data[key] for key in args.section}
    if args.format == "json":
        emit(json_text(data))
    else:
        import yaml

        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return ExitCode.OK
