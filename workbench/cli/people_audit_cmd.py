"""`crmwb people-audit DIR --crm NAME --users FILE...`: the engagement's people against a CRM's users.

The role audit (`crmwb audit`) compares role definitions; this one asks about people: accounts of staff
who left, logins nobody owns or everybody shares, roles held beyond the person's designed role, toxic
combinations two roles make together, more administrators than the design allows. The roster comes from
`crmwb roster DIR import`; the findings from domain/people_audit.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.cli.output import add_format_argument, add_output_argument, emit, json_text
from workbench.domain.fixed_ids import crm_targets
from workbench.i18n import N_, _, ngettext
from workbench.store.engagement_file import is_engagement

FORMATS = ("table", "json", "sarif", "xlsx")
EPILOG = """\
user exports (files in any order, or a folder of them; CSV or JSON):
  salesforce  Data Loader CSVs of User (Username, Email, IsActive, Profile.Name ...) and
              PermissionSetAssignment (AssigneeId, PermissionSet.Name)
  dynamics    Web API JSON of systemusers (with systemuserroles_association expanded), or systemusers
              + systemuserroles + roles
  odoo        res.users (login, active, groups_id) from the Export dialog or JSON-RPC, [res.groups]
  espocrm     GET /api/v1/User (userName, isActive, type, rolesNames) or the list view's CSV
  suitecrm    Users (user_name, status, is_admin) and acl_roles_users (user_name, role name)

recertification of people:
  --recertify DIR           one checklist per manager: their people's roles in the CRM, keep/revoke/change
  --decisions FILE...       the returned checklists as the CRM change plan; with --users, the re-audit
                            against the roster as the decisions leave it (exit 0 once the CRM carries it out)

