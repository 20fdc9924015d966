"""`crmwb audit DESIGN --from TARGET FILE-OR-DIR`: does the live CRM grant what the design says?

The design is projected onto the target first (what the CRM can express), the live export is read in
playbook terms, and the two are compared: rights beyond the design are errors, rights missing warnings,
unknown roles and objects errors. With `--decisions` it reads recertification checklists back instead
(or as well): see the epilog.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.cli.output import add_format_argument, add_output_argument, emit, json_text
from workbench.domain.fixed_ids import crm_target_list
from workbench.i18n import _, ngettext

if TYPE_CHECKING:  # keep `crmwb --help` free of pydantic
    from workbench.cli.audit_decisions import Outcome
    from workbench.domain.playbook import Playbook

FORMATS = ("table", "json", "sarif", "xlsx", "md")
EPILOG = """\
modes:
  --from TARGET PATH        drift audit: compare the live export at PATH with the design
  --decisions FILE...       recertification: read the reviewers' checklists (from `crmwb recertify`) and
                            print the change plan: each revoke/change, what to narrow in the design and,
                            with --target, in the CRM (CRM role/object names, level before -> after)
  both                      the change plan, then the audit of the live CRM against the design *after* the
                            decisions: exit 0 once the CRM carries out the recertification
  (--decisions takes every file after it: put ENGAGEMENT-OR-PLAYBOOK before it)

exit codes:
  0  clean (no drift; with --decisions alone: every right kept)
  1  drift found (with --decisions alone: rights to revoke or change, or rights still undecided)
  2  the design, the live export or a checklist could not be read (every problem printed, located), or
     bad usage

formats: table (terminal), json, sarif (SARIF 2.1.0 for CI code scanning), md and xlsx (needs --out);
--out FILE writes there instead of standard output. With --decisions alone only table and json apply.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "design",
        metavar="ENGAGEMENT-OR-PLAYBOOK",
        help=_("an engagement folder, a bundled playbook id or a playbook .yaml"),
    )
    parser.add_argument(
        "--answers", type=Path, metavar="FILE", help=_("intake answers (with a playbook only)")
    )
    parser.add_argument(
        "--from",
        dest="source",
        nargs=2,
        metavar=("TARGET", "FILE-OR-DIR"),
        help=_("the CRM ({targets}) and its exported permissions, in the formats {command} writes").format(
            targets=crm_target_list(), command="`crmwb crm-export`"
        ),
    )
    parser.add_argument(
        "--decisions",
        nargs="+",
        type=Path,
        metavar="CHECKLIST.xlsx",
        help=_("returned recertification checklists to turn into a change plan"),
    )
    parser.add_argument(
        "--target",
        metavar="TARGET",
        help=_(
            "with --decisions: name the CRM steps for this target (a name, a comma list "
            "or all; default: the --from target)"
        ),
    )
    add_format_argument(parser, FORMATS)
    add_output_argument(parser)


def fail(message: str) -> int:
    print(_("crmwb audit: error: {message}").format(message=message), file=sys.stderr)
    return ExitCode.BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.cli.output import print_problems

    if args.source is None and not args.decisions:
        return fail(
            _("nothing to audit: give {source}, {decisions} or both").format(
                source="--from TARGET FILE-OR-DIR", decisions="--decisions CHECKLIST.xlsx..."
            )
        )
    if args.format == "xlsx" and args.out is None:
        return fail(_("{option} needs {out}").format(option="--format xlsx", out="--out FILE"))
    if args.source is None and args.format in ("sarif", "xlsx", "md"):
        return fail(
            _("{option} is for the drift audit; add {source}, or use table or json").format(
                option=f"--format {args.format}", source="--from"
            )
        )
    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb audit: warning: {message}").format(message=warning), file=sys.stderr)
    pb, label, plan_doc = design.playbook, design.label, None
    if args.decisions:
        from workbench.cli.audit_decisions import decide

        outcome = decide(pb, args.decisions, args.target or (args.source[0] if args.source else None))
        if outcome.code == ExitCode.BAD_INPUT:
            return ExitCode.BAD_INPUT
        if args.source is None:
            return guarded(lambda: emit_plan(outcome, args), args.out)
        pb, plan_doc = outcome.playbook, outcome
        label = ngettext(
            "{label} after {n} recertification change",
            "{label} after {n} recertification changes",
            len(outcome.plan.changes),
        ).format(label=label, n=num(len(outcome.plan.changes)))
    return guarded(lambda: audit(pb, label, args, plan_doc), args.out)


def guarded(step, out: Path | None) -> int:
    """Run an output step; a report that cannot be written is a located error (exit 2), not a crash."""
    try:
        return step()
    except OSError as exc:
        return fail(_("cannot write {file}: {reason}").format(file=out or "-", reason=exc.strerror or exc))


def emit_plan(outcome: Outcome, args: argparse.Namespace) -> int:
    text = json_text(outcome.to_dict()) if args.format == "json" else "\n".join(outcome.lines) + "\n"
    emit(text, args.out)
    return outcome.code


def audit(pb: Playbook, label: str, args: argparse.Namespace, plan_doc: Outcome | None) -> int:
    """Project, read, compare, report; exit 0 clean, 1 drift, 2 unreadable."""
    from workbench.app.audit import drift_audit
    from workbench.cli.output import print_problems
    from workbench.crm_adapters.registry import UnknownTarget

    target, source = args.source[0], Path(args.source[1])
    try:
        result = drift_audit(pb, label, target, source)
    except UnknownTarget as exc:
        return fail(str(exc))
    problems, report = result.problems, result.report
    if report is None:
        print_problems(problems)
        if any(p.code == "missing" for p in problems):
            return ExitCode.BAD_INPUT
        errors = [p for p in problems if p.severity == "error"]
        print(
            ngettext(
                "crmwb audit: could not read {source} as a {target} export ({n} error); nothing was compared",
                "crmwb audit: could not read {source} as a {target} export ({n} errors); "
                "nothing was compared",
                len(errors),
            ).format(source=source, target=target, n=num(len(errors))),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    print_problems(problems)  # warnings: read, but the reader wants them seen
    if args.format == "xlsx":
        from workbench.app.audit_save import save_audit

        save_audit(result, "xlsx", args.out)
        print(_("wrote {path}").format(path=args.out), file=sys.stderr)
    elif args.format in ("sarif", "md") or (args.format == "json" and plan_doc is None):
        from workbench.app.audit_save import audit_text

        emit(audit_text(report, args.format, result.designed_grants), args.out)
    elif args.format == "json":
        assert plan_doc is not None  # the other JSON is the line above
        emit(json_text({"recertification": plan_doc.to_dict(), "audit": report.to_dict()}), args.out)
    else:
        from workbench.cli.audit_output import drift_lines

        lead = "\n".join(plan_doc.lines) + "\n\n" if plan_doc is not None else ""
        emit(lead + "\n".join(drift_lines(report, result.designed_grants)) + "\n", args.out)
    return ExitCode.findings_if(not report.clean)
