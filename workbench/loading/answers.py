"""Read a client's intake answers file and check it against a playbook's questionnaire.

Accepted shapes: a flat map `question_id: answer`, or a map with `answers:` (and optional `client:`,
`playbook:`), which is what `crmwb intake` writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from workbench.domain.answers import check_answers
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Problem
from workbench.loading.locate import place
from workbench.loading.located_yaml import LDict, YamlError, plain, read_yaml

_META_KEYS = {"answers", "client", "playbook"}


@dataclass
class LoadedAnswers:
    answers: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    client: str | None = None
    path: Path | None = None


def load_answers(path: Path, playbook: Playbook) -> LoadedAnswers:
    """The answers in `path`, with located problems for unknown questions and impossible answers."""
    try:
        data = read_yaml(path)
    except YamlError as exc:
        problem = Problem(exc.message, code="yaml")
        if exc.loc:
            problem = problem.at(exc.loc.file, exc.loc.line, exc.loc.column)
        else:
            problem = problem.at(exc.file, None, None)
        return LoadedAnswers({}, [problem], path=path)
    if data is None:
        return LoadedAnswers({}, path=path)
    if not isinstance(data, LDict):
        return LoadedAnswers({}, [Problem("an answers file must be a mapping of question id -> answer",
                                          file=str(path), line=1, column=1)], path=path)
    nested = "answers" in data
    if nested:
        extra = sorted(set(data) - _META_KEYS)
        answers = data["answers"] or LDict()
        problems = [place(Problem(f"unknown key {k!r}; expected answers, client or playbook", (k,),
                                  code="unknown-key"), data, str(path)) for k in extra]
        if not isinstance(answers, dict):
            problems.append(place(Problem("`answers` must be a mapping of question id -> answer", ("answers",)),
                                  data, str(path)))
            return LoadedAnswers({}, problems, path=path)
    else:
        answers, problems = data, []
    for problem in check_answers(playbook, dict(answers)):
        in_file = problem if nested else replace(problem, path=problem.path[1:])
        problems.append(replace(place(in_file, data, str(path)), path=problem.path))
    client = data.get("client") if nested and isinstance(data.get("client"), str) else None
    return LoadedAnswers(plain(answers), problems, client, path)
