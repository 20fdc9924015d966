"""`crmwb rfp evaluate VENDORS-DIR`: the vendor evaluation beyond functional fit (see
app/vendor_evaluation.py), for `crmwb rfp`. Prints the ranking and the weight that flips first place, and
writes evaluation.xlsx, evaluation.md and evaluation.html (default: into VENDORS-DIR, beside the vendor
folders). Exit 0 done, 1 done but some cells of a requirements workbook could not be read (listed), 2 a
file is unusable (every problem located) and nothing was written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import N_, _

LAYOUT = N_("""\
VENDORS-DIR holds one folder per vendor (the folder's name is the vendor's name):
  Acme CRM/rfp.xlsx                   the filled requirements workbook
  Acme CRM/commercial-form.xlsx       the filled commercial form
  Acme CRM/demo-scorecard-*.xlsx      one demo scorecard per evaluator
  Acme CRM/reference-check-*.xlsx     one per reference call (optional)
The blank forms come with `crmwb rfp pack`.""")


def add_arguments(actions) -> None:
    evaluate = actions.add_parser(
        "evaluate",
        help=_("evaluate vendors: fit, price (TCO), demo, references; ranking and sensitivity"),
        description=_(
            "Evaluate the vendors' returned packs: functional fit from rfp.xlsx, price as total cost "
            "of ownership (lowest = 100), the demo from several evaluators' scorecards (reconciled, outliers "
            "flagged) and the reference checks, each 0-100; a vendor missing a Must is knocked out "
            "(shown, not ranked); weighted total with the client's weights and the weight change "
            "that flips first place. "
            "Writes evaluation.xlsx (with a chart), evaluation.md and evaluation.html in the client's "
            "language."
        ),
        epilog=_(LAYOUT),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("vendors", type=Path, metavar="VENDORS-DIR", help=_("one folder per vendor"))
    evaluate.add_argument(
        "--engagement",
        dest="folder",
        type=Path,
        metavar="DIR",
        help=_(
            "the engagement: its playbook's weights and its language (default: the core playbook's weights)"
        ),
    )
    evaluate.add_argument(
        "--weights",
        metavar="fit=N,price=N,demo=N,references=N",
        help=_(
            "override weights in points (they must add up to 100; criteria not named keep the playbook's)"
        ),
    )
    evaluate.add_argument(
        "--horizon", type=int, choices=(3, 5), default=5, help=_("TCO horizon in years (default 5)")
    )
    evaluate.add_argument(
        "--out", type=Path, metavar="DIR", help=_("where the evaluation files go (default VENDORS-DIR)")
    )
    add_format_argument(evaluate, ("text", "json", "md"))


def run(args: argparse.Namespace) -> int:
    from workbench.app.vendor_evaluation import (
        EvaluationInputError,
        playbook_weights,
        run_evaluation,
        write_outputs,
    )
    from workbench.domain.evaluation_weights import parse_weights

    try:
        weights = playbook_weights(args.folder)
        if args.weights:
            weights = parse_weights(args.weights, weights)
        evaluated = run_evaluation(args.vendors, weights, args.horizon)
        written = write_outputs(evaluated.summary, args.out or args.vendors)
    except EvaluationInputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(_("crmwb rfp evaluate: nothing was written"), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except ValueError as exc:  # --weights that cannot be read or do not add up to 100
        print(
            _("crmwb rfp evaluate: error: --weights: {message}").format(message=_first_line(exc)),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    summary = evaluated.summary
    if args.format == "json":
        emit(json_text({**summary.as_json(), "files": [str(p) for p in written]}))
    elif args.format == "md":
        from workbench.writers.evaluation_text import markdown

        emit(markdown(summary))
    else:
        _print_text(summary, written)
    return ExitCode.findings_if(bool(evaluated.warnings))


def _first_line(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):  # pydantic: the validator's own message, without the model's framing
        return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors())
    return str(exc)


def _print_text(summary, written: list[Path]) -> None:
    from workbench.writers.evaluation_tables import headline, tables
    from workbench.writers.evaluation_text import shown

    for line in headline(summary):
        print(line)
    for table in tables(summary):
        if table.key not in ("summary", "outliers", "sensitivity") or not table.rows:
            continue
        print("\n" + table.title)
        lines = [list(table.columns), *([shown(v) for v in row] for row in table.rows)]
        widths = [max(len(line[i]) for line in lines) for i in range(len(table.columns))]
        for line in lines:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    if summary.notes:
        print("\n" + _("Notes ({n}):").format(n=shown(len(summary.notes))))
        for note in summary.notes:
            print(f"  {note}")
    print("\n" + _("Written: {files}").format(files=", ".join(str(p) for p in written)))
