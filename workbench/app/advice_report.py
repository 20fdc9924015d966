"""Reports for `crmwb readiness` and `crmwb staffing` (and the TUI's advice screens): a tiny block model
rendered as terminal text or Markdown, plus the wording that turns advice points and traces into sentences
in one language.

Trace policy: human output (text, md) names each question by its text in the report's language and the
answer by its option label; only English output adds the question id, so fa and ru carry no English.
JSON output carries the ids and raw answers (and the sentences, for convenience).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.domain.advice_text import local_digits, number, say  # plain data: no pydantic

if TYPE_CHECKING:  # `crmwb --help` imports this module; keep it free of pydantic and yaml
    from workbench.domain.playbook import Playbook
    from workbench.domain.readiness import Point, Trace

WIDTH = 100


class Wording:
    """Questions, answers and advice points in one language, using the playbook's own question texts."""

    def __init__(self, playbook: Playbook, lang: str, answers: dict[str, Any] | None = None) -> None:
        from workbench.domain.advice_timing import step_timings
        from workbench.domain.text import tr

        self.questions = playbook.question_map()
        self.lang = lang
        self.tr = tr
        self.timings = step_timings(playbook, answers) if answers is not None else {}
        """advice key -> where this client's plan puts the task it is about: the `{when}` of its text"""

    def say(self, key: str, **params: Any) -> str:
        if key in self.timings:
            params.setdefault("when", self.timings[key])
        return say(key, self.lang, **params)

    def point(self, p: Point) -> str:
        params = {k: number(v) if isinstance(v, (int, float)) else v for k, v in p.params.items()}
        return self.say(p.code, **params)

    def question(self, qid: str) -> str:
        q = self.questions.get(qid)
        return local_digits(" ".join(self.tr(q.text, self.lang).split()), self.lang) if q else qid

    def answer(self, qid: str, value: Any) -> str:
        if value is None or value == []:
            return self.say("no_answer")
        if isinstance(value, bool):
            return self.say("yes" if value else "no")
        q = self.questions.get(qid)
        labels = {o.id: self.tr(o.label, self.lang) for o in q.options} if q else {}
        if isinstance(value, list):
            shown = ("، " if self.lang == "fa" else ", ").join(labels.get(v, str(v)) for v in value)
        elif isinstance(value, (int, float)):
            shown = number(value)
            if qid == "specialist_time_share":
                return self.say("percent", n=shown)
        else:
            shown = labels.get(value, str(value))
        return local_digits(shown, self.lang)

    def trace(self, t: Trace, md: bool = False) -> str:
        answer = self.answer(t.question, t.answer)
        question = self.question(t.question)
        if md:  # Markdown: the client's words escaped, our markup around them
            from workbench.writers.markdown import md_code, md_inline

            answer, question = f"**{md_inline(answer)}**", md_inline(question)
        if self.lang == "en":
            question += f" ({md_code(t.question)})" if md else f" [{t.question}]"
        return f"{question} — {answer}"


@dataclass
class Block:
    """kind: title | heading | para | verdict | note | bullets (lines) | items (numbered rows + traces)."""

    kind: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    rows: list[tuple[str, tuple[Trace, ...]]] = field(default_factory=list)
    columns: tuple[str, str] = ("", "")


def items(w: Wording, points: tuple[Point, ...] | list[Point], column: str) -> Block:
    """Numbered advice points, each with the answers it rests on."""
    return Block("items", rows=[(w.point(p), p.trace) for p in points], columns=(column, w.say("based_on")))


def render_text(blocks: list[Block], w: Wording) -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "title":
            out += [b.text, "=" * min(len(b.text), WIDTH)]
        elif b.kind == "heading":
            out += ["", b.text, "-" * min(len(b.text), WIDTH)]
        elif b.kind == "verdict":
            out.append(textwrap.fill(b.text, WIDTH, initial_indent=">> ", subsequent_indent="   "))
        elif b.kind in ("para", "note"):
            out.append(textwrap.fill(b.text, WIDTH))
        elif b.kind == "bullets":
            out += [
                textwrap.fill(line, WIDTH, initial_indent="  - ", subsequent_indent="    ")
                for line in b.lines
            ]
        elif b.kind == "items":
            for n, (text, traces) in enumerate(b.rows, 1):
                out.append(
                    textwrap.fill(
                        text,
                        WIDTH,
                        break_on_hyphens=False,  # task ids stay whole
                        initial_indent=f"{local_digits(str(n), w.lang):>3}. ",
                        subsequent_indent="     ",
                    )
                )
                out += [
                    textwrap.fill(
                        w.trace(t), WIDTH, initial_indent="       <- ", subsequent_indent="          "
                    )
                    for t in traces
                ]
    return "\n".join(out) + "\n"


def render_md(blocks: list[Block], w: Wording) -> str:
    """The report in Markdown; right-to-left languages inside a `<div dir="rtl">` for viewers that need it."""
    from workbench.domain.text import RTL_LANGUAGES

    body = markdown_body(blocks, w)
    if w.lang in RTL_LANGUAGES:
        return f'<div dir="rtl" lang="{w.lang}">\n\n{body}\n</div>\n'
    return body


def markdown_body(blocks: list[Block], w: Wording) -> str:
    """The Markdown without a direction wrapper (the TUI lays right-to-left text out itself)."""
    from workbench.writers.markdown import md_inline as md_cell

    out: list[str] = []
    for b in blocks:
        if b.kind == "title":
            out += [f"# {md_cell(b.text)}", ""]
        elif b.kind == "heading":
            out += [f"## {md_cell(b.text)}", ""]
        elif b.kind == "para":
            out += [md_cell(b.text), ""]
        elif b.kind == "verdict":
            out += [f"**{md_cell(b.text)}**", ""]
        elif b.kind == "note":
            out += [f"_{md_cell(b.text)}_", ""]
        elif b.kind == "bullets":
            out += [f"- {md_cell(line)}" for line in b.lines] + [""]
        elif b.kind == "items":
            out += [f"| # | {md_cell(b.columns[0])} | {md_cell(b.columns[1])} |", "|---|---|---|"]
            for n, (text, traces) in enumerate(b.rows, 1):
                cell = "<br>".join(w.trace(t, md=True) for t in traces) or "—"
                out.append(f"| {local_digits(str(n), w.lang)} | {md_cell(text)} | {cell} |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def header(w: Wording, title_key: str, playbook: Playbook, client: str | None) -> list[Block]:
    blocks = [Block("title", w.say(title_key) + (f" — {client}" if client else ""))]
    method = f"{w.say('method')}: {w.tr(playbook.name, w.lang)} {local_digits(playbook.version, w.lang)}"
    return blocks + [Block("para", method)]


def unanswered(w: Wording, qids: list[str], key: str = "unanswered") -> list[Block]:
    if not qids:
        return []
    return [
        Block("heading", w.say(key)),
        Block("bullets", lines=[w.question(q) for q in dict.fromkeys(qids)]),
    ]


def point_json(w: Wording, p: Point) -> dict[str, Any]:
    return {
        "code": p.code,
        "text": w.point(p),
        "trace": [{"question": t.question, "answer": t.answer} for t in p.trace],
    }
