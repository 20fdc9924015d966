"""Markdown with Persian text laid out for a terminal without bidi: headings, paragraphs, lists and tables.

Textual's Markdown widget draws text in stored (logical) order and wraps it itself, so Persian comes out
backwards, and reversing a paragraph before it wraps would show its last words first. This widget reads
the Markdown into blocks, wraps each block in reading order to the widget's width, then lays out each
wrapped line with `workbench.tui.bidi.visual` and right-aligns it: a heading reads right to left in bold,
a list item has its bullet on the right and its continuation lines indented on the right, a table has
its first column on the right. Inline emphasis is dropped (a bold span cannot be followed through the
reordering); links keep their text. The source itself is never changed: `source` gives it back.

Left-to-right text (English, Russian, and every language when the terminal does bidi itself) is drawn by
the same widget, left-aligned, with its lines as written and bold kept. It used to go to Textual's
Markdown, which makes a widget of every block: a job description was some 300 widgets, restyled at every
theme change (0.45 s each) and rebuilt at every change of role. `MarkdownPreview` is the view the screens
use.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from workbench.tui import bidi

HEADING_STYLES = {1: "bold underline", 2: "bold", 3: "bold italic"}
BOLD_ON, BOLD_OFF = "\ue000", "\ue001"
"""where **bold** begins and ends in a block's text (private-use characters, never in a playbook's text);
kept for left-to-right text, dropped before a right-to-left line is laid out"""
MARKS = str.maketrans("", "", BOLD_ON + BOLD_OFF)
COLUMN_GAP = " │ "
LINE_BREAKS = {"<br>", "<br/>"}


@dataclass
class Block:
    """One Markdown block in logical order: `kind` is heading, text, item, table, code or rule."""

    kind: str
    text: str = ""
    style: str = ""
    marker: str = ""  # a list item's bullet or number, drawn on the reading side
    depth: int = 0  # list nesting
    rows: list[list[str]] = field(default_factory=list)  # a table's cells, the header row first


def _inline(token) -> str:
    """An inline token's text without its emphasis marks; a hard break is a new line."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "html_inline" and child.content.replace(" ", "").lower() in LINE_BREAKS:
            parts.append("; ")  # a <br> between items of a table cell (the advice's traces)
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type in ("strong_open", "strong_close"):
            parts.append(BOLD_ON if child.type == "strong_open" else BOLD_OFF)
    return "".join(parts).strip()


@lru_cache(maxsize=32)
def parse_blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks of `markdown`, in reading order."""
    from markdown_it import MarkdownIt

    parser = _BlockParser()
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        parser.feed(token)
    return tuple(parser.blocks)


class _BlockParser:
    """markdown-it's flat token stream folded into blocks: the open lists, heading and table row are the
    state between tokens; one method per kind of token that changes it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.marker = ""
        self.heading = 0
        self.row: list[str] | None = None
        self.table: Block | None = None

    def feed(self, token) -> None:
        kind = token.type
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, token)
        elif kind in ("fence", "code_block"):
            self.blocks.append(Block("code", token.content.rstrip("\n"), "dim"))
        elif kind == "hr":
            self.blocks.append(Block("rule"))

    def heading_open(self, token) -> None:
        self.heading = int(token.tag[1:])

    def heading_close(self, token) -> None:
        self.heading = 0

    def list_open(self, token) -> None:
        self.lists.append([token.type == "ordered_list_open", int(token.attrs.get("start", 1) or 1)])

    def list_close(self, token) -> None:
        self.lists.pop()

    def item_open(self, token) -> None:
        ordered, number = self.lists[-1]
        self.marker = f"{number}." if ordered else "•"
        self.lists[-1][1] = number + 1

    def table_open(self, token) -> None:
        self.table = Block("table")

    def table_close(self, token) -> None:
        if self.table is not None:
            self.blocks.append(self.table)
            self.table = None

    def row_open(self, token) -> None:
        self.row = []

    def row_close(self, token) -> None:
        if self.table is not None and self.row is not None:
            self.table.rows.append(self.row)
            self.row = None

    def inline(self, token) -> None:
        if self.row is not None:
            self.row.append(_inline(token).translate(MARKS))
        elif self.heading:
            self.blocks.append(
                Block("heading", _inline(token), HEADING_STYLES.get(self.heading, "bold italic"))
            )
        elif self.marker:
            self.blocks.append(Block("item", _inline(token), marker=self.marker, depth=len(self.lists) - 1))
            self.marker = ""
        elif self.lists:  # a list item's second paragraph
            self.blocks.append(Block("item", _inline(token), depth=len(self.lists) - 1))
        else:
            self.blocks.append(Block("text", _inline(token)))


