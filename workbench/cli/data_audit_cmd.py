"""`crmwb data-audit FILE --object contact|account|lead`: how clean is a legacy customer export before it is
migrated — completeness per required field, invalid phones, e-mails and dates, duplicate clusters with a
survivor proposal — and `crmwb data-audit --reconcile SOURCE TARGET --key COLUMN` after a trial or final
load: what is missing, extra or altered in the CRM's export. The input files are only read.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.engagement_args import add_author_argument, fail, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import N_, _, current_language

if TYPE_CHECKING:
    from workbench.app.data_audit import KpiOutcome

EPILOG = (
    N_("exit codes:"),
    N_("clean: no invalid value, no duplicate (with --reconcile: no difference)"),
    N_("invalid values or duplicates found (with --reconcile: records missing, extra or altered)"),
    N_(
        "a file could not be read or no column was recognised "
        "(file:line:col: what is wrong; what was expected)"
    ),
)
"""the exit codes 0, 1 and 2 after their heading, translated when the parser is built"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    heading, *codes = (_(line) for line in EPILOG)
    parser.epilog = "\n".join([heading, *(f"  {n}  {text}" for n, text in enumerate(codes))]) + "\n"
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "source",
        type=Path,
        metavar="FILE",
        nargs="?",
        help=_("the legacy export: CSV (UTF-8, cp1251 or cp1256) or xlsx"),
    )
    parser.add_argument(
        "--object",
        choices=("contact", "account", "lead"),
        default="contact",
        help=_("what the rows are (decides the required fields; default contact)"),
    )
    parser.add_argument(
        "--mapping",
        type=Path,
        metavar="MAPPING.xlsx",
        help=_("legacy column -> field (column A, column B), instead of recognising the headers"),
    )
    parser.add_argument(
        "--engagement",
        dest="folder",
        type=Path,
        metavar="DIR",
        help=_(
            "record the duplicate rate and completeness as the engagement's KPI values, require the "
            "fields its playbook requires of the object; its country is the default region of phone numbers "
            "(with --reconcile too)"
        ),
    )
    parser.add_argument(
        "--region",
        metavar="CC",
        help=_(
            "country of phone numbers written without a country code (default: the "
            "engagement's country, else IR in Persian, RU in Russian)"
        ),
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=_("the CSV's encoding: utf-8, cp1251 or cp1256 (default: detected)"),
    )
    parser.add_argument(
        "--reconcile",
        nargs=2,
        type=Path,
        metavar=("SOURCE", "TARGET"),
        help=_("compare the legacy export SOURCE with the CRM's export TARGET after a load"),
    )
    parser.add_argument(
        "--key",
        action="append",
        metavar="COLUMN",
        help=_("with --reconcile: the column(s) that identify a record (repeat, or separate with commas)"),
    )
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="FILE",
        help=_("write the result to FILE: an .xlsx workbook, else the --format output"),
    )
    add_author_argument(parser)
    add_format_argument(parser, ("text", "json", "md"))


def run(args: argparse.Namespace) -> int:
    from workbench.loading.legacy_table import LegacyReadError

    try:
        if args.reconcile:
            return _reconcile(args)
        if args.source is None:
            return fail(
                "data-audit",
                _("give the export FILE, or {option}").format(option="--reconcile SOURCE TARGET"),
            )
        return _audit(args)
    except LegacyReadError as exc:
        print(str(exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except (
        OSError,
        sqlite3.Error,
    ) as exc:  # an unwritable --out, a full disk, a store refusing the KPI values
        return fail("data-audit", _("nothing more was written: {reason}").format(reason=exc))


def _region(args: argparse.Namespace, opened: Any) -> str:
    from workbench.app.data_audit import default_region, engagement_region

    if args.region:
        return str(args.region).upper()
    return engagement_region(opened, current_language()) if opened else default_region(current_language())


def _audit(args: argparse.Namespace) -> int:
    from workbench.app.data_audit import audit_file, playbook_requirements

    opened = None
    if args.folder is not None:
        opened = open_or_report(args.folder, args.author, "data-audit")
        if opened is None:
            return ExitCode.BAD_INPUT
    try:
        required = playbook_requirements(opened, args.object) if opened else None
        result = audit_file(
            args.source, args.object, _region(args, opened), args.mapping, args.encoding, required
        )
        outcomes = _record(opened, result, args.author) if opened else []
    finally:
        if opened:
            opened.close()
    _render(args, result, outcomes)
    return ExitCode.FINDINGS if result.invalid or result.clusters else ExitCode.OK


def _record(opened: Any, result: Any, author: str | None) -> list[KpiOutcome]:
    from workbench.app.data_audit import record_audit_kpis

    outcomes = record_audit_kpis(opened, result, date.today(), author)
    for outcome in outcomes:
        if not outcome.recorded:
            print(
                _("crmwb data-audit: warning: {kpi} not recorded: {reason}").format(
                    kpi=outcome.kpi, reason=outcome.why_not
                ),
                file=sys.stderr,
            )
    return outcomes


def _render(args: argparse.Namespace, result: Any, outcomes: list[KpiOutcome]) -> None:
    from workbench.app.data_audit_report import audit_json, audit_summary

    if args.out is not None and args.out.suffix.lower() == ".xlsx":
        from workbench.writers.data_audit_xlsx import write_audit

        write_audit(result, args.out)
        print(_("wrote {path}").format(path=args.out), file=sys.stderr)
        out = None
    else:
        out = args.out
    if args.format == "json":
        emit(audit_json(result, outcomes), out)
    else:
        emit(audit_summary(result, outcomes, md=args.format == "md"), out)


def _reconcile_region(args: argparse.Namespace) -> str | None:
    """--region, else the country of --engagement's client (as the audit takes it), else the language's
    default; None when the engagement cannot be opened (reported)."""
    if args.region or args.folder is None:
        return _region(args, None)
    opened = open_or_report(args.folder, args.author, "data-audit")
    if opened is None:
        return None
    try:
        return _region(args, opened)
    finally:
        opened.close()


def _keys(args: argparse.Namespace) -> list[str]:
    return [k.strip() for item in args.key or () for k in item.split(",") if k.strip()]


def _reconcile(args: argparse.Namespace) -> int:
    from workbench.app.data_audit import reconcile_files

    keys = _keys(args)
    if not keys:
        return fail(
            "data-audit",
            _("{option} needs {key}; expected the column(s) that identify a record").format(
                option="--reconcile", key="--key COLUMN"
            ),
        )
    source, target = args.reconcile
    region = _reconcile_region(args)
    if region is None:
        return ExitCode.BAD_INPUT
    result = reconcile_files(source, target, keys, region, args.encoding)
    if args.out is not None and args.out.suffix.lower() == ".xlsx":
        from workbench.writers.data_audit_xlsx import write_reconciliation

        write_reconciliation(result, args.out)
        print(_("wrote {path}").format(path=args.out), file=sys.stderr)
        out = None
    else:
        out = args.out
    if args.format == "json":
        emit(json_text(result.to_dict()), out)
    else:
        from workbench.writers.data_audit_text import reconcile_text

        emit(reconcile_text(result, md=args.format == "md"), out)
    return ExitCode.FINDINGS if result.differences else ExitCode.OK
