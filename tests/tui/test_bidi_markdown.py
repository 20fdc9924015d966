"""Markdown views laid out for an ordinary terminal: the job-description preview under Pilot.

What the screen shows is read from the compositor's strips (what a terminal receives); a Persian
sentence of the job description must appear there exactly as `bidi.visual()` lays it out, the headings
too, while the Markdown behind it and the file written stay in logical order."""

from __future__ import annotations

import textwrap

from rich.cells import cell_len
from textual.widgets import Input, Markdown, RadioButton, RadioSet, Select

from tests.conftest import allowed_latin_words
from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.test_tui_languages import found_leaks, screen_text
from workbench.tui import bidi
from workbench.tui.app import make_app
from workbench.tui.widgets.bidi_markdown import BidiMarkdown, MarkdownPreview, layout, parse_blocks

SIZE = (160, 50)
SENTENCE = "مسئولیت CRM شرکت را به‌عنوان یک ابزار کسب‌وکار بر عهده دارد"
"""the first words of the CRM manager's purpose, in Persian"""


async def _persian_crm_manager(pilot):
    await settle(pilot)
    await pilot.press("j")  # from the start screen, without an engagement: the core playbook
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#role", Select).value = "crm_manager"
    await settle(pilot)
    return screen


async def test_the_persian_job_description_preview_reads_right_to_left(tmp_path):
    app = make_app(today=TODAY, lang="fa")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _persian_crm_manager(pilot)
        preview = screen.query_one("#preview", MarkdownPreview)
        source = preview.source
        assert source.startswith("# شرح شغل: مدیر CRM") and SENTENCE in source  # logical order behind it
        assert preview.laid_out
        assert not screen.query(Markdown) and screen.query_one(BidiMarkdown).display  # one widget
        shown = screen_text(app)
        width = screen.query_one(BidiMarkdown).content_region.width
        first_line = textwrap.wrap(source.split("## ")[1].split("\n", 2)[2].strip(), width)[0]
        assert (
            SENTENCE in first_line and bidi.visual(first_line) in shown
        )  # wrapped in reading order, laid out
        assert SENTENCE not in shown and bidi.visual(SENTENCE) != SENTENCE  # never drawn backwards
        for heading in (
            "شرح شغل: مدیر CRM (مدیر ارتباط با مشتری)",
            "هدف شغل",
            "جایگاه سازمانی و خط گزارش‌دهی",
        ):
            assert bidi.visual(heading) in shown, heading
        row = next(line for line in shown.split("\n") if bidi.visual("هدف شغل") in line)
        assert row.rstrip().endswith(bidi.visual("هدف شغل"))  # right-aligned: it hugs the right edge
        assert "#" not in shown and "**" not in shown and "|---" not in shown  # no Markdown marks left
        names = allowed_latin_words() | {"crm_manager", "core", "jobdesc"}
        assert not found_leaks(shown, "fa", frozenset(names))  # nothing English on the Persian screen

        screen.query_one("#jobdesc-preview").scroll_end(animate=False)
        await settle(pilot)
        end = screen_text(app)
        assert bidi.visual("محدوده حقوق") in end  # the last heading
        header = next(line for line in end.split("\n") if bidi.visual("دوره سنجش") in line and "│" in line)
        assert header.index(bidi.visual("دوره سنجش")) < header.index(
            bidi.visual("شاخص")
        )  # a table, read from the right

        screen.query_one("#jd-out", Input).value = str(tmp_path / "hr")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (tmp_path / "hr" / "crm_manager.fa.md").read_text(encoding="utf-8") == source  # the data unchanged


