"""Text from playbooks, answers, task notes and engagement files made inert in Markdown deliverables.

Every Markdown deliverable (RFP, roles, processes, KPIs, plan, job descriptions, the status report, the
readiness and staffing reports, the CRM exports' limitations) puts user text through `md_inline`, so a
`<script>`, an `<img onerror>`, a link, an emphasis, a table pipe or a line break in a requirement renders
as the text it is on GitHub, GitLab, VS Code (markdown-it) and pandoc, instead of becoming HTML or markup.

Why backslash escapes and not HTML entities: CommonMark (GitHub, GitLab, VS Code) and pandoc's Markdown
both take a backslash before any ASCII punctuation as that literal character, and neither lets an escaped
`<` open an HTML tag; entities would be decoded back into text by some renderers and shown raw by others.

Markdown templates are rendered with `md_inline` as the default for every `{{ ... }}` (`finalize`): a value
is escaped unless a filter already made it Markdown (`md`, `code`, `mermaid`, or `safe` for a macro's own
output), so a field added to a template later is inert by default.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_SPACES = re.compile(r"[ \t\r\n\x0b\x0c\x85\u2028\u2029]+")  # not str.split(): no-break spaces stay
_SPECIAL = re.compile(r"([\\`*<>\[\]|#~$^@])")
"""characters with a Markdown, HTML or pandoc meaning anywhere in a line (@ citations, $ math, ^ ~ sub/sup)"""
_UNDERSCORE = re.compile(r"_(?![^\W_])|(?<![^\W_])_")
"""an underscore that could open or close emphasis (snake_case ids stay readable)"""
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(?:[-+:]|\d+[.)])(?=\s|$)|^[-=]+$")
"""what makes a list item, a definition (pandoc), a rule or a setext underline when the text starts a line"""


def md_inline(value: object) -> Markup:
    """Text as literal one-line Markdown: whitespace collapsed, every character with a meaning escaped."""
    text = _SPACES.sub(" ", "" if value is None else str(value)).strip()
    text = _SPECIAL.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    return Markup(_LINE_START.sub(_escape_marker, text, count=1))


def _escape_marker(match: re.Match) -> str:
    """`1.` -> `1\\.`, `-` -> `\\-`, `===` -> `\\===`: the character that gives the line its meaning."""
    marker = match.group(0)
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def md_code(value: object) -> Markup:
    """Text as an inline code span: fenced with one more backtick than the longest run inside it (code
    spans show their content literally, so nothing else needs escaping)."""
    text = _SPACES.sub(" ", "" if value is None else str(value)).strip()
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def md_mermaid(diagram: str) -> Markup:
    """A Mermaid diagram for a ```mermaid fence: the writer already codes its labels as entities; a line
    that could close the fence is dropped defensively."""
    lines = [line for line in str(diagram).splitlines() if not line.lstrip().startswith(("```", "~~~"))]
    return Markup("\n".join(lines) + "\n")


def md_finalize(value: object) -> object:
    """The default for every `{{ ... }}` in a Markdown template: escape unless already Markdown."""
    if isinstance(value, Markup):
        return value
    return md_inline(value)
