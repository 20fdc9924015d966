"""Journey: the People section (F9). An HR list imported from the TUI writes the same roster.yaml as
`crmwb roster import` on a twin engagement; a person is added, edited and removed; a people audit of a
planted user export finds what `crmwb people-audit --format json` finds, and Enter on a finding shows its
person; an import made by another process while the screen is open survives the screen's next edit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from textual.widgets import DataTable, Input, Select

from tests.engagement.concurrency_helpers import crmwb_here
from tests.people.people_gen import population, roster_csv, write_export
from tests.tui.conftest import AUTHOR, TODAY
from tests.tui.helpers import settle
from workbench.domain.people import Person
from workbench.tui.app import make_app
from workbench.tui.screens.form_dialog import ConfirmDialog
from workbench.tui.screens.people import PeopleScreen
from workbench.tui.screens.people_dialogs import (
    ImportPreviewDialog,
    PeopleAuditDialog,
    PersonDialog,
    RemovePersonDialog,
    RosterFileDialog,
)

SIZE = (140, 45)


@pytest.fixture(scope="module")
def design():
    from workbench.app.design import load_design

    found, problems = load_design("core", None)
    assert found is not None, problems
    return found.playbook


@pytest.fixture(scope="module")
def pop(design):
    return population(design, 80)


@pytest.fixture(scope="module")
def core_template(tmp_path_factory) -> Path:
    """`crmwb new DIR --playbook core` once per module (with the private state, settings and author every
    test gets from `state_home`); each test works on copies of it."""
    root = tmp_path_factory.mktemp("people-template")
    private = {"XDG_STATE_HOME": str(root), "CRMWB_CONFIG_DIR": str(root), "CRMWB_AUTHOR": AUTHOR}
    folder = root / "core"
    made = crmwb_here("new", str(folder), "--playbook", "core", "--client", "Client", env=private)
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture
def new_core(core_template, tmp_path):
    def make(name: str) -> Path:
        return Path(shutil.copytree(core_template, tmp_path / name))

    return make


def roster_xlsx(people: list[Person], path: Path) -> Path:
    """The HR list as the client sends it: an xlsx with Persian headers."""
    book = Workbook()
    sheet = book.active
    sheet.append(["کد پرسنلی", "نام و نام خانوادگی", "واحد", "نقش", "مدیر", "فعال", "ایمیل", "نام کاربری"])
    for p in people:
        sheet.append(
            [
                p.id,
                p.name,
                p.department,
                ",".join(p.roles),
                p.manager,
                "بله" if p.active else "خیر",
                p.email,
                p.login,
            ]
        )
    book.save(path)
    return path


def roster_doc(folder: Path) -> dict:
    return yaml.safe_load((folder / "roster.yaml").read_text(encoding="utf-8"))


async def open_people(pilot, app) -> PeopleScreen:
    await settle(pilot)
    await pilot.press("f9")
    await settle(pilot)
    assert isinstance(app.screen, PeopleScreen)
    return app.screen


async def test_importing_an_xlsx_writes_what_the_cli_writes(run_cli, new_core, pop, tmp_path):
    ours, twin = new_core("tui"), new_core("cli")
    hr = roster_xlsx(pop.people, tmp_path / "hr.xlsx")
    code, _out, err = run_cli("roster", twin, "import", hr)
    assert code == 0, err
    app = make_app(ours, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot, app)
        assert screen.people == []
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, RosterFileDialog) and dialog.query("CompactFooter")
        dialog.query_one("#roster-file", Input).value = str(hr)
        await pilot.press("escape")  # something typed: asks first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.screen is dialog
        await pilot.press("ctrl+s")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewDialog)
        assert preview.lines[0] == "80 added, 0 updated, 0 removed"
        assert not (ours / "roster.yaml").exists()  # nothing written before the confirmation
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#people-roster", DataTable).row_count == 80
    assert roster_doc(ours) == roster_doc(twin)
    assert len(roster_doc(ours)["people"]) == 80


async def fill_person(pilot, dialog: PersonDialog, values: dict[str, str], role=None, manager=None) -> None:
    for name, value in values.items():
        dialog.query_one(f"#person-{name}", Input).value = value
    if role is not None:
        dialog.query_one("#person-role", Select).value = role
    if manager is not None:
        dialog.query_one("#person-manager", Select).value = manager
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_add_edit_and_remove_a_person(new_core):
    folder = new_core("eng")
    app = make_app(folder, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot, app)
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, PersonDialog) and dialog.query("CompactFooter")
        await fill_person(pilot, dialog, {"id": "B1", "name": "Boss"}, role="director")
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        await fill_person(pilot, dialog, {"id": "B1", "name": "Twin"})
        assert app.screen is dialog  # the id is taken: refused in the form
        assert "B1" in str(dialog.query_one("#form-error").render())
        await fill_person(
            pilot, dialog, {"id": "P1", "name": "Sara", "login": "sara"}, role="sales_manager", manager="B1"
        )
        assert app.screen is screen and screen.selected_id == "P1"
        people = {p["id"]: p for p in roster_doc(folder)["people"]}
        assert people["P1"] == {
            "id": "P1",
            "name": "Sara",
            "department": "",
            "roles": ["sales_manager"],
            "manager": "B1",
            "active": True,
            "email": "",
            "login": "sara",
        }
        assert people["B1"]["roles"] == ["director"]

        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, PersonDialog) and dialog.query_one("#person-id", Input).disabled
        await fill_person(pilot, dialog, {"department": "Sales"})
        assert {p["id"]: p for p in roster_doc(folder)["people"]}["P1"]["department"] == "Sales"

        await pilot.press("d")
        assert isinstance(app.screen, RemovePersonDialog)
        await pilot.press("escape")  # nothing typed: closes, nothing removed
        await settle(pilot)
        assert len(roster_doc(folder)["people"]) == 2
        await pilot.press("d")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p["id"] for p in roster_doc(folder)["people"]] == ["B1"]
        assert [p.id for p in screen.people] == ["B1"]


async def test_people_audit_finds_what_the_cli_finds(run_cli, new_core, pop, design, tmp_path):
    folder = new_core("eng")
    code, _out, err = run_cli("roster", folder, "import", roster_csv(pop.people, tmp_path / "hr.csv"))
    assert code == 0, err
    files = write_export("salesforce", pop.accounts, design, tmp_path / "export")
    code, out, err = run_cli(
        "people-audit", folder, "--crm", "salesforce", "--users", *files, "--format", "json"
    )
    assert code == 1, err
    expected = [(f["kind"], f["person"], f["account"], f["evidence"]) for f in json.loads(out)["findings"]]
    assert len(expected) >= 12
    app = make_app(folder, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot, app)
        await pilot.press("u")
        dialog = app.screen
        assert isinstance(dialog, PeopleAuditDialog) and dialog.query("CompactFooter")
        dialog.query_one("#audit-crm", Select).value = "salesforce"
        dialog.query_one("#audit-files", Input).value = " ; ".join(map(str, files))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        got = [(f.kind, f.person, f.account, f.evidence) for f in screen.findings]
        assert got == expected
        shown = screen.query_one("#people-findings")
        assert shown.option_count == len(expected)
        index = next(i for i, f in enumerate(screen.findings) if f.person and f.person != screen.people[0].id)
        shown.focus()
        shown.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert screen.selected_id == screen.findings[index].person
        assert screen.query_one("#people-roster", DataTable).has_focus


async def test_an_import_by_another_process_survives_the_next_edit(new_core, pop, tmp_path):
    folder = new_core("eng")
    first, later = pop.people[:10], pop.people[10:15]
    app = make_app(folder, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot, app)
        await pilot.press("a")
        await fill_person(pilot, app.screen, {"id": first[0].id, "name": first[0].name})
        assert [p.id for p in screen.people] == [first[0].id]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "workbench",
                "roster",
                str(folder),
                "import",
                str(roster_csv(later, tmp_path / "x.csv")),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        await pilot.press("e")  # the screen still shows one person; its edit must not drop the five
        await fill_person(pilot, app.screen, {"department": "Board"})
        ids = [p["id"] for p in roster_doc(folder)["people"]]
        assert ids == [first[0].id, *(p.id for p in later)]
        assert roster_doc(folder)["people"][0]["department"] == "Board"
        assert [p.id for p in screen.people] == ids  # the table shows the roster as written


async def test_the_palette_opens_people_and_its_audit(new_core):
    from workbench.tui.commands import WorkbenchCommands

    app = make_app(new_core("eng"), today=TODAY, section="phases")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        command = {n: c for n, c, _ in WorkbenchCommands(app.screen).commands()}[
            "people: audit a CRM's users"
        ]
        await command()
        await settle(pilot)
        assert isinstance(app.screen, PeopleAuditDialog)
        assert isinstance(app.screen_stack[-2], PeopleScreen)
        app.screen.query_one("#audit-files", Input).value = "users.csv"
        await pilot.press("escape")  # typed: asks first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("f1")  # the help lists the People keys first
        await settle(pilot)
        from workbench.tui.screens.help import HelpScreen, help_markdown

        assert isinstance(app.screen, HelpScreen)
        text = help_markdown(app.screen_stack[-2])
        for words in ("Import", "Add", "Edit", "Remove", "Audit users"):
            assert f"**{words}**" in text


async def test_a_bad_hr_list_is_reported_located_and_nothing_is_written(new_core, tmp_path):
    from workbench.tui.screens.dialogs import ErrorDialog

    folder = new_core("eng")
    bad = tmp_path / "hr.csv"
    bad.write_text("Person ID,Full name\nP1,Sara\nP1,Sara again\n", encoding="utf-8")
    app = make_app(folder, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot, app)
        await pilot.press("i")
        app.screen.query_one("#roster-file", Input).value = str(bad)
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ErrorDialog) and dialog.query("CompactFooter")
        expected = f"{bad}:3:1: error: person id P1 is also on row 2; expected each person once"
        assert dialog.details == [expected]
    assert not (folder / "roster.yaml").exists()
