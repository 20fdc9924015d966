"""Arguments and loading steps shared by commands that take a playbook and optional answers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import _

if TYPE_CHECKING:  # keep `crmwb --help` free of pydantic
    from workbench.domain.playbook import Playbook
    from workbench.domain.problems import Problem


def add_playbook_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("playbook", help=_("a bundled playbook id (see `crmwb playbooks`) or a .yaml file"))
    parser.add_argument("--answers", type=Path, metavar="FILE", help=_("intake answers (YAML)"))


def load_with_answers(
    ref: str, answers_file: Path | None
) -> tuple[Playbook | None, dict[str, Any], list[Problem]]:
    """Playbook and answers, or the problems that stop us; answers are checked against the playbook."""
    from workbench.loading.answers import load_answers
    from workbench.loading.playbooks import load_playbook

    loaded = load_playbook(ref)
    if not loaded.ok:
        return None, {}, loaded.problems
    if answers_file is None:
        return loaded.playbook, {}, loaded.problems
    answers = load_answers(answers_file, loaded.model)
    return loaded.model, answers.answers, loaded.problems + answers.problems
