"""Printing problems for people (one `file:line:col: ...` line each) or for scripts (`--format json`)."""

from __future__ import annotations

import json
import sys
from typing import Iterable, TextIO

from workbench.domain.problems import Problem


def print_problems(problems: Iterable[Problem], fmt: str = "text", stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    problems = list(problems)
    if fmt == "json":
        json.dump([p.to_dict() for p in problems], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for problem in problems:
        print(problem, file=stream)


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} error(s), {warnings} warning(s)"
