"""Readiness and staffing advice, the use case: the verdicts and recommendations of the domain turned into
report blocks and a JSON document in one language. `crmwb readiness` and `crmwb staffing` print them as
text, Markdown or JSON; the TUI's advice screens show the same Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.app.advice_report import (
    Block,
    Wording,
    header,
    items,
    markdown_body,
    point_json,
    render_md,
    render_text,
    unanswered,
)

if TYPE_CHECKING:  # the domain (pydantic) loads only when advice is asked for, not for `crmwb --help`
    from workbench.domain.playbook import Playbook
    from workbench.domain.readiness import Readiness, Verdict
    from workbench.domain.staffing import Recommendation, Staffing


@dataclass
class Advice:
    """One report: its blocks in the wording's language, and the same content as JSON data."""

    blocks: list[Block]
    data: dict[str, Any]
    wording: Wording

    def render(self, fmt: str) -> str:
        """text, md or json, as the commands print them."""
        if fmt == "json":
            import json

            return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"
        return render_md(self.blocks, self.wording) if fmt == "md" else render_text(self.blocks, self.wording)

    @property
    def markdown(self) -> str:
        """The Markdown without a direction wrapper, for a screen that lays right-to-left text out."""
        return markdown_body(self.blocks, self.wording)


def readiness_advice(playbook: Playbook, answers: dict[str, Any], client: str | None, lang: str) -> Advice:
    from workbench.domain.readiness import assess_readiness

    result = assess_readiness(answers, playbook)
    w = Wording(playbook, lang, answers)
    return Advice(
        readiness_blocks(w, result, playbook, client), readiness_json(w, result, playbook, client), w
    )


def staffing_advice(playbook: Playbook, answers: dict[str, Any], client: str | None, lang: str) -> Advice:
    from workbench.domain.staffing import advise_staffing

    result = advise_staffing(answers, playbook)
    w = Wording(playbook, lang, answers)
    return Advice(
        staffing_blocks(w, result, playbook, client, answers),
        staffing_json(w, result, playbook, client, answers),
        w,
    )


ADVICE: dict[str, Callable[[Playbook, dict[str, Any], str | None, str], Advice]] = {
    "readiness": readiness_advice,
    "staffing": staffing_advice,
}


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
