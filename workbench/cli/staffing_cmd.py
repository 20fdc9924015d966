"""`crmwb staffing DIR | PLAYBOOK --answers FILE [--lang] [--format text|json|md]`: how to staff the CRM
function (team, time, seniority, inside or outside hire, placement, manager and analyst), every
recommendation with the answers behind it, and the staffing risks. DIR is an engagement folder (read only).
Exit 0 with a report; 2 when the folder, the playbook or the answers are wrong. The report is
app.advice's, which the TUI shows too."""

from __future__ import annotations

import argparse
import sys

from workbench.cli.advice_args import add_advice_arguments, load_for_advice
from workbench.cli.exit_codes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_advice_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.app.advice import staffing_advice
    from workbench.domain.readiness import SITUATIONS
    from workbench.domain.staffing import INPUTS

    loaded = load_for_advice(args, "staffing", INPUTS + SITUATIONS)
    if loaded is None:
        return ExitCode.BAD_INPUT
    playbook, answers, client = loaded
    sys.stdout.write(staffing_advice(playbook, answers, client, args.lang).render(args.format))
    return ExitCode.OK
