"""Journey: a Persian job description, written from the TUI without an engagement and with one."""

from __future__ import annotations

from textual.widgets import Input, RadioSet, Select

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from workbench.tui.app import make_app
from workbench.tui.screens.jobdesc import JobdescScreen
from workbench.tui.widgets.bidi_markdown import MarkdownPreview


async def press_radio(pilot, radio_id: str, index: int) -> None:
    radios = pilot.app.screen.query_one(radio_id, RadioSet)
    radios.focus()
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")


async def test_write_a_persian_job_description_without_an_engagement(tmp_path):
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")  # from the start screen
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JobdescScreen) and screen.pb is not None and screen.pb.id == "core"
        screen.query_one("#role", Select).value = "crm_manager"
        await press_radio(pilot, "#lang", 1)  # فارسی
        await settle(pilot)
        preview = screen.query_one("#preview", MarkdownPreview).source
        assert "مدیر" in preview  # the preview follows the language
        screen.query_one("#jd-out", Input).value = str(tmp_path / "hr")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "crm_manager.fa.md" in str(screen.query_one("#jd-result").content)

    written = (tmp_path / "hr" / "crm_manager.fa.md").read_text(encoding="utf-8")
    assert written == preview
    assert written.startswith("# شرح شغل: مدیر CRM")
    assert "۲۷ اسفند ۱۴۰۴" in written  # the app's `today`, in the Persian calendar and digits


async def test_job_description_of_the_engagement_in_word(seeded, tmp_path):
    app = make_app(seeded, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.show_jobdesc("loyalty_manager")  # only the retail overlay has this role
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#role", Select).value == "loyalty_manager"
        await press_radio(pilot, "#lang", 1)
        await press_radio(pilot, "#format", 2)  # docx
        screen.query_one("#jd-out", Input).value = str(tmp_path / "hr")
        await pilot.click("#write")
        await settle(pilot)
    from docx import Document

    doc = Document(str(tmp_path / "hr" / "loyalty_manager.fa.docx"))
    assert any("باشگاه مشتریان" in p.text for p in doc.paragraphs)
