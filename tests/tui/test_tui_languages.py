"""The workbench in Persian and Russian: every screen walked under Pilot with no English chrome left, the
language switched at run time from the palette (and remembered), the start-up precedence, and Persian
laid out for display only (never in the data behind it).

What the screens show is read from what the compositor draws (the strips a terminal receives), so a word
that reaches the screen by any path is seen; Persian is read back in logical order (`logical`) before
the leak finder of the deliverables (`tests/test_no_english_leaks.leaks`) looks at it.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import allowed_latin_words
from tests.test_no_english_leaks import BUILT_IN_RULES, leaks
from tests.tui.conftest import AUTHOR, CLIENT, TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import wait_for
from workbench import i18n
from workbench.domain.search import search_key
from workbench.settings import settings_path
from workbench.tui import bidi
from workbench.tui.app import make_app
from workbench.tui.language import start_language
from workbench.tui.screens.deliverables import TABS, DeliverablesScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.phases import PhasesScreen
from workbench.tui.widgets.navbar import NavBar
from workbench.tui.widgets.paged_table import clip
from workbench.tui.widgets.task_table import TaskTable

SIZE = (160, 50)
KEY_NAMES = {
    "Ctrl",
    "Esc",
    "esc",  # the footer's key cap for escape, as printed on keyboards
    "Space",
    "Enter",
    "Escape",
    "Shift",
    "Tab",
    *(f"F{n}" for n in range(1, 13)),
    *(f"f{n}" for n in range(1, 13)),
}
"""keys are named as printed on the keyboard, in every language"""
NAMES = {"English", "deliverables", "jobdesc", "clients", "acme"}
"""the language menu names each language in itself (English, فارسی, Русский); folder names in paths"""
FORMATS = {"xlsx", "md", "html", "csv", "odoo", "casbin", "bpmn", "mermaid", "dot", "mspdi", "docx", "svg"}
"""file formats, chosen by their extension"""


def screen_text(app) -> str:
    """Everything the current screen draws, line by line, as the terminal receives it."""
    return "\n".join(
        "".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()
    )


def data_words(engagement: Path) -> frozenset[str]:
    """What the user or the demo typed (the client, people, notes, the folder): shown as typed, not chrome."""
    from workbench.app.engagement import open_engagement

    opened = open_engagement(engagement, AUTHOR, sync=False)
    try:
        pb = opened.resolved
        ids = {
            pb.id,
            "b2c-retail-loyalty",
            "core",
            *(
                item.id
                for group in (
                    pb.roles,
                    pb.objects,
                    pb.kpis,
                    pb.processes,
                    pb.requirements,
                    pb.modules,
                    pb.questions,
                    pb.phases,
                    pb.job_profiles,
                )
                for item in group
            ),
        }
        ids.update(t.id for p in pb.phases for t in p.tasks)
        ids.update(n.id for p in pb.processes for n in p.nodes)
        texts = [CLIENT, AUTHOR, "demo", str(engagement)]
        for event in opened.store.history():  # notes and assignees, as typed
            texts += [event.note or "", str(event.new or "")]
    finally:
        opened.store.close()
    words = {w for text in texts for w in text.replace("/", " ").replace("(", " ").replace(")", " ").split()}
    return frozenset(ids | words | {w.strip(".,:;") for w in words} | BUILT_IN_RULES)


def found_leaks(text: str, lang: str, ids: frozenset[str]) -> list[str]:
    """English left on screen: the deliverables' leak finder, less key names, formats, one-letter keys or
    matrix letters (C R U D, R A C I) that every language keeps, and a name clipped to its column (the
    beginning of a data word or allowed name, cut with …)."""
    allowed = KEY_NAMES | FORMATS | NAMES
    return [
        w
        for w in leaks(text, lang, ids)
        if w not in allowed
        and len(w) > 1
        and not (w.startswith("digits") and lang != "fa")
        and not _cut(w, text, ids)
    ]


def _cut(word: str, text: str, ids: frozenset[str]) -> bool:
    """`word` is only a piece of an allowed word, cut by a column (…), the screen's edge, a field's edge
    (the folder's path in an input, then its padding) or a dialog drawn over it (█): "CR" of CRM at the
    right edge, "RM" of CRM beside the help dialog, "pop" of the temporary folder `popen-gw1`."""
    if not any(word in i for i in ids):
        return False
    cut = "…█▏▎▊▐▌│┃"
    edge = rf"(?:^|[{cut}]) *{re.escape(word)}\b|\b{re.escape(word)} *(?:$|[{cut}])"
    return re.search(edge, text, re.M) is not None


async def _walk(pilot, app) -> dict[str, str]:
    """Every section, every deliverables tab, the task details, the help, the new-engagement dialog and
    the palette: what each draws."""
    seen: dict[str, str] = {}
    for key, name in (
        ("f2", "start"),
        ("f3", "intake"),
        ("f4", "phases"),
        ("f6", "export"),
        ("f7", "jobdesc"),
        ("f8", "uat"),
        ("f9", "people"),
    ):
        await pilot.press(key)
        await settle(pilot)
        seen[name] = screen_text(app)
    for key, name in (("a", "people: add a person"), ("u", "people: audit users")):
        await pilot.press(key)  # the People screen's dialogs
        await settle(pilot)
        seen[name] = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("i")  # the task's details, checklist and history
    await settle(pilot)
    seen["phases details"] = screen_text(app)
    await pilot.press("f5")
    await settle(pilot)
    assert isinstance(app.screen, DeliverablesScreen)
    for tab, _label in TABS:
        app.screen.show_tab(tab)
        await settle(pilot)
        seen[f"deliverables {tab}"] = screen_text(app)
    await pilot.press("f1")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    seen["help"] = screen_text(app)
    await pilot.press("escape")
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    seen["new engagement"] = screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("p")  # the portfolio of the recent engagements (this one)
    assert await wait_for(pilot, lambda: getattr(app.screen, "all_rows", None))
    await settle(pilot)
    seen["portfolio"] = screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("ctrl+p")
    await settle(pilot)
    seen["palette"] = screen_text(app)
    await pilot.press("escape")
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fa", "ru"])
async def test_every_screen_in_persian_and_russian_shows_no_english_chrome(seeded, lang):
    ids = data_words(seeded) | allowed_latin_words()
    app = make_app(seeded, today=TODAY, section="phases", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app)
    found = {}
    for name, text in seen.items():
        words = found_leaks(text, lang, ids)  # the layout keeps Latin words whole and left to right
        if words:
            found[name] = sorted(set(words))
    assert not found, f"English on the {lang} screens: {found}"
    assert len(seen) == 20  # every screen was seen, not skipped


@pytest.mark.slow
async def test_the_english_walk_is_found_by_the_same_check(seeded):
    """The check above can fail: the same walk in English is full of English words."""
    ids = data_words(seeded) | allowed_latin_words()
    app = make_app(seeded, today=TODAY, section="phases", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = await _walk(pilot, app)
    assert all(found_leaks(text, "ru", ids) for text in seen.values())


async def test_switching_the_language_from_the_palette_changes_the_chrome_and_is_remembered(seeded):
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Phases" in str(app.screen.query_one(NavBar).render())
        phases_ru = i18n.gettext_in("ru", "Phases")
        assert i18n.current_language() == "en"
        await pilot.press("ctrl+p")
        await settle(pilot)
        for char in "Русский":
            await pilot.press(char)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert i18n.current_language() == "ru"
        assert isinstance(app.screen, PhasesScreen)  # the section shown stays shown
        bar = str(app.screen.query_one(NavBar).render())
        assert phases_ru in bar and "Phases" not in bar
        assert "Начать" in screen_text(app) or "Начало" in screen_text(app)  # the footer's keys
        table = app.screen.query_one(TaskTable)
        assert str(next(c for k, c in table.columns.items() if k.value == "name").label) == "Задача"
        first_phase = app.session.opened.resolved.phases[0].name.get_text("ru")
        assert first_phase in screen_text(app)  # the playbook's own phase name, in Russian
    saved = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["language"] == "ru"
    assert Path(settings_path()).parent != Path.home() / ".config"  # the test's own folder (conftest)
    later = make_app(seeded, today=TODAY, section="phases")  # the next start speaks Russian
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert i18n.current_language() == "ru"
        assert i18n.gettext_in("ru", "Phases") in str(later.screen.query_one(NavBar).render())


async def test_switching_keeps_what_is_typed_in_the_intake(engagement):
    app = make_app(engagement, today=TODAY, section="intake")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = dict(app.session.opened.engagement.answers)
        await app.switch_language("fa")
        await settle(pilot)
        assert app.current_mode == "intake" and i18n.current_language() == "fa"
        assert app.session.opened.engagement.answers == before  # nothing lost, nothing invented


async def test_textual_own_words_follow_the_language(seeded):
    app = make_app(seeded, today=TODAY, section="phases", lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Тема" in titles and "Выход" in titles and "Theme" not in titles


def test_start_language_precedence(monkeypatch):
    monkeypatch.delenv("CRMWB_LANG", raising=False)
    assert start_language(None, None) == "en"
    assert start_language(None, "fa") == "fa"  # nobody chose: the engagement's language
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('language = "ru"\n', encoding="utf-8")
    assert start_language(None, "fa") == "ru"  # the settings file beats the engagement
    assert start_language(None, "fa", {"CRMWB_LANG": "fa"}) == "fa"  # the environment beats the file
    assert start_language("en", "fa", {"CRMWB_LANG": "fa"}) == "en"  # --lang beats everything
    settings_path().write_text("language = [broken\n", encoding="utf-8")
    assert start_language(None, "fa") == "fa"  # a broken file is no choice: the app still starts


async def test_an_engagement_in_persian_opens_in_persian_when_nobody_chose(seeded):
    from workbench.store.engagement import read

    text = (seeded / "engagement.yaml").read_text(encoding="utf-8")
    assert "\nlanguage:" not in text  # made without one: English
    (seeded / "engagement.yaml").write_text(text + "language: fa\n", encoding="utf-8")
    assert read(seeded).language == "fa"
    app = make_app(seeded, today=TODAY, section="phases")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert i18n.current_language() == "fa"
        assert bidi.visual(i18n.gettext_in("fa", "Phases")) in str(app.screen.query_one(NavBar).render())


# ---- Persian laid out for display only


async def test_persian_is_laid_out_on_screen_but_never_in_the_data(seeded):
    app = make_app(seeded, today=TODAY, section="phases", lang="fa")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        view = next(iter(table.views.values()))
        assert bidi.has_rtl(view.name)
        cell = str(table.get_cell(view.id, "name"))
        assert (
            cell == bidi.visual(clip(view.name, table.name_width)) != view.name
        )  # drawn in visual order ...
        assert view.name == app.session.opened.resolved.task_map()[view.id].name.get_text(
            "fa"
        )  # ... kept as written
        search = app.screen.query_one("#task-search", Input)
        search.focus()
        word = next(w for v in table.views.values() for w in v.name.split() if "ی" in w and len(w) > 3)
        typed = word.replace("ی", "ي").replace("ک", "ك")  # as an Arabic keyboard types it
        for char in typed:
            await pilot.press(char)
        await settle(pilot)
        assert search.value == typed  # what is being edited stays as typed, in logical order
        named = {
            v.id
            for v in app.screen.views
            if v.phase == app.screen.phase and (word in v.name.replace("\u200c", "") or word in v.name)
        }
        assert named and named <= set(table.views)  # found in the Persian spelling ...
        assert all(
            search_key(word) in app.screen.task_search_key(v) for v in table.views.values()
        )  # ... and every other task found has the word in its description or checklist
        assert len(table.views) < len(app.screen.views)


async def test_a_terminal_that_does_bidi_itself_gets_the_text_as_it_is(seeded, monkeypatch):
    monkeypatch.setenv("CRMWB_BIDI", "terminal")
    app = make_app(seeded, today=TODAY, section="phases", lang="fa")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TaskTable)
        view = next(iter(table.views.values()))
        assert str(table.get_cell(view.id, "name")) == view.name
    bidi.set_mode("app")


def test_visual_reorders_and_shapes_only_right_to_left_text():
    bidi.set_mode("app")
    assert bidi.visual("Task list") == "Task list"
    shown = bidi.visual("فهرست کارها")
    assert shown != "فهرست کارها" and bidi.has_rtl(shown)
    import unicodedata

    assert unicodedata.normalize("NFKC", shown)[::-1] == "فهرست کارها"  # the same letters, reversed
    assert bidi.visual_wrapped("یک دو سه چهار پنج شش هفت هشت نه ده", 12).count("\n") >= 2
    bidi.set_mode("terminal")
    assert bidi.visual("فهرست کارها") == "فهرست کارها"
    bidi.set_mode("app")


async def test_a_persian_notification_is_laid_out_and_wrapped_in_reading_order(seeded):
    app = make_app(seeded, today=TODAY, section="phases", lang="fa")
    message = "برنامهٔ دیگری در حال نوشتن در این پروژه است؛ دوباره تلاش می‌شود و پاسخ شما پس از آن ذخیره می‌شود."
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify(message, title="مخزن مشغول است", timeout=30)
        app.notify("Saved: adds 2 tasks.", timeout=30)
        await pilot.pause()
        persian, english = list(app._notifications)[-2:]  # as tests/tui/store_support reads them
    first, *rest = persian.message.split("\n")
    assert rest and first == bidi.visual(
        textwrap.wrap(message, app.TOAST_TEXT_WIDTH)[0]
    )  # its beginning first
    assert (
        persian.title == bidi.visual("مخزن مشغول است") and not persian.markup
    )  # shown as text, never markup
    assert english.message == "Saved: adds 2 tasks."  # other text untouched
