"""The output contract of every command: `--format` with the formats the command can print (`--json`
kept as a hidden short form of `--format json`), one way to print JSON, and one writer for standard output
or an `--out` file (written atomically). Also printing problems for people (one `file:line:col: ...` line
each) or for scripts (`--format json`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from workbench.domain.problems import Problem
from workbench.i18n import N_, _

FORMATS = {
    "text": N_("text for people"),
    "json": N_("JSON for scripts"),
    "md": N_("Markdown for documents"),
    "yaml": N_("YAML"),
    "table": N_("a plain table"),
    "sarif": N_("SARIF for code-scanning tools"),
    "xlsx": N_("an Excel workbook (needs {option})"),
}
"""every output format a command can offer, with what it is for (shown in `--help`)"""


def add_format_argument(
    parser: argparse.ArgumentParser, choices: Sequence[str] = ("text", "json"), default: str | None = None
) -> None:
    """`--format {choices}` (default: the first choice) and, where JSON is offered, a hidden `--json`
    that sets the same `args.format`, so old scripts keep working and `args.format` is the only switch."""
    unknown = [c for c in choices if c not in FORMATS]
    if unknown:
        raise ValueError(f"no such output format: {unknown}")
    default = default or choices[0]
    described = "; ".join(f"{c}: {_(FORMATS[c]).format(option='--out FILE')}" for c in choices)
    parser.add_argument(
        "--format",
        choices=tuple(choices),
        default=default,
        help=_("output format (default {default}) — {formats}").format(default=default, formats=described),
    )
    if "json" in choices:
        parser.add_argument(
            "--json", dest="format", action="store_const", const="json", help=argparse.SUPPRESS
        )


def add_output_argument(parser: argparse.ArgumentParser) -> None:
    """`-o/--out FILE`: where `emit` writes the result instead of standard output."""
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        metavar="FILE",
        help=_("write the result to FILE (atomically) instead of standard output"),
    )


def json_text(data: Any) -> str:
    """JSON as every command prints it: UTF-8 text as is (Persian and Russian stay readable), indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def emit(text: str, out: Path | None = None) -> None:
    """Standard output, or `out` written atomically (a crash never leaves half a report) and named on
    stderr so a redirected stdout stays clean."""
    if out is None:
        sys.stdout.write(text)
        return
    from workbench.writers.atomic import write_text_atomic

    write_text_atomic(out, text)
    print(_("wrote {path}").format(path=out), file=sys.stderr)


def print_problems(problems: Iterable[Problem], fmt: str = "text", stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    problems = list(problems)
    if fmt == "json":
        emit(json_text([p.to_dict() for p in problems]))
        return
    for problem in problems:
        print(problem, file=stream)


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} error(s), {warnings} warning(s)"