exit codes: 0 clean, 1 findings (or changes/undecided rows with --decisions alone), 2 the roster, an export
or a checklist could not be read (every problem located)
"""
KIND_WORDS = {
    "left-enabled": N_("left, enabled"),
    "no-person": N_("no person"),
    "shared-login": N_("shared login"),
    "toxic-combination": N_("toxic combination"),
    "beyond-role": N_("beyond role"),
    "too-many-admins": N_("too many admins"),
    "unknown-role": N_("unknown role"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "folder", metavar="ENGAGEMENT", help=_("the engagement folder (its roster.yaml and design)")
    )
    parser.add_argument(
        "--crm", required=True, choices=crm_targets(), help=_("the CRM the user export is from")
    )
    parser.add_argument(
        "--users",
        nargs="+",
        type=Path,
        metavar="FILE-OR-DIR",
        help=_("the CRM's user export files (see below)"),
    )
    parser.add_argument(
        "--recertify",
        type=Path,
        metavar="DIR",
        help=_("write one review checklist per manager (their people's roles in the CRM) into DIR"),
    )
    parser.add_argument(
        "--decisions",
        nargs="+",
        type=Path,
        metavar="CHECKLIST.xlsx",
        help=_(
            "returned manager checklists: print the CRM change plan; with --users, audit the export "
            "against the roster as the decisions leave it (put --decisions last)"
        ),
    )
    add_format_argument(parser, FORMATS)
    add_output_argument(parser)


def fail(message: str) -> int:
    print(_("crmwb people-audit: error: {message}").format(message=message), file=sys.stderr)
    return ExitCode.BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from workbench.app.design import load_design
    from workbench.app.people_audit import people_audit
    from workbench.cli.output import print_problems

    if args.format == "xlsx" and args.out is None:
        return fail(_("{option} needs {out}").format(option="--format xlsx", out="--out FILE"))
    folder = Path(args.folder)
    if not is_engagement(folder):
        return fail(
            _("{folder} is not an engagement folder; expected the folder {command} made").format(
                folder=folder, command="`crmwb new`"
            )
        )
    if args.users is None and not args.decisions:
        return fail(
            _("nothing to audit: give {users}, {decisions} or both").format(
                users="--users FILE...", decisions="--decisions CHECKLIST.xlsx..."
            )
        )
    from workbench.crm_adapters.registry import user_targets

    readers = user_targets()
    if args.crm not in readers:
        return fail(
            _("no user export reader for {target}; expected one of: {targets}").format(
                target=args.crm, targets=", ".join(readers)
            )
        )
    design, problems = load_design(str(folder), None)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    if args.recertify is not None:
        return recertify(design, folder, args)
    roster, lead = None, None
    if args.decisions:
        from workbench.app.people_audit import people_decisions

        outcome = people_decisions(design.playbook, folder, args.crm, list(args.decisions))
        print_problems(outcome.problems)
        if outcome.plan is None:
            return ExitCode.BAD_INPUT
        if args.users is None:
            emit(
                json_text(outcome.plan.to_dict())
                if args.format == "json"
                else "\n".join(plan_lines(outcome.plan)) + "\n",
                args.out,
            )
            return ExitCode.findings_if(bool(outcome.plan.changes or outcome.plan.undecided))
        roster, lead = outcome.roster, outcome.plan
    result = people_audit(design.playbook, design.label, folder, args.crm, list(args.users), roster)
    print_problems(result.problems)
    if result.report is None:
        return ExitCode.BAD_INPUT
    try:
        render(result.report, args, lead)
    except OSError as exc:
        return fail(
            _("cannot write {file}: {reason}").format(file=args.out or "-", reason=exc.strerror or exc)
        )
    return ExitCode.findings_if(not result.report.clean or bool(lead and lead.undecided))


def recertify(design, folder: Path, args: argparse.Namespace) -> int:
    from workbench.app.people_audit import people_review
    from workbench.cli.local import lang
    from workbench.cli.output import print_problems

    if args.users is None:
        return fail(_("{option} needs {users}").format(option="--recertify", users="--users FILE..."))
    if args.recertify.exists() and not args.recertify.is_dir():
        return fail(_("{path} is a file; expected a folder for the checklists").format(path=args.recertify))
    review = people_review(
        design.playbook, design.label, folder, args.crm, list(args.users), args.recertify, lang()
    )
    print_problems(review.problems)
    if any(p.severity == "error" for p in review.problems):
        return ExitCode.BAD_INPUT
    print(
        ngettext(
            "wrote {n} checklist into {folder}", "wrote {n} checklists into {folder}", len(review.paths)
        ).format(n=num(len(review.paths)), folder=args.recertify)
    )
    for path in review.paths:
        print(f"  {path.name}")
    return ExitCode.OK


def plan_lines(plan) -> list[str]:
    from workbench.cli.audit_output import table

    out = [
        _(
            "recertification decisions: {changes} change(s) in the CRM, {kept} kept, {undecided} undecided"
        ).format(changes=num(len(plan.changes)), kept=num(plan.kept), undecided=num(len(plan.undecided)))
    ]
    if plan.changes:
        words = {"remove": _("remove"), "add": _("add")}
        out += table(
            (_("step"), _("account"), _("CRM role"), _("role"), _("person"), _("manager"), _("comment")),
            (
                (words[c.action], c.account, c.crm_role, c.role, c.person, c.manager, c.comment)
                for c in plan.changes
            ),
        )
    for d in plan.undecided[:20]:
        out.append(
            _("undecided: {file}:{row}: {account} {role}").format(
                file=d.file, row=num(d.row), account=d.account, role=d.role
            )
        )
    return out


def render(report, args: argparse.Namespace, lead=None) -> None:
    from workbench import __version__

    if args.format == "xlsx":
        from workbench.writers.atomic import atomic_path
        from workbench.writers.people_xlsx import write

        with atomic_path(args.out) as tmp:
            write(report, tmp)
        print(_("wrote {path}").format(path=args.out), file=sys.stderr)
    elif args.format == "sarif":
        from workbench.writers.people_sarif import dumps

        emit(dumps(report, __version__), args.out)
    elif args.format == "json":
        doc = report.to_dict()
        emit(json_text(doc if lead is None else {"recertification": lead.to_dict(), "audit": doc}), args.out)
    else:
        head = "\n".join(plan_lines(lead)) + "\n\n" if lead is not None else ""
        emit(head + "\n".join(lines(report)) + "\n", args.out)


def lines(report) -> list[str]:
    from workbench.cli.audit_output import table
    from workbench.cli.local import num
    from workbench.domain.vocabulary import severity_label

    out = [
        _("people audit of {source} ({target}) against the roster and the {design}").format(
            source=", ".join(report.sources), target=report.target, design=report.design
        )
    ]
    summary = _("{accounts} accounts, {enabled} enabled, {matched} matched to {people} people").format(
        accounts=num(report.accounts),
        enabled=num(report.enabled),
        matched=num(report.matched),
        people=num(report.people),
    )
    if report.clean:
        return out + [_("clean: {summary}").format(summary=summary)]
    out += table(
        (_("severity"), _("kind"), _("person"), _("account"), _("evidence"), _("fix")),
        (
            (severity_label(f.severity), _(KIND_WORDS[f.kind]), f.person, f.account, f.evidence, f.fix)
            for f in report.findings
        ),
    )
    counts = report.counts()
    out.append(
        ngettext(
            "{n} finding: {errors} error(s), {warnings} warning(s); {summary}",
            "{n} findings: {errors} error(s), {warnings} warning(s); {summary}",
            len(report.findings),
        ).format(
            n=num(len(report.findings)),
            errors=num(counts["errors"]),
            warnings=num(counts["warnings"]),
            summary=summary,
        )
    )
    return out
