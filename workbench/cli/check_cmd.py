"""`crmwb check PLAYBOOK [--answers FILE]`: the governance findings on the roles, permissions, RACI and RFP
of a playbook as it applies to a client; exit 1 when any finding is an error (for CI), 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli.common import add_playbook_arguments, load_with_answers
from workbench.cli.output import print_problems

SEVERITIES = ("error", "warning", "info")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_playbook_arguments(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (default) or json for scripts")


def _where(finding) -> str:
    where = "/".join(p for p in (finding.role, finding.object, finding.action) if p)
    if finding.task:
        where = f"{where} task {finding.task}".strip()
    return where or "playbook"


def summary_line(findings: list) -> str:
    count = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    return f"{count['error']} error(s), {count['warning']} warning(s), {count['info']} info"


def run(args: argparse.Namespace) -> int:
    from workbench.domain.governance import check_governance
    from workbench.domain.resolve import resolve

    playbook, answers, problems = load_with_answers(args.playbook, args.answers)
    if playbook is None or any(p.severity == "error" for p in problems):
        print_problems(problems)
        return 2
    print_problems(problems)  # loader warnings, if any, on stderr
    pb = resolve(playbook, answers)
    findings = check_governance(pb)
    if args.format == "json":
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
        report = {"playbook": pb.id, "version": pb.version, "counts": counts,
                  "findings": [f.to_dict() for f in findings]}
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(f.rule) for f in findings), default=0)
        for f in findings:
            print(f"{f.severity:<7} {f.rule:<{width}} {_where(f)}: {f.message}")
            print(f"        fix: {f.fix}")
        print(f"{pb.id} {pb.version}: {summary_line(findings)}")
    return 1 if any(f.severity == "error" for f in findings) else 0
