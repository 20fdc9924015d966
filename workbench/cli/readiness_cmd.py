"""`crmwb readiness DIR | PLAYBOOK --answers FILE [--lang] [--format text|json|md]`: does the client need a
CRM now, do they need a dedicated CRM manager, why, and what to do first. DIR is an engagement folder (read
only; its state store is not touched). Exit 0 with a report; 2 when the folder, the playbook or the answers
are wrong (every problem printed with file:line:col)."""

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
    from workbench.domain.readiness import Readiness, Verdict


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_advice_arguments(parser)


def verdict_blocks(w: Wording, v: Verdict, kind: str) -> list[Block]:
    """One verdict: the question, the answer with its count, the rule, the reasons and what is open."""
    from workbench.domain import readiness as r

    count = w.say(f"{kind}_count", yes=v.yes, total=v.total)
    if kind == "signs":
        rule = w.say("crm_rule", now=r.CRM_NOW_AT, prepare=r.CRM_PREPARE_AT, below=r.CRM_NOW_AT - 1)
    else:
        rule = w.say("manager_rule", at=r.MANAGER_AT)
    blocks = [
        Block("heading", w.say("crm_question" if kind == "signs" else "manager_question")),
        Block("verdict", f"{w.say(v.level)} ({count})"),
        Block("note", rule),
    ]
    if v.provisional:
        blocks.append(Block("para", w.say("provisional")))
    if v.reasons:
        blocks.append(items(w, v.reasons, w.say("meaning")))
    else:
        blocks.append(Block("para", w.say("no_signs" if kind == "signs" else "no_situations")))
    return blocks


def readiness_blocks(w: Wording, result: Readiness, playbook: Playbook, client: str | None) -> list[Block]:
    return (
        header(w, "readiness_title", playbook, client)
        + verdict_blocks(w, result.crm, "signs")
        + verdict_blocks(w, result.manager, "situations")
        + [_heading(w, "first_steps"), items(w, result.first_steps, w.say("step"))]
        + unanswered(w, [*result.crm.unanswered, *result.manager.unanswered])
    )


def _heading(w: Wording, key: str) -> Block:
    return Block("heading", w.say(key))


def verdict_json(w: Wording, v: Verdict) -> dict[str, Any]:
    return {
        "verdict": v.level,
        "label": w.say(v.level),
        "yes": v.yes,
        "of": v.total,
        "provisional": v.provisional,
        "unanswered": list(v.unanswered),
        "reasons": [point_json(w, p) for p in v.reasons],
    }


def readiness_json(w: Wording, result: Readiness, playbook: Playbook, client: str | None) -> dict[str, Any]:
    from workbench.domain import readiness as r

    return {
        "kind": "readiness",
        "client": client,
        "lang": w.lang,
        "playbook": {"id": playbook.id, "version": playbook.version},
        "thresholds": {
            "crm_needed_now": r.CRM_NOW_AT,
            "crm_prepare_first": r.CRM_PREPARE_AT,
            "manager_situations": r.MANAGER_AT,
            "manager_always_when": "need_large_business",
        },
        "crm": verdict_json(w, result.crm),
        "manager": verdict_json(w, result.manager),
        "first_steps": [point_json(w, p) for p in result.first_steps],
    }


def run(args: argparse.Namespace) -> int:
    from workbench.domain import readiness as r

    loaded = load_for_advice(args, "readiness", r.SIGNS + r.SITUATIONS)
    if loaded is None:
        return ExitCode.BAD_INPUT
    playbook, answers, client = loaded
    result = r.assess_readiness(answers, playbook)
    w = Wording(playbook, args.lang, answers)
    blocks = readiness_blocks(w, result, playbook, client)
    sys.stdout.write(render(blocks, readiness_json(w, result, playbook, client), args.format, w))
    return ExitCode.OK