_HANDLERS = {
    "heading_open": _BlockParser.heading_open,
    "heading_close": _BlockParser.heading_close,
    "bullet_list_open": _BlockParser.list_open,
    "ordered_list_open": _BlockParser.list_open,
    "bullet_list_close": _BlockParser.list_close,
    "ordered_list_close": _BlockParser.list_close,
    "list_item_open": _BlockParser.item_open,
    "table_open": _BlockParser.table_open,
    "table_close": _BlockParser.table_close,
    "tr_open": _BlockParser.row_open,
    "tr_close": _BlockParser.row_close,
    "inline": _BlockParser.inline,
}


Row = tuple[str, str]
"""(text in display order, Textual style)"""


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` wrapped in reading order, at spaces only: an id such as b2c-retail-loyalty stays whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(
            paragraph,
            max(width, 1),
            initial_indent=first if not lines else rest,
            subsequent_indent=rest,
            break_on_hyphens=False,
        ) or [first.rstrip() if not lines else ""]
    return lines


def _number(marker: str, text: str) -> str:
    """A list number in Persian digits when the item is right to left."""
    if marker[:1].isdigit() and bidi.has_rtl(text):
        from workbench.domain.locale import localize_digits

        return localize_digits(marker, "fa")
    return marker


def _table(block: Block, width: int, rtl: bool = True) -> list[Row]:
    """The table with its first column on the reading side (the right for right-to-left text); cells
    wrapped in reading order inside their column."""
    columns = max(len(r) for r in block.rows)
    rows = [r + [""] * (columns - len(r)) for r in block.rows]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(columns)]
    room = max(width - cell_len(COLUMN_GAP) * (columns - 1), columns)
    while sum(widths) > room and max(widths) > 4:  # narrow the widest column until the table fits
        widest = widths.index(max(widths))
        widths[widest] -= 1
    out: list[Row] = []
    for index, cells in enumerate(rows):
        wrapped = [
            textwrap.wrap(cell, widths[i], break_on_hyphens=False) or [""] for i, cell in enumerate(cells)
        ]
        order = list(reversed(range(columns))) if rtl else list(range(columns))  # rtl: first is rightmost
        for line in range(max(len(w) for w in wrapped)):
            shown = []
            for i in order:
                part = _shown(wrapped[i][line], rtl) if line < len(wrapped[i]) else ""
                pad = " " * (widths[i] - cell_len(part))
                shown.append(pad + part if rtl else part + pad)
            out.append((COLUMN_GAP.join(shown), "bold" if index == 0 else ""))
        if index == 0:
            out.append(("─┼─".join("─" * widths[i] for i in order), "dim"))
    return out


def _shown(line: str, rtl: bool) -> str:
    """A wrapped line as drawn: laid out right to left without its bold marks, or as it is."""
    return bidi.visual(line.translate(MARKS)) if rtl else line


def _bold_closed(lines: list[str]) -> list[str]:
    """Each line's bold marks balanced, so a bold phrase wrapped over two lines is bold on both."""
    out: list[str] = []
    bold = False
    for line in lines:
        opened = bold
        for ch in line:
            if ch in (BOLD_ON, BOLD_OFF):
                bold = ch == BOLD_ON
        out.append((BOLD_ON if opened else "") + line + (BOLD_OFF if bold else ""))
    return out


def layout(markdown: str, width: int, rtl: bool = True) -> list[Row]:
    """Every row the widget draws at `width`, in display order, before right alignment (`rtl`), or as
    written, with bold marks (left to right)."""
    rows: list[Row] = []
    previous = ""
    for block in parse_blocks(markdown):
        if rows and not (block.kind == "item" and previous == "item"):
            rows.append(("", ""))  # a blank row between blocks, not between the items of a list
        previous = block.kind
        text = block.text.translate(MARKS) if rtl else block.text  # marks would shift where lines break
        if block.kind == "table" and block.rows:
            rows += _table(block, width, rtl)
        elif block.kind == "rule":
            rows.append(("─" * width, "dim"))
        elif block.kind == "code":
            rows += [(_shown(line, rtl), block.style) for line in block.text.split("\n")]
        elif block.kind == "item":
            indent = "  " * block.depth
            marker = _number(block.marker, text)
            first = f"{indent}{marker} " if marker else f"{indent}  "
            rest = indent + " " * (cell_len(marker) + 1)
            lines = _bold_closed(_wrap(text, width, first, rest))
            rows += [(_shown(line, rtl), "") for line in lines]
        else:
            rows += [(_shown(line, rtl), block.style) for line in _bold_closed(_wrap(text, width))]
    return rows


def _content(text: str, style: str) -> Content:
    """A row as Textual content: its style, and bold where the marks say."""
    if BOLD_ON not in text:
        return Content.styled(text, style) if style else Content(text)
    parts: list[Content] = []
    bold = False
    for piece in re.split(f"([{BOLD_ON}{BOLD_OFF}])", text):
        if piece in (BOLD_ON, BOLD_OFF):
            bold = piece == BOLD_ON
        elif piece:
            wanted = " ".join(s for s in (style, "bold" if bold else "") if s)
            parts.append(Content.styled(piece, wanted) if wanted else Content(piece))
    return Content("").join(parts)


class BidiMarkdown(Widget):
    """Markdown laid out for display: right to left and right-aligned when it holds right-to-left text
    the app lays out, else left-aligned as written (see the module's docstring)."""

    DEFAULT_CSS = """
    BidiMarkdown { height: auto; padding: 0 1; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._source = markdown
        self._rows_for: tuple[str, int, str] | None = None
        self._rows: list[Row] = []
        self._rtl = False
        """whether those rows were laid out right to left (to be right-aligned)"""

    @property
    def source(self) -> str:
        """The Markdown as given, in logical order (what a test or a copy reads)."""
        return self._source

    def update(self, markdown: str) -> None:
        self._source = markdown
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def rows(self, width: int) -> list[Row]:
        """The rows at `width`, kept until the text, the width or the bidi mode changes (Textual asks for
        the height and then the content of the same frame)."""
        key = (self._source, width, bidi.current_mode())
        if self._rows_for != key:
            self._rows_for = key
            self._rtl = needs_layout(self._source)
            self._rows = layout(self._source, width, self._rtl) if self._source and width > 0 else []
        return self._rows

    def render(self) -> Content:
        width = self.content_region.width or self.size.width or 80
        rows = self.rows(width)
        return Content("\n").join(
            (Content(" " * max(width - cell_len(text), 0)) if self._rtl else Content(""))
            + _content(text, style)
            for text, style in rows
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))


def needs_layout(markdown: str) -> bool:
    """True when `markdown` holds right-to-left text that the app must lay out for the terminal."""
    return bidi.current_mode() == "app" and bidi.has_rtl(markdown)


class MarkdownPreview(Vertical):
    """The Markdown view the screens use, for any language (one `BidiMarkdown`)."""

    DEFAULT_CSS = """
    MarkdownPreview { height: auto; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._source = markdown

    @property
    def source(self) -> str:
        return self._source

    @property
    def laid_out(self) -> bool:
        """Whether the right-to-left layout is the one shown."""
        return needs_layout(self._source)

    def compose(self) -> ComposeResult:
        yield BidiMarkdown(self._source)

    def update(self, markdown: str) -> None:
        self._source = markdown
        self.query_one(BidiMarkdown).update(markdown)
