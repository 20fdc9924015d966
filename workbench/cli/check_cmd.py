"""`crmwb check PLAYBOOK-OR-ENGAGEMENT [--answers FILE]`: the governance findings on the roles, permissions,
RACI and RFP of a playbook as it applies to a client (an engagement folder brings its own answers and RFP
overrides); exit 1 when any finding is an error (for CI), 2 on bad input."""

from __future__ import annotations

import argparse
import sys

from workbench.app.design import load_design
from workbench.cli.design_source import add_design_arguments
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import digits, num
from workbench.cli.output import add_format_argument, emit, json_text, print_problems
from workbench.i18n import N_, _, ngettext

SEVERITIES = ("error", "warning", "info")
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_design_arguments(parser)
    add_format_argument(parser)


def _where(finding) -> str:
    where = "/".join(p for p in (finding.role, finding.object, finding.action) if p)
    if finding.task:
        where = f"{where} {finding.task}".strip()
    return where or _("playbook")


def summary_line(findings: list) -> str:
    count = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    parts = [
        ngettext("{n} error", "{n} errors", count["error"]),
        ngettext("{n} warning", "{n} warnings", count["warning"]),
        ngettext("{n} note", "{n} notes", count["info"]),
    ]
    return ", ".join(part.format(n=num(count[s])) for part, s in zip(parts, SEVERITIES))


def _workload(design) -> list:
    """R/A load against each part-time role's share, on the plan the client's answers give (from the
    engagement's start date, or today for a playbook: the weeks differ, the load does not)."""
    from datetime import date

    from workbench.domain.plan import plan_for
    from workbench.domain.workload import overload_findings

    try:
        plan = plan_for(design.playbook, design.answers, design.start or date.today())
    except ValueError:
        return []  # a plan that cannot be scheduled is reported by `crmwb validate`, not here
    return overload_findings(design.playbook, plan)


def _must_capacity(design) -> list:
    """The Musts against what a small firm's budget and time can buy (domain/must_capacity.py)."""
    from workbench.domain.answers import complete_answers
    from workbench.domain.must_capacity import must_capacity_findings

    return must_capacity_findings(
        design.playbook, complete_answers(design.full or design.playbook, design.answers)
    )


def run(args: argparse.Namespace) -> int:
    from workbench.domain.governance import check_governance

    design, problems = load_design(args.playbook, args.answers)
    print_problems(problems)  # the problems that stop us, or loader warnings, on stderr
    if design is None:
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb check: warning: {message}").format(message=warning), file=sys.stderr)
    pb = design.playbook
    findings = check_governance(pb) + _must_capacity(design) + _workload(design)
    if args.format == "json":
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
        report = {
            "playbook": pb.id,
            "version": pb.version,
            "counts": counts,
            "findings": [f.to_dict() for f in findings],
        }
        emit(json_text(report))
    else:
        width = max((len(f.rule) for f in findings), default=0)
        sw = max([len(_(SEVERITY_WORDS[s])) for s in SEVERITIES] + [7])
        for f in findings:
            print(f"{_(SEVERITY_WORDS[f.severity]):<{sw}} {f.rule:<{width}} {_where(f)}: {digits(f.message)}")
            print(" " * (sw + 1) + _("fix: {fix}").format(fix=digits(f.fix)))
        print(f"{pb.id} {pb.version}: {summary_line(findings)}")
    return ExitCode.findings_if(any(f.severity == "error" for f in findings))
