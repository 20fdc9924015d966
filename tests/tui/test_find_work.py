"""Finding work on the Phases screen: text search in every language of the playbook, the quick filters
(mine, late, blocked, critical) alone and combined, the summary line, the empty hint, and their keys in F1
and in the palette."""

from __future__ import annotations

from datetime import date

from tests.tui.conftest import AUTHOR, START
from tests.tui.helpers import open_phases, settle, text_of
from workbench.store.sqlite_store import SQLiteStore
from workbench.tui.app import make_app
from workbench.tui.screens.help import help_markdown

FIRST_DAY = START
"""the app's `today`: the plan's first day, so no task is late by the plan alone"""


def phase_tasks(folder) -> list[str]:
    from workbench.app.engagement import open_engagement

    with open_engagement(folder, AUTHOR) as opened:
        return [t.id for t in opened.plan.tasks if t.phase == "pre_deployment"]


def build_state(folder) -> dict[str, str]:
    """Five tasks of the first phase in known states: which task plays which part."""
    ids = phase_tasks(folder)
    parts = {"mine": ids[1], "mine_late": ids[2], "theirs_late": ids[3], "blocked": ids[4], "done": ids[5]}
    overdue = date(2026, 1, 20)
    with SQLiteStore(folder / "state.db") as store:
        store.assign(parts["mine"], AUTHOR, "setup")
        store.assign(parts["mine_late"], f" {AUTHOR.upper()} ", "setup")  # case and spaces do not matter
        store.set_due(parts["mine_late"], overdue, "setup")
        store.assign(parts["theirs_late"], "Sara Ahmadi", "setup")
        store.set_due(parts["theirs_late"], overdue, "setup")
        store.set_status(parts["blocked"], "blocked", "setup", "waiting for IT")
        store.set_due(parts["done"], overdue, "setup")  # late by date, but done: not late
        store.set_status(parts["done"], "done", "setup")
    return parts


