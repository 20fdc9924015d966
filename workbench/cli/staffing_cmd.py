"""`crmwb staffing DIR | PLAYBOOK --answers FILE [--lang] [--format text|json|md]`: how to staff the CRM
function (team, time, seniority, inside or outside hire, placement, manager and analyst), every
recommendation with the answers behind it, and the staffing risks. DIR is an engagement folder (read only).
Exit 0 with a report; 2 when the folder, the playbook or the answers are wrong."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from workbench.cli.advice_report import (
    Block,
    Wording,
    add_advice_arguments,
    header,
    items,
    load_for_advice,
    point_json,
    render,
    unanswered,
)
from workbench.cli.exit_codes import ExitCode

if TYPE_CHECKING:  # the domain (pydantic) loads only when the command runs, not for `crmwb --help`
    from workbench.domain.playbook import Playbook
    from workbench.domain.staffing import Recommendation, Staffing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_advice_arguments(parser)


def recommendation_blocks(w: Wording, rec: Recommendation) -> list[Block]:
    return [
        Block("heading", w.say("topic_" + rec.topic)),
        Block("verdict", w.say(f"{rec.topic}_{rec.choice}")),
        items(w, rec.reasons, w.say("reason")),
    ]


def merged_role_rows(
    w: Wording, playbook: Playbook, answers: dict[str, Any]
) -> list[tuple[str, str, str, tuple]]:
    """One row per role these answers drop (tailoring to size): its id, the id of the role that takes its
    work, the sentence saying so and the answers why."""
    from workbench.domain.answers import complete_answers
    from workbench.domain.readiness import Trace
    from workbench.domain.role_merge import dropped_roles

    full = complete_answers(playbook, answers)
    return [
        (
            role.id,
            target.id,
            w.say("role_merged", role=w.tr(role.name, w.lang), target=w.tr(target.name, w.lang)),
            tuple(Trace(q, full.get(q)) for q in questions),
        )
        for role, target, questions in dropped_roles(playbook, full)
    ]


def staffing_blocks(
    w: Wording, result: Staffing, playbook: Playbook, client: str | None, answers: dict[str, Any]
) -> list[Block]:
    blocks = header(w, "staffing_title", playbook, client)
    for rec in result.recommendations:
        blocks += recommendation_blocks(w, rec)
        if rec.topic == "team" and result.manager.provisional:
            blocks.insert(-1, Block("para", w.say("provisional")))
    merged = merged_role_rows(w, playbook, answers)
    if merged:
        blocks.append(Block("heading", w.say("topic_merged_roles")))
        rows = [(text, traces) for _role, _target, text, traces in merged]
        blocks.append(Block("items", rows=rows, columns=(w.say("merged_role"), w.say("based_on"))))
    blocks.append(Block("heading", w.say("risks")))
    blocks.append(items(w, result.risks, w.say("risk")) if result.risks else Block("para", w.say("no_risks")))
    return blocks + unanswered(w, [*result.unanswered, *result.manager.unanswered], "unanswered_staffing")


def staffing_json(
    w: Wording, result: Staffing, playbook: Playbook, client: str | None, answers: dict[str, Any]
) -> dict[str, Any]:
    return {
        "kind": "staffing",
        "client": client,
        "lang": w.lang,
        "playbook": {"id": playbook.id, "version": playbook.version},
        "recommendations": [
            {
                "topic": rec.topic,
                "choice": rec.choice,
                "text": w.say(f"{rec.topic}_{rec.choice}"),
                "reasons": [point_json(w, p) for p in rec.reasons],
            }
            for rec in result.recommendations
        ],
        "merged_roles": [
            {"role": role, "into": target, "text": text, "based_on": [t.question for t in traces]}
            for role, target, text, traces in merged_role_rows(w, playbook, answers)
        ],
        "team_provisional": result.manager.provisional,
        "risks": [point_json(w, p) for p in result.risks],
        "unanswered": list(dict.fromkeys([*result.unanswered, *result.manager.unanswered])),
    }


def run(args: argparse.Namespace) -> int:
    from workbench.domain.readiness import SITUATIONS
    from workbench.domain.staffing import INPUTS, advise_staffing

    loaded = load_for_advice(args, "staffing", INPUTS + SITUATIONS)
    if loaded is None:
        return ExitCode.BAD_INPUT
    playbook, answers, client = loaded
    result = advise_staffing(answers, playbook)
    w = Wording(playbook, args.lang, answers)
    blocks = staffing_blocks(w, result, playbook, client, answers)
    report = staffing_json(w, result, playbook, client, answers)
    sys.stdout.write(render(blocks, report, args.format, w))
    return ExitCode.OK
