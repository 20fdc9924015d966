"""Entry point for `crmwb`. Parses arguments and imports each command's module only when it runs,
so `crmwb --help` and `crmwb validate` never pay for Textual, openpyxl or the docx writer. `crmwb` with
no arguments on a terminal opens the workbench TUI on its start screen (piped, it prints the usage)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

from workbench import __version__
from workbench.cli.argparse_words import VERSION_HELP
from workbench.cli.argparse_words import install as translate_argparse
from workbench.cli.engagement_args import ensure_lang_argument
from workbench.cli.exit_codes import ExitCode
from workbench.cli.help_language import formatter_for, help_language
from workbench.i18n import N_, _, current_language
from workbench.loading.bounded import BoundedReadError

# command -> (module, one-line help); each module has `add_arguments(parser)` and `run(args) -> int`
COMMANDS: dict[str, tuple[str, str]] = {
    "playbooks": ("workbench.cli.playbooks_cmd", N_("list bundled and local playbooks")),
    "validate": ("workbench.cli.validate_cmd", N_("check playbook and answers files; report every problem")),
    "show": ("workbench.cli.show_cmd", N_("print a playbook resolved against intake answers (YAML or JSON)")),
    "check": (
        "workbench.cli.check_cmd",
        N_("governance findings on roles, permissions and RACI; exit 1 on errors"),
    ),
    "export": (
        "workbench.cli.export_cmd",
        N_(
            "write deliverables (RFP, roles, processes, KPIs, plan, data dictionary, field mapping) "
            "to a folder"
        ),
    ),
    "profile": (
        "workbench.cli.profile_cmd",
        N_("the customer profile: each object's fields, required, personal data, legacy sources"),
    ),
    "rfp": (
        "workbench.cli.rfp_cmd",
        N_(
            "write the RFP pack (docx, xlsx, vendor forms), score filled-in workbooks or evaluate the vendors"
        ),
    ),
    "demo": ("workbench.cli.demo_cmd", N_("check the bundled playbooks and walk through an example client")),
    "schema": ("workbench.cli.schema_cmd", N_("write the playbook JSON Schema for editors")),
    "readiness": (
        "workbench.cli.readiness_cmd",
        N_("does the client need a CRM and a dedicated CRM manager; what first"),
    ),
    "staffing": ("workbench.cli.staffing_cmd", N_("how to staff the CRM role: time, hire, seniority, unit")),
    "jobdesc": ("workbench.cli.jobdesc_cmd", N_("job descriptions for HR (md, html, docx) in en, fa, ru")),
    "new": (
        "workbench.cli.new_cmd",
        N_("start an engagement folder for a client from a playbook and answers"),
    ),
    "intake": ("workbench.cli.intake_cmd", N_("ask the intake questionnaire in the terminal; resumable")),
    "diff": ("workbench.cli.diff_cmd", N_("what an answer change adds and removes; --apply to save it")),
    "status": (
        "workbench.cli.status_cmd",
        N_("progress per phase, late, blocked and at-risk tasks, next actions"),
    ),
    "portfolio": (
        "workbench.cli.portfolio_cmd",
        N_("every engagement at a glance: progress, late, go-live, KPIs, next gate"),
    ),
    "task": (
        "workbench.cli.task_cmd",
        N_("list, show and update tasks: start, done, block, assign, note ..."),
    ),
    "phase": (
        "workbench.cli.phase_cmd",
        N_("close a phase when its gate tasks are done; list closed phases"),
    ),
    "uat": ("workbench.cli.uat_cmd", N_("acceptance testing: the UAT workbook, results, go-live readiness")),
    "defect": (
        "workbench.cli.defect_cmd",
        N_("the defect log: log, list, show, change status, severity, owner"),
    ),
    "plan": (
        "workbench.cli.plan_cmd",
        N_("forecast against the baseline per task and the go-live slip; baselines"),
    ),
    "kpi": ("workbench.cli.kpi_cmd", N_("record KPI values; list them and their trends against the targets")),
    "report": (
        "workbench.cli.report_cmd",
        N_("weekly status report (Markdown, HTML): progress, risks, KPI trends"),
    ),
    "data-audit": (
        "workbench.cli.data_audit_cmd",
        N_("legacy export: completeness, invalid values, duplicates; --reconcile after a load"),
    ),
    "import-activity": (
        "workbench.cli.import_activity_cmd",
        N_("compute adoption KPIs from a CRM user-activity CSV"),
    ),
    "crm-export": ("workbench.cli.crm_export_cmd", N_("the designed permissions in each CRM's own format")),
    "audit": ("workbench.cli.audit_cmd", N_("live CRM permissions vs the design; recertification decisions")),
    "people-audit": (
        "workbench.cli.people_audit_cmd",
        N_("the roster's people vs a CRM's user accounts and roles"),
    ),
    "roster": (
        "workbench.cli.roster_cmd",
        N_("the engagement's people: import an HR list (xlsx, csv), list them"),
    ),
    "recertify": ("workbench.cli.recertify_cmd", N_("access review plan and an xlsx checklist per reviewer")),
    "store": (
        "workbench.cli.store_cmd",
        N_("`store reinit DIR --confirm` (new task history), `store move DIR --to URL|sqlite`"),
    ),
    "open": (
        "workbench.cli.open_cmd",
        N_("open an engagement folder in the workbench TUI (no arguments: start screen)"),
    ),
}

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_BUSY = (
    ExitCode.OK,
    ExitCode.FINDINGS,
    ExitCode.BAD_INPUT,
    ExitCode.BUSY,
)
"""the names scripts and tests imported before ExitCode; see workbench/cli/exit_codes.py"""


def _expected_failure(exc: Exception) -> int | None:
    """Failures that are not our bugs: another program holding the store, a damaged store row. Checked
    through sys.modules so `crmwb --help` never imports the store to catch its errors."""
    base = sys.modules.get("workbench.store.base")
    if base is not None and isinstance(exc, base.StoreBusy):
        print(
            _("crmwb: {message} (nothing more was changed by this command)").format(message=exc),
            file=sys.stderr,
        )
        return ExitCode.BUSY
    store = sys.modules.get("workbench.store.sqlite_store")
    if store is not None and isinstance(exc, store.StoreDataError):
        print(_("crmwb: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    return None


class _Parser(argparse.ArgumentParser):
    """crmwb's parsers (subcommands' included): laid out for the current language (right-to-left Persian
    gets its own layout, see cli/help_language.py) and exiting 2 on a usage error."""

    def __init__(self, *args, **kwargs) -> None:
        if kwargs.get("formatter_class", argparse.HelpFormatter) is argparse.HelpFormatter:
            kwargs["formatter_class"] = formatter_for(current_language())
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # usage errors exit 2, as documented
        self.print_usage(sys.stderr)
        self.exit(
            ExitCode.BAD_INPUT, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser in the current language (set it first: `help_language`); `only` names the one command
    whose arguments are added, so a run pays for its own command's module and no other."""
    translate_argparse()
    parser = _Parser(
        prog="crmwb",
        description=_(
            "CRM Workbench: playbooks, deliverables and tracking for "
            "CRM rollouts. With no arguments, opens the workbench TUI. Exit codes: 0 ok, "
            "1 checks found problems, 2 bad input or usage."
        ),
    )
    parser.add_argument("--version", action="version", version=f"crmwb {__version__}", help=_(VERSION_HELP))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=_(help_text), description=_(help_text))
        if only is None or only == name:
            importlib.import_module(module).add_arguments(command)
            ensure_lang_argument(command)
    return parser


