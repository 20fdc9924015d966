"""The exit codes of every `crmwb` command, in one place: scripts and CI branch on them, so a number
means the same thing whatever command returns it. Imports nothing, so `crmwb --help` stays cheap."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    """done; nothing to report"""
    FINDINGS = 1
    """done, and the checks found something: warnings, governance errors, drift, an open gate"""
    BAD_INPUT = 2
    """bad input or usage: a missing or invalid file, a wrong option; nothing was changed"""
    USAGE = 2  # alias of BAD_INPUT: argparse's usage errors
    INTERNAL = 70
    """EX_SOFTWARE: a bug in crmwb, never a bad file"""
    BUSY = 75
    """EX_TEMPFAIL: the state store stayed busy past the retries; nothing was written, try again"""
    INTERRUPTED = 130
    """Ctrl+C (128 + SIGINT), as shells report it"""

    @classmethod
    def for_problems(cls, problems: Iterable[Any]) -> ExitCode:
        """BAD_INPUT if any problem is an error, FINDINGS if there are only warnings, else OK."""
        severities = {p.severity for p in problems}
        if "error" in severities:
            return cls.BAD_INPUT
        return cls.FINDINGS if severities else cls.OK

    @classmethod
    def findings_if(cls, found: bool) -> ExitCode:
        return cls.FINDINGS if found else cls.OK
