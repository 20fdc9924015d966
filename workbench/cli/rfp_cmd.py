"""`crmwb rfp pack PLAYBOOK-OR-ENGAGEMENT --out DIR`: write the vendor pack -- rfp.docx (the request for
proposal procurement sends), rfp.xlsx (the requirements vendors answer), rfp.md and rfp.html -- exactly as
`crmwb export --only rfp` does.

`crmwb rfp score FILLED.xlsx...`: rank vendors from their filled-in RFP workbooks.

`crmwb rfp evaluate VENDORS-DIR`: the evaluation beyond fit -- price, demo, references, knock-outs,
weights and sensitivity (cli/rfp_evaluate.py).

Each workbook carries its own requirement list (id, module, priority, weight), so no playbook is needed.
Exit codes: 0 every file read cleanly, 1 scored but something could not be read (listed), 2 a file could
not be scored at all (named; the others are still ranked) or bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli import rfp_evaluate
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num, pct1
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _, ngettext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    score = actions.add_parser(
        "score",
        help=_("rank vendors from filled-in rfp.xlsx workbooks"),
        description=_(
            "Rank vendors from filled-in rfp.xlsx workbooks: fewest missed "
            "Must-haves first, then the highest weighted score. Exit 0 ok, 1 some cells "
            "could not be read, 2 a file could not be scored."
        ),
    )
    score.add_argument("files", nargs="+", type=Path, metavar="FILLED.xlsx", help=_("vendor workbooks"))
    add_format_argument(score)
    from workbench.cli import export_cmd

    pack = actions.add_parser(
        "pack",
        help=_("write the RFP pack: rfp.docx, rfp.xlsx, rfp.md and rfp.html"),
        description=_(
            "Write the vendor pack: the request for proposal as a Word document (rfp.docx), the "
            "requirements workbook vendors answer (rfp.xlsx), and rfp.md and rfp.html to read; in the "
            "engagement's language. Only answers the playbook marks vendor-visible appear in it."
        ),
    )
    export_cmd.add_arguments(pack, choose_deliverables=False)
    rfp_evaluate.add_arguments(actions)


def run(args: argparse.Namespace) -> int:
    if args.action == "pack":
        from workbench.cli import export_cmd

        args.only = "rfp,vendor-forms"
        return export_cmd.run(args)
    if args.action == "evaluate":
        return rfp_evaluate.run(args)
    return _score(args)


def _score(args: argparse.Namespace) -> int:
    from workbench.domain.rfp import rank, score_vendor
    from workbench.loading.rfp_responses import RfpReadError, list_mismatches, read_responses

    books, errors = [], []
    for path in args.files:
        try:
            books.append(read_responses(path))
        except RfpReadError as exc:
            errors.append(str(exc))
    problems = [p for book in books for p in book.problems] + list_mismatches(books)
    pairs = {
        id(s): (s, book)
        for book in books
        for s in [score_vendor(book.vendor, book.requirements, book.responses)]
    }
    ranking = [pairs[id(s)] for s in rank([s for s, _ in pairs.values()])]
    if args.format == "json":
        emit(json_text(_as_json(ranking, problems, errors)))
    else:
        _print_text(ranking, problems)
    for error in errors:
        print(f"crmwb rfp score: {error}", file=sys.stderr)
    return ExitCode.BAD_INPUT if errors else ExitCode.findings_if(bool(problems))


def _print_text(ranking, problems) -> None:
    if ranking:
        print(
            ngettext(
                "RFP ranking of {n} vendor: fewest missed must-haves first, then weighted score",
                "RFP ranking of {n} vendors: fewest missed must-haves first, then weighted score",
                len(ranking),
            ).format(n=num(len(ranking)))
        )
        width = max(len(s.vendor) for s, _book in ranking)
        print(
            f"{'#':>3}  {_('Vendor'):<{width}}  {_('Score'):>6}  {_('Musts missed'):>12}  "
            f"{_('Unanswered'):>10}  "
            f"{_('File')}"
        )
        for place, (s, book) in enumerate(ranking, start=1):
            print(
                f"{num(place):>3}  {s.vendor:<{width}}  {pct1(s.total):>6}  "
                f"{num(len(s.musts_missed)):>12}  "
                f"{num(len(s.unanswered)):>10}  {book.path.name}"
            )
        print()
        for s, _book in ranking:
            modules = ", ".join(f"{m} {pct1(v)}" for m, v in s.by_module.items()) or _(
                "no scored requirements"
            )
            print(f"{s.vendor}: {modules}")
            if s.musts_missed:
                print("  " + _("must-haves missed: {ids}").format(ids=", ".join(s.musts_missed)))
    if problems:
        print("\n" + _("Problems reading the workbooks ({n}):").format(n=num(len(problems))))
        for problem in problems:
            print(f"  {problem}")


def _as_json(ranking, problems, errors) -> dict:
    return {
        "ranking": [
            {
                "rank": place,
                "vendor": s.vendor,
                "file": str(book.path),
                "total": s.total,
                "by_module": s.by_module,
                "musts_missed": s.musts_missed,
                "unanswered": s.unanswered,
                "unreadable": s.unreadable,
            }
            for place, (s, book) in enumerate(ranking, start=1)
        ],
        "problems": [{"file": p.file, "cell": p.cell, "message": p.message} for p in problems],
        "errors": errors,
    }
