"""`crmwb portfolio [--store URL] [DIR...]`: every engagement of the team, one row each.

The rows come from the use case `workbench.app.portfolio` (read-only: nothing is synced or written); this
module only sorts, filters and prints them as text, JSON, Markdown or an xlsx workbook, in the interface
language (`--lang` > $CRMWB_LANG > English: the portfolio spans clients of several languages). Exit 0, or
1 when some engagement could not be read (it is listed with its problem).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from workbench.app.portfolio_view import COLUMNS
from workbench.app.portfolio_view import cells as _cells
from workbench.cli.engagement_args import fail, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, add_output_argument, emit, json_text
from workbench.i18n import _

FORMATS = ("text", "json", "md", "xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from workbench.app.portfolio import FILTERS, SORTS

    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        metavar="DIR",
        help=_("engagement folders, or folders holding engagement folders one level down"),
    )
    parser.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help=_("also list the engagements of this PostgreSQL team store (no password in the URL)"),
    )
    parser.add_argument(
        "--sort", choices=SORTS, default="client", help=_("the column to sort by (default client)")
    )
    parser.add_argument("--desc", action="store_true", help=_("sort descending"))
    parser.add_argument(
        "--filter",
        choices=tuple(FILTERS),
        action="append",
        default=[],
        help=_(
            "keep only engagements with late tasks, blocked tasks, critical tasks at risk or "
            "KPIs off track (repeat to combine); engagements that cannot be read always show"
        ),
    )
    parser.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help=_("the day to judge lateness by")
    )
    add_format_argument(parser, FORMATS)
    add_output_argument(parser)


def text_table(rows) -> str:
    titles = [_(t) for _c, t in COLUMNS]
    body = [_cells(r) for r in rows]
    if not body:
        return _("No engagements to show.") + "\n"
    keep = [i for i in range(len(titles)) if i != len(titles) - 1 or any(b[i] for b in body)]
    widths = [min(28, max(len(titles[i]), *(len(b[i]) for b in body))) for i in keep]
    last = len(titles) - 1  # the problem is printed whole: it says what to fix

    def line(cells: list[str]) -> str:
        return "  ".join(
            (cells[i] if i == last else cells[i][:w]).ljust(w) for i, w in zip(keep, widths)
        ).rstrip()

    return "\n".join([line(titles), line(["-" * 40] * len(titles))] + [line(b) for b in body]) + "\n"


def md_table(rows) -> str:
    from workbench.writers.markdown import md_inline

    titles = [_(t) for _c, t in COLUMNS]
    out = [
        "# " + _("Portfolio"),
        "",
        "| " + " | ".join(md_inline(t) for t in titles) + " |",
        "|" + "---|" * len(titles),
    ]
    out += ["| " + " | ".join(str(md_inline(c)) for c in _cells(r)) + " |" for r in rows]
    if not rows:
        out += ["", _("No engagements to show.")]
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    from workbench.app.portfolio import build, keep, sort

    if args.format == "xlsx" and args.out is None:
        return fail("portfolio", _("{option} needs {out}").format(option="--format xlsx", out="--out FILE"))
    if not args.folders and not args.store:
        return fail("portfolio", _("give engagement folders (DIR...) or a team store (--store URL)"))
    if args.store:
        from workbench.store.choose import store_address_problems

        problems = store_address_problems(args.store)
        if problems:
            return fail("portfolio", problems[0])
    portfolio = build(args.folders, args.store, args.today or date.today())
    rows = sort(keep(portfolio.rows, args.filter), args.sort, args.desc)
    if args.format == "json":
        emit(
            json_text(
                {
                    "today": portfolio.today.isoformat(),
                    "sort": args.sort,
                    "filter": args.filter,
                    "engagements": [r.to_dict() for r in rows],
                }
            ),
            args.out,
        )
    elif args.format == "md":
        emit(md_table(rows), args.out)
    elif args.format == "xlsx":
        import sys

        from workbench.writers.atomic import atomic_path
        from workbench.writers.portfolio_xlsx import write

        with atomic_path(args.out) as tmp:
            write(rows, [_(t) for _c, t in COLUMNS], tmp)
        print(_("wrote {path}").format(path=args.out), file=sys.stderr)
    else:
        emit(text_table(rows), args.out)
    return ExitCode.FINDINGS if any(r.problem and r.percent is None for r in portfolio.rows) else ExitCode.OK
