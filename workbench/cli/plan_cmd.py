"""`crmwb plan DIR show|baseline|baselines`: the plan re-forecast from what really happened, and baselines.

`show` prints every task's baseline finish next to its forecast finish and the go-live slip in working
days (domain/forecast.py). `baseline --reason TEXT` freezes the forecast as it stands as the new active
baseline (the steering committee accepted a new date); earlier baselines are kept and listed by
`baselines`. Before the first freeze the engagement's initial plan is the baseline.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.engagement_args import add_author_argument, fail, iso_date, open_or_report
from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import _

if TYPE_CHECKING:
    from workbench.app.engagement import OpenEngagement
    from workbench.domain.forecast import Forecast

WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help=_("the engagement folder"))
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = sub.add_parser("show", help=_("baseline against forecast per task, and the go-live slip"))
    show.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help=_("the day to forecast from"))
    show.add_argument("--moved", action="store_true", help=_("only the tasks whose finish moved"))
    add_format_argument(show)
    base = sub.add_parser("baseline", help=_("freeze the current forecast as the active baseline"))
    base.add_argument("--reason", required=True, metavar="TEXT", help=_("why (recorded in the history)"))
    base.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help=_("the day to forecast from"))
    add_author_argument(base)
    listing = sub.add_parser("baselines", help=_("every baseline frozen so far; the active one marked"))
    add_format_argument(listing)


def current_forecast(oe: OpenEngagement, today: date, states: dict | None = None) -> Forecast:
    """The engagement's forecast for `today` against its active baseline (status and report use it too).
    `states`: the task states the caller already read (one read less: a round trip on a team store)."""
    from workbench.domain.forecast import forecast

    store = oe.store
    states = store.tasks() if states is None else states
    return forecast(oe.resolved, oe.plan, states, store.actuals(), today, store.active_baseline())


def schedule_json(fc: Forecast) -> dict:
    """The go-live and plan end, baseline against forecast, for `status --format json` and `plan show --format
    json`."""
    b = fc.baseline
    return {
        "baseline": None
        if b is None
        else {"id": b.id, "created_at": b.created_at.isoformat(), "author": b.author, "reason": b.reason},
        "go_live_task": fc.go_live_task,
        "baseline_go_live": fc.baseline_go_live.isoformat() if fc.baseline_go_live else None,
        "forecast_go_live": fc.go_live.isoformat() if fc.go_live else None,
        "slip_working_days": fc.slip,
        "baseline_finish": fc.baseline_finish.isoformat(),
        "forecast_finish": fc.finish.isoformat(),
    }


def _day(day: date | None) -> str:
    from workbench.domain.forecast_text import day_text

    return day_text(day)


def _n(value: int) -> str:
    from workbench.domain.forecast_text import number_text

    return number_text(value)


def slip_text(days: int) -> str:
    from workbench.domain.forecast_text import slip_text as text

    return text(days)


def baseline_label(fc: Forecast) -> str:
    from workbench.domain.forecast_text import baseline_label as label

    return label(fc)


def go_live_lines(fc: Forecast) -> list[str]:
    """The lines `status` and `plan show` print about the go-live (domain/forecast_text.py)."""
    from workbench.domain.forecast_text import go_live_lines as lines

    return lines(fc)


def _cut(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def show(oe: OpenEngagement, today: date, moved: bool, as_json: bool) -> int:
    fc = current_forecast(oe, today)
    tasks = [t for t in fc.tasks if not moved or t.slip]
    if as_json:
        data = {
            "today": today.isoformat(),
            **schedule_json(fc),
            "tasks": [
                {
                    "id": t.id,
                    "phase": t.phase,
                    "status": t.status,
                    "actual": t.actual,
                    "baseline_start": t.baseline_start.isoformat() if t.baseline_start else None,
                    "baseline_finish": t.baseline_finish.isoformat() if t.baseline_finish else None,
                    "start": t.start.isoformat(),
                    "finish": t.finish.isoformat(),
                    "slip_working_days": t.slip,
                }
                for t in tasks
            ],
        }
        emit(json_text(data))
        return ExitCode.OK
    for line in go_live_lines(fc):
        print(_cut(line))
    print(
        _cut(
            _("Plan end: baseline {baseline}, forecast {forecast}").format(
                baseline=_day(fc.baseline_finish), forecast=_day(fc.finish)
            )
        )
    )
    width = min(30, max((len(t.id) for t in tasks), default=2))
    print()
    header = f"  {_('id'):<{width}}  {_('baseline'):<10}  {_('forecast'):<10}  {_('slip'):>4}  {_('status')}"
    print(_cut(header))
    for t in tasks:
        mark = "=" if t.actual else " "
        slip = "" if t.slip is None else ("+" if t.slip > 0 else "-" if t.slip < 0 else "") + _n(abs(t.slip))
        print(
            _cut(
                f"{mark} {t.id:<{width}}  {_day(t.baseline_finish):<10}  {_day(t.finish):<10}  {slip:>4}  "
                f"{t.status}"
            )
        )
    print()
    print(_cut(_("= actual dates; slip in working days of the client's calendar")))
    return ExitCode.OK


def freeze(oe: OpenEngagement, today: date, reason: str, author: str) -> int:
    from workbench.domain.forecast import baseline_from

    if not reason.strip():
        return fail("plan", _('--reason needs a text, e.g. --reason "steering committee moved go-live"'))
    fc = current_forecast(oe, today)
    tasks, go_live, finish = baseline_from(fc)
    number = oe.store.save_baseline(tasks, go_live, finish, reason, author)
    print(
        _("Baseline #{id} frozen by {author}: go-live {go_live}, plan end {finish}.").format(
            id=_n(number), author=author, go_live=_day(go_live), finish=_day(finish)
        )
    )
    return ExitCode.OK


def list_baselines(oe: OpenEngagement, as_json: bool) -> int:
    rows = oe.store.baselines()
    if as_json:
        data = [
            {
                "id": b.id,
                "active": b.active,
                "created_at": b.created_at.isoformat(),
                "author": b.author,
                "reason": b.reason,
                "go_live": b.go_live.isoformat() if b.go_live else None,
                "finish": b.finish.isoformat(),
            }
            for b in rows
        ]
        emit(json_text(data))
        return ExitCode.OK
    if not rows:
        print(_("No baseline frozen yet: the initial plan is the baseline."))
    for b in rows:
        mark = "*" if b.active else " "
        print(
            _cut(
                _("{mark} #{id} {day} {author}: go-live {go_live}; {reason}").format(
                    mark=mark,
                    id=_n(b.id),
                    day=_day(b.created_at.astimezone().date()),
                    author=b.author,
                    go_live=_day(b.go_live),
                    reason=b.reason,
                )
            )
        )
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    from workbench.store.author import current_author

    oe = open_or_report(args.folder, getattr(args, "author", None), "plan")
    if oe is None:
        return ExitCode.BAD_INPUT
    today = getattr(args, "today", None) or date.today()
    with oe:
        if args.action == "show":
            return show(oe, today, args.moved, args.format == "json")
        if args.action == "baseline":
            return freeze(oe, today, args.reason, current_author(args.author))
        return list_baselines(oe, args.format == "json")
