"""Markdown with Persian text laid out for a terminal without bidi: headings, paragraphs, lists and tables.

Textual's Markdown widget draws text in stored (logical) order and wraps it itself, so Persian comes out
backwards, and reversing a paragraph before it wraps would show its last words first. This widget reads
the Markdown into blocks, wraps each block in reading order to the widget's width, then lays out each
wrapped line with `workbench.tui.bidi.visual` and right-aligns it: a heading reads right to left in bold,
a list item has its bullet on the right and its continuation lines indented on the right, a table has
its first column on the right. Inline emphasis is dropped (a bold span cannot be followed through the
reordering); links keep their text. The source itself is never changed: `source` gives it back.

`MarkdownPreview` picks the widget: this one when the text holds right-to-left letters and the app lays
them out (`bidi = "app"`), Textual's Markdown otherwise (English, Russian, and every language when the
terminal does bidi itself).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Markdown

from workbench.tui import bidi

HEADING_STYLES = {1: "bold underline", 2: "bold", 3: "bold italic"}
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
            self.row.append(_inline(token))
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


def _table(block: Block, width: int) -> list[Row]:
    """The table with its first column on the right; cells wrapped in reading order inside their column."""
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
        for line in range(max(len(w) for w in wrapped)):
            shown = []
            for i in reversed(range(columns)):  # the first column is drawn rightmost
                part = bidi.visual(wrapped[i][line]) if line < len(wrapped[i]) else ""
                shown.append(" " * (widths[i] - cell_len(part)) + part)
            out.append((COLUMN_GAP.join(shown), "bold" if index == 0 else ""))
        if index == 0:
            out.append(("─┼─".join("─" * widths[i] for i in reversed(range(columns))), "dim"))
    return out


def layout(markdown: str, width: int) -> list[Row]:
    """Every row the widget draws at `width`, in display order, before right alignment."""
    rows: list[Row] = []
    previous = ""
    for block in parse_blocks(markdown):
        if rows and not (block.kind == "item" and previous == "item"):
            rows.append(("", ""))  # a blank row between blocks, not between the items of a list
        previous = block.kind
        if block.kind == "table" and block.rows:
            rows += _table(block, width)
        elif block.kind == "rule":
            rows.append(("─" * width, "dim"))
        elif block.kind == "code":
            rows += [(bidi.visual(line), block.style) for line in block.text.split("\n")]
        elif block.kind == "item":
            indent = "  " * block.depth
            marker = _number(block.marker, block.text)
            first = f"{indent}{marker} " if marker else f"{indent}  "
            rest = indent + " " * (cell_len(marker) + 1)
            rows += [(bidi.visual(line), "") for line in _wrap(block.text, width, first, rest)]
        else:
            rows += [(bidi.visual(line), block.style) for line in _wrap(block.text, width)]
    return rows


class BidiMarkdown(Widget):
    """Markdown laid out for display, right-aligned (see the module's docstring)."""

    DEFAULT_CSS = """
    BidiMarkdown { height: auto; padding: 0 1; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._source = markdown
        self._rows_for: tuple[str, int, str] | None = None
        self._rows: list[Row] = []

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
            self._rows = layout(self._source, width) if self._source and width > 0 else []
        return self._rows

    def render(self) -> Content:
        width = self.content_region.width or self.size.width or 80
        return Content("\n").join(
            Content(" " * max(width - cell_len(text), 0))
            + (Content.styled(text, style) if style else Content(text))
            for text, style in self.rows(width)
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))


def needs_layout(markdown: str) -> bool:
    """True when `markdown` holds right-to-left text that the app must lay out for the terminal."""
    return bidi.current_mode() == "app" and bidi.has_rtl(markdown)


class MarkdownPreview(Vertical):
    """A Markdown view for any language: Textual's Markdown, or `BidiMarkdown` for right-to-left text."""

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
        laid_out = self.laid_out
        markdown = Markdown("" if laid_out else self._source, classes="ltr")
        markdown.display = not laid_out
        rtl = BidiMarkdown(self._source if laid_out else "", classes="rtl")
        rtl.display = laid_out
        yield markdown
        yield rtl

    def update(self, markdown: str) -> None:
        """Show `markdown`; only the widget that shows it is given the text, so the other does no work."""
        self._source = markdown
        laid_out = self.laid_out
        plain, rtl = self.query_one(Markdown), self.query_one(BidiMarkdown)
        if laid_out:
            rtl.update(markdown)
            plain.update("")
        else:
            plain.update(markdown)
            rtl.update("")
        plain.display, rtl.display = not laid_out, laid_out