TUI_COMMANDS = (None, "open", "demo")
"""the command lines that may start the TUI (None: `crmwb` with no command)"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "uat" in argv:
        from workbench.cli.uat_cmd import swap_order

        argv = swap_order(argv)
    wanted = next((a for a in argv if a in COMMANDS), None)
    if wanted not in TUI_COMMANDS:
        return _run(argv, wanted)
    from workbench.app.startup_gc import paused_until_first_screen

    with paused_until_first_screen():  # the app resumes it once its first working screen is painted
        return _run(argv, wanted)


def _run(argv: list[str], wanted: str | None) -> int:
    help_language(argv)
    if wanted is None and not argv:
        from workbench.cli.open_cmd import FIRST_SCREEN_EXIT

        scripted = not (sys.stdin.isatty() and sys.stdout.isatty()) and not os.environ.get(FIRST_SCREEN_EXIT)
        if scripted:  # piped or scripted: the usage, not a TUI
            build_parser().print_help()
            return ExitCode.OK
        args = argparse.Namespace(command=None)
    else:
        args = build_parser(only=wanted or "").parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return ExitCode.BAD_INPUT
    try:
        if args.command is None:  # `crmwb` alone on a terminal: the workbench on its start screen
            from workbench.cli.open_cmd import launch

            return launch(None)
        from workbench.cli.engagement_args import resolve_language

        resolve_language(args)
        return importlib.import_module(COMMANDS[args.command][0]).run(args)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except BoundedReadError as exc:  # a user file that is no regular file or too big, met outside a loader
        print(_("{file}: error: {message}").format(file=exc.file, message=exc.message), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except Exception as exc:  # a bug of ours: say so briefly; client data in locals stays unprinted
        code = _expected_failure(exc)
        if code is not None:
            return code
        if os.environ.get("CRMWB_DEBUG"):
            raise
        print(
            f"crmwb: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in crmwb, not in your files. Run again with CRMWB_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL
