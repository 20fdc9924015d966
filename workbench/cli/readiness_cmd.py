"""`crmwb readiness DIR | PLAYBOOK --answers FILE [--lang] [--format text|json|md]`: does the client need a
CRM now, do they need a dedicated CRM manager, why, and what to do first. DIR is an engagement folder (read
only; its state store is not touched). Exit 0 with a report; 2 when the folder, the playbook or the answers
are wrong (every problem printed with file:line:col). The report is app.advice's, which the TUI shows too."""

from __future__ import annotations

import argparse
import sys

from workbench.cli.advice_args import add_advice_arguments, load_for_advice
from workbench.cli.exit_codes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_advice_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.app.advice import readiness_advice
    from workbench.domain import readiness as r

    loaded = load_for_advice(args, "readiness", r.SIGNS + r.SITUATIONS)
    if loaded is None:
        return ExitCode.BAD_INPUT
    playbook, answers, client = loaded
    sys.stdout.write(readiness_advice(playbook, answers, client, args.lang).render(args.format))
    return ExitCode.OK