async def test_russian_reads_left_to_right_with_its_bold_and_the_view_follows_the_language():
    app = make_app(today=TODAY, lang="fa")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _persian_crm_manager(pilot)
        buttons = list(screen.query_one("#lang", RadioSet).query(RadioButton))
        buttons[2].value = True  # Русский
        await settle(pilot)
        preview = screen.query_one("#preview", MarkdownPreview)
        assert preview.source.startswith("# ") and not bidi.has_rtl(preview.source)
        assert any("\u0400" <= ch <= "\u04ff" for ch in preview.source)  # Russian
        assert not preview.laid_out and not screen.query(Markdown)
        view = screen.query_one(BidiMarkdown)
        assert view.source == preview.source
        heading = preview.source.split("\n", 1)[0].removeprefix("# ")
        row = next(line for line in screen_text(app).split("\n") if heading in line)
        assert heading + " " * 20 in row  # as written, left-aligned: the room is on its right
        drawn = view.render()
        bold_label = next(
            span
            for span in drawn.spans
            if "bold" in str(span.style) and drawn.plain[span.start : span.end].endswith(":")
        )  # "**Подчиняется:**" keeps its bold
        assert "**" not in drawn.plain and "\ue000" not in drawn.plain and bold_label.end > bold_label.start
        buttons[1].value = True  # فارسی again
        await settle(pilot)
        assert preview.laid_out and view.source == preview.source and bidi.has_rtl(preview.source)


async def test_a_terminal_that_does_bidi_gets_the_persian_markdown_as_it_is(monkeypatch):
    monkeypatch.setenv("CRMWB_BIDI", "terminal")
    app = make_app(today=TODAY, lang="fa")
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _persian_crm_manager(pilot)
            preview = screen.query_one("#preview", MarkdownPreview)
            assert bidi.has_rtl(preview.source) and not preview.laid_out
            view = screen.query_one(BidiMarkdown)
            assert view.source == preview.source
            assert SENTENCE in view.render().plain  # logical order: the terminal lays it out
    finally:
        bidi.set_mode("app")


def test_lists_and_tables_are_laid_out_with_their_start_on_the_right():
    bidi.set_mode("app")
    markdown = (
        "## عنوان\n\n- مورد نخست فهرست که بلند است و باید شکسته شود تا در عرض جا شود\n- دوم\n\n"
        "| شاخص | هدف |\n|---|---|\n| کاربران فعال | دست‌کم ۹۰٪ |\n"
    )
    kinds = [b.kind for b in parse_blocks(markdown)]
    assert kinds == ["heading", "item", "item", "table"]
    rows = layout(markdown, 30)
    texts = [text for text, _style in rows]
    assert rows[0] == (bidi.visual("عنوان"), "bold")
    item = [t for t in texts if "•" in t]
    assert len(item) == 2 and all(t.endswith("•") for t in item)  # the bullet on the reading side
    first = texts.index(item[0])
    assert (
        texts[first + 1].endswith("  ") and "•" not in texts[first + 1]
    )  # continuation indented on the right
    assert all(cell_len(t) <= 30 for t in texts)
    header = next(t for t in texts if "│" in t)
    assert header.index(bidi.visual("هدف")) < header.index(bidi.visual("شاخص"))  # first column rightmost
    assert "کاربران فعال" not in "".join(texts) and bidi.visual("کاربران فعال") in "".join(texts)


def test_a_line_break_tag_in_a_table_cell_separates_its_items_and_never_shows():
    """The advice reports join a point's traces with <br> in a Markdown table cell."""
    blocks = parse_blocks("| # | پیشنهاد |\n|---|---|\n| ۱ | یک<br>دو |\n")
    cells = [cell for block in blocks for row in block.rows for cell in row]
    assert "یک; دو" in cells and not any("<br" in cell for cell in cells)


def test_left_to_right_keeps_its_order_its_bold_and_its_first_column_on_the_left():
    from workbench.tui.widgets.bidi_markdown import _content

    markdown = (
        "- **Reports to the general manager of the company:** the line runs to the top\n\n"
        "| KPI | Target |\n|---|---|\n| Active users | at least 90% |\n"
    )
    rows = layout(markdown, 30, rtl=False)
    drawn = [_content(text, style) for text, style in rows]
    plain = [c.plain for c in drawn]
    assert plain[0].startswith("• Reports to the general") and plain[1].startswith("  ")  # hanging indent
    bold = [[c.plain[s.start : s.end] for s in c.spans if "bold" in str(s.style)] for c in drawn[:2]]
    assert bold[0] and bold[1] and "".join(bold[1]).strip().endswith("company:")  # bold over the break
    assert "the top" in " ".join(plain[:3]) and not any("bold" in str(s.style) for s in drawn[2].spans)
    header = next(p for p in plain if "KPI" in p)
    assert header.index("KPI") < header.index("Target")  # read from the left
    assert all("\ue000" not in p and "\ue001" not in p and "**" not in p for p in plain)
