"""The portfolio screen (issue 16): `p` on the start screen lists the recent engagements with the same
cells as `crmwb portfolio`, sorts and filters them by key, says so when a filter leaves nothing, and Enter
opens the highlighted engagement."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.tui.conftest import TODAY
from tests.tui.helpers import settle
from tests.tui.store_support import wait_for
from workbench.app.recent import Recent, remember
from workbench.tui.app import make_app
from workbench.tui.screens.portfolio import PortfolioScreen

ROOT = Path(__file__).resolve().parents[2]


def _remember(*folders: Path) -> None:
    for n, folder in enumerate(folders):
        remember(Recent(str(folder), folder.name, "core", f"2026-03-0{n + 1}T10:00:00+00:00"))


def _cli_rows(*folders: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CRMWB_STORE": ""}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench",
            "portfolio",
            *map(str, folders),
            "--format",
            "json",
            "--today",
            TODAY.isoformat(),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["engagements"]


def _shown(screen: PortfolioScreen) -> list[list[str]]:
    table = screen.query_one("#portfolio")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_p_lists_the_recent_engagements_sorts_filters_and_opens_one(engagement, seeded):
    path = engagement / "engagement.yaml"  # two clients, so the order by client is not a tie
    path.write_text(
        path.read_text(encoding="utf-8").replace("client: ", "client: Zarin ", 1), encoding="utf-8"
    )
    _remember(engagement, seeded)
    app = make_app(None, today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PortfolioScreen) and app.screen.all_rows)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        rows = _shown(screen)
        cli = {str(Path(r["folder"]).resolve()): r for r in _cli_rows(engagement, seeded)}
        assert sorted(str(Path(r.folder).resolve()) for r in screen.shown) == sorted(cli)  # one row each
        for row, cells in zip(screen.shown, rows):  # the same figures as the CLI's for the same folders, day
            expected = cli[str(Path(row.folder).resolve())]
            assert cells[4] == str(expected["late"]) and cells[5] == str(expected["blocked"])
            assert cells[3].rstrip("%").strip() == str(expected["percent_done"])
        assert {r["percent_done"] for r in cli.values()} != {0}  # the demo has work done: figures differ
        folders = [r.folder for r in screen.shown]
        assert [c[0][:6] for c in rows] == ["Exampl", "Zarin "]  # by client, ascending

        await pilot.press("r")  # reverse
        assert [r.folder for r in screen.shown] == list(reversed(folders))
        await pilot.press("f")  # only engagements with late tasks
        late = {folder for folder, r in cli.items() if r["late"] > 0}
        assert {str(Path(r.folder).resolve()) for r in screen.shown} == late
        state = str(screen.query_one("#portfolio-state").render())
        assert ("late" in state) if late else ("No engagement matches" in state)
        for _ in range(4):
            await pilot.press("f")  # blocked, at risk, off track, then all again
        assert len(_shown(screen)) == 2

        target = next(i for i, r in enumerate(screen.shown) if Path(r.folder) == seeded.resolve())
        screen.query_one("#portfolio").move_cursor(row=target)
        await pilot.press("enter")
        assert await wait_for(
            pilot, lambda: app.session is not None and app.session.folder == seeded.resolve()
        )
    assert app.return_code in (None, 0)
