"""`crmwb new DIR --playbook NAME [--answers FILE]`: start an engagement folder for one client."""

from __future__ import annotations

import argparse
import textwrap
from datetime import date
from pathlib import Path

from workbench.cli.engagement_args import add_author_argument, add_lang_argument, fail, iso_date
from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import day, num
from workbench.i18n import N_, _, ngettext

LANGUAGE_NAMES = {"en": N_("English"), "fa": N_("Persian"), "ru": N_("Russian")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", type=Path, metavar="DIR", help=_("the engagement folder (created if missing)")
    )
    parser.add_argument(
        "--playbook", required=True, metavar="NAME", help=_("a bundled playbook id or a .yaml file")
    )
    parser.add_argument("--answers", type=Path, metavar="FILE", help=_("intake answers to start from (YAML)"))
    parser.add_argument(
        "--client", metavar="NAME", help=_("client name (default: the answers file's, else the folder's)")
    )
    parser.add_argument(
        "--start", type=iso_date, metavar="YYYY-MM-DD", help=_("project start (default: today)")
    )
    parser.add_argument(
        "--store",
        metavar="URL",
        default="",
        help=_(
            "keep the task states in the team's PostgreSQL database (postgresql://host/db, no "
            "password: PGPASSWORD, ~/.pgpass or PGSERVICE); written to engagement.yaml as "
            "store:. Default: $CRMWB_STORE, else state.db in the folder"
        ),
    )
    add_lang_argument(
        parser,
        N_("the client's language: every command on the folder speaks it (default: $CRMWB_LANG, else en)"),
    )
    add_author_argument(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.app.engagement import NotANewFolder, new_engagement
    from workbench.cli.output import print_problems
    from workbench.domain.intake import pending_count
    from workbench.store.author import current_author
    from workbench.store.engagement import EngagementError

    folder: Path = args.folder
    start = args.start or date.today()
    try:
        created = new_engagement(
            folder,
            args.playbook,
            args.answers,
            args.client,
            start,
            current_author(args.author),
            args.lang,
            store=args.store,
        )
    except NotANewFolder as exc:
        if exc.reason == "file":
            return fail(
                "new", _("{folder} is a file; expected a folder for the engagement").format(folder=folder)
            )
        return fail(
            "new",
            _("{folder} already holds an engagement; see it with {command}").format(
                folder=folder, command=f"`crmwb status {folder}`"
            ),
        )
    except EngagementError as exc:
        if [p.code for p in exc.problems] == ["client-name"]:
            return fail("new", exc.problems[0].message)
        print_problems(exc.problems)
        return ExitCode.BAD_INPUT
    engagement, pb, resolved, plan = created.engagement, created.playbook, created.resolved, created.plan
    answers, client = engagement.answers, engagement.client
    tasks = sum(1 for _task in resolved.tasks())
    print(_("Created the engagement for {client}").format(client=client))
    rows = [
        (_("folder"), str(folder)),
        (_("playbook"), f"{pb.id} {pb.version}"),
        (_("language"), _(LANGUAGE_NAMES[args.lang])),
        (
            _("plan"),
            _("{tasks} in {phases}, {start} to {finish} ({days})").format(
                tasks=ngettext("{n} task", "{n} tasks", tasks).format(n=num(tasks)),
                phases=ngettext("{n} phase", "{n} phases", len(resolved.phases)).format(
                    n=num(len(resolved.phases))
                ),
                start=day(plan.start),
                finish=day(plan.finish),
                days=ngettext("{n} working day", "{n} working days", plan.working_days).format(
                    n=num(plan.working_days)
                ),
            ),
        ),
        (
            _("answers"),
            _("{given} given, {left}").format(
                given=num(len(answers)),
                left=ngettext(
                    "{n} unanswered question", "{n} unanswered questions", pending_count(pb, answers)
                ).format(n=num(pending_count(pb, answers))),
            ),
        ),
    ]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    _print_calendar(pb, plan, answers, folder)
    _print_target(resolved, plan, answers, start)
    print()
    if pending_count(pb, answers):
        print(
            _("Next: {intake} to answer the rest, then {status}.").format(
                intake=f"`crmwb intake {folder}`", status=f"`crmwb status {folder}`"
            )
        )
    else:
        print(
            _("Next: {status} and {tasks}.").format(
                status=f"`crmwb status {folder}`", tasks=f"`crmwb task {folder} list`"
            )
        )
    return ExitCode.OK


def _print_calendar(pb, plan, answers: dict, folder: Path) -> None:
    """Which calendar the dates were counted on; with the country unanswered, the suggestion for the
    current language (IR for Persian, RU for Russian), never assumed."""
    from workbench.domain.client_calendar import COUNTRY_QUESTION, answered_country, suggested_country
    from workbench.domain.text import tr
    from workbench.i18n import current_language

    country = answered_country(answers)
    question = next((q for q in pb.questions if q.id == COUNTRY_QUESTION), None)
    if country:
        options = question.options if question is not None else []
        name = next((tr(o.label, current_language()) for o in options or () if o.id == country), country)
        print("  " + _("calendar  {country}: its weekend and public holidays").format(country=name))
        return
    suggestion = suggested_country(current_language())
    if question is None:
        return
    print("  " + _("calendar  no country: a Saturday-Sunday weekend and no public holidays"))
    if suggestion and any(o.id == suggestion for o in question.options or ()):
        print(
            "  "
            + _(
                "          suggested: {country}; set it with `crmwb diff {folder} --set country={country} "
                "--apply`"
            ).format(country=suggestion, folder=folder)
        )


def _print_target(resolved, plan, answers: dict, start: date) -> None:
    from workbench.domain.target_date import check_target
    from workbench.domain.target_text import target_warning

    check = check_target(resolved, plan, answers, start)
    if check is not None and check.missed:
        print(
            textwrap.fill(
                _("warning: {warning}").format(warning=target_warning(check, resolved)),
                80,
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
        )
