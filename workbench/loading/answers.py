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
from workbench.i18n import N_, _
from workbench.loading.locate import place
from workbench.loading.located_yaml import LDict, YamlError, plain, read_yaml
from workbench.loading.shapes import MAPPING, TEXT, kind_of, shape_problems

MAX_ANSWERS_BYTES = 4 * 1024 * 1024
"""An answers file: the bundled examples are about 1 KB; a questionnaire 100x the size of `core` with long
text answers stays well under this."""
_META_SHAPES = {
    "answers": (MAPPING, N_("a mapping of question id -> answer")),
    "client": (TEXT, N_("the client's name as text")),
    "playbook": (TEXT, N_("a playbook id or file as text")),
}


@dataclass
class LoadedAnswers:
    answers: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    client: str | None = None
    path: Path | None = None


def load_answers(path: Path, playbook: Playbook) -> LoadedAnswers:
    """The answers in `path`, with located problems for unknown questions and impossible answers."""
    try:
        data = read_yaml(path, MAX_ANSWERS_BYTES, what=_("answers file"))
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
        loc = getattr(data, "loc", None)
        message = _("an answers file must be a mapping of question id -> answer; found {found}").format(
            found=kind_of(data)
        )
        return LoadedAnswers(
            {},
            [
                Problem(
                    message,
                    file=str(path),
                    line=loc.line if loc else 1,
                    column=loc.column if loc else 1,
                    code="type",
                )
            ],
            path=path,
        )
    nested = "answers" in data
    if nested:
        extra = [k for k in data if k not in _META_SHAPES]
        unknown = _("unknown key {key!r}; expected answers, client or playbook")
        problems = [
            place(Problem(unknown.format(key=k), (k,), code="unknown-key"), data, str(path)) for k in extra
        ]
        problems += shape_problems(data, _META_SHAPES, set(), str(path))
        if problems:
            return LoadedAnswers({}, problems, path=path)
        answers = data["answers"] or LDict()
    else:
        answers, problems = data, []
    for problem in check_answers(playbook, dict(answers)):
        in_file = problem if nested else replace(problem, path=problem.path[1:])
        problems.append(replace(place(in_file, data, str(path)), path=problem.path))
    client = data.get("client") if nested else None
    return LoadedAnswers(plain(answers), problems, client, path)