async def test_quick_filters_give_exactly_the_expected_rows(engagement):
    parts = build_state(engagement)
    app = make_app(engagement, today=FIRST_DAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_phases(pilot)
        everything = set(table.views)
        critical = {t.id for t in app.session.opened.plan.tasks if t.critical and t.phase == "pre_deployment"}
        assert critical and critical != everything  # the filter has something to keep and to drop

        await pilot.press("m")
        assert set(table.views) == {parts["mine"], parts["mine_late"]}
        await pilot.press("l")  # mine and late together
        assert set(table.views) == {parts["mine_late"]}
        summary = text_of(screen.query_one("#find-summary"))
        assert summary == f"1 of {len(everything)} tasks · filters: mine, late (x clears)"
        await pilot.press("m")  # mine off: every late task
        assert set(table.views) == {parts["mine_late"], parts["theirs_late"]}
        await pilot.press("l", "exclamation_mark")
        assert set(table.views) == {parts["blocked"]}
        await pilot.press("exclamation_mark", "asterisk")
        assert set(table.views) == critical
        await pilot.press("x")
        assert set(table.views) == everything and not screen.toggles
        assert text_of(screen.query_one("#find-summary")) == f"{len(everything)} tasks"


async def test_an_empty_result_says_how_to_get_the_tasks_back(engagement):
    app = make_app(engagement, today=FIRST_DAY, section="phases")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await open_phases(pilot)
        everything = set(table.views)
        await pilot.press("exclamation_mark")  # nothing is blocked in a fresh engagement
        summary = screen.query_one("#find-summary")
        assert not table.views and summary.has_class("-empty")
        assert text_of(summary) == "No task matches the filters (blocked). Press x to clear them."
        await pilot.press("x")
        assert set(table.views) == everything and not summary.has_class("-empty")


async def test_search_finds_a_task_by_its_persian_and_russian_name(engagement):
    app = make_app(engagement, today=FIRST_DAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_phases(pilot)
        resolved = app.session.opened.resolved
        target = resolved.task_map()[phase_tasks(engagement)[3]]
        persian, russian = target.name["fa"], target.name["ru"]
        assert persian != target.name["en"] and russian != target.name["en"]
        await pilot.press("slash")
        # typed on an Arabic keyboard: ي and ك for ی and ک, and no zero-width non-joiner
        await pilot.press(*persian.replace("ی", "ي").replace("ک", "ك").replace("\u200c", ""))
        await pilot.pause()
        assert target.id in table.views
        assert all(persian in resolved.task_map()[t].name["fa"] for t in table.views)
        screen.query_one("#task-search").value = russian.upper().replace("Ё", "Е")
        await pilot.pause()
        assert target.id in table.views and len(table.views) < len(screen.views)
        assert text_of(screen.query_one("#find-summary")).startswith(f"{len(table.views)} of ")


async def test_search_looks_in_the_checklist_in_another_language(engagement):
    app = make_app(engagement, today=FIRST_DAY, section="phases", lang="ru")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_phases(pilot)
        resolved = app.session.opened.resolved
        task = next(
            resolved.task_map()[t] for t in phase_tasks(engagement) if resolved.task_map()[t].checklist
        )
        assert task.checklist[0].has("fa") and task.checklist[0]["fa"] != task.checklist[0]["en"]
        words = task.checklist[0]["fa"].split()[:3]  # a Persian consultant's words, on a Russian interface
        screen.query_one("#task-search").value = " ".join(words)
        await pilot.pause()
        assert task.id in table.views


async def test_the_new_keys_are_in_the_help_and_the_palette(engagement):
    from workbench.tui.commands import WorkbenchCommands

    app = make_app(engagement, today=FIRST_DAY, section="phases")
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _table = await open_phases(pilot)
        text = help_markdown(screen)
        for line in ("- `m` **Mine**", "- `l` **Late**", "- `!` **Blocked**", "- `*` **Critical**"):
            assert line in text
        assert "- `x` **Clear filters**" in text
        entries = {label: run for label, run, _help in WorkbenchCommands(screen).commands()}
        for label in ("task: Mine", "task: Late", "task: Blocked", "task: Critical", "task: Search"):
            assert label in entries
        await entries["task: Blocked"]()
        assert screen.toggles == {"blocked"}


def test_the_name_gets_the_room_and_the_assignee_what_it_needs():
    from workbench.tui.widgets.task_columns import layout

    longest = {"name": 53, "status": 9, "owner": 24, "assignee": 13, "due": 10}
    narrow = layout(80, longest)
    assert list(narrow) == ["critical", "name", "status", "owner", "assignee", "due"]
    assert narrow == {"critical": 1, "name": 25, "status": 9, "owner": 9, "assignee": 13, "due": 10}
    assert sum(narrow.values()) + 2 * len(narrow) + 1 == 80  # every cell of the width used, none more
    wide = layout(160, longest)
    assert wide["name"] >= 53 and wide["owner"] == 24 and wide["assignee"] == 13  # room for all: none cut
    tiny = layout(60, longest)
    assert "owner" not in tiny and tiny["assignee"] >= 8  # too narrow: the owner goes (read in the details)


async def test_at_80x24_the_details_show_the_owner_assignee_and_checklist_whole(engagement):
    from workbench.domain.text import tr
    from workbench.tui.widgets.paged_table import clip

    person = "Maryam Karimi-Tehrani (external auditor)"
    app = make_app(engagement, today=FIRST_DAY, section="phases", lang="fa")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, table = await open_phases(pilot)
        resolved = app.session.opened.resolved
        task = max(
            (resolved.task_map()[t] for t in table.views),
            key=lambda t: max([len(tr(item, "fa")) for item in t.checklist] or [0]),
        )
        screen.select_task(task.id)
        await pilot.press("a", *person, "enter")
        await settle(pilot)
        owner = tr(resolved.role_map()[task.owner].name, "fa")
        assert str(table.get_cell(task.id, "assignee")) == clip(person, table.widths["assignee"])
        assert table.widths["assignee"] > 10  # no longer cut at 10, even beside the Persian status labels
        await pilot.press("i")
        await settle(pilot)
        head = screen.query_one("#detail-head").text
        assert person in head and owner in head and task.owner not in head
        longest = max(range(len(task.checklist)), key=lambda i: len(tr(task.checklist[i], "fa")))
        await pilot.press(*["down"] * longest)
        await settle(pilot)
        item = screen.query_one("#checklist-item")
        assert item.display and tr(task.checklist[longest], "fa") in item.text


def test_the_rfp_search_finds_a_requirement_by_its_text_in_another_language(engagement):
    from workbench.app.engagement import open_engagement
    from workbench.tui.widgets.rfp_table import filter_rows, rfp_rows

    with open_engagement(engagement, AUTHOR) as opened:
        requirement = opened.resolved.requirements[3]
        rows = {lang: rfp_rows(opened.resolved, lang) for lang in ("en", "fa")}
    typed = {
        "en": " ".join(requirement.text["en"].split()[:3]),
        "ru": " ".join(requirement.text["ru"].split()[:3]).upper().replace("Ё", "Е"),
        "fa": " ".join(requirement.text["fa"].split()[:3]).replace("ی", "ي").replace("\u200c", ""),
    }
    assert len(set(typed.values())) == 3
    for interface, words in (("en", "ru"), ("en", "fa"), ("fa", "en"), ("fa", "ru")):
        found = [r.id for r in filter_rows(rows[interface], None, None, typed[words], interface)]
        assert requirement.id in found and len(found) < len(rows[interface]), (interface, words)


def test_only_a_word_in_another_script_searches_the_other_languages():
    from workbench.domain.search import foreign_words, search_words

    assert not foreign_words(search_words("Система клиент"), "ru")
    assert foreign_words(search_words("Система клиент"), "en")
    assert foreign_words(search_words("سامانه crm"), "fa")  # Latin beside Persian: English is searched
    assert not foreign_words(search_words("سامانه ۱۲ ٣"), "fa")  # digits belong to no language
