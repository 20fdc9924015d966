"""The vendor evaluation dialog's weights and horizon: what it evaluates with fields set to
fit 40, price 35, demo 15, references 10 over three years is what `crmwb rfp evaluate --weights ...
--horizon 3 --format json` prints; weights that `--weights` would refuse are refused in the dialog too,
in the interface language, and nothing is evaluated."""

from __future__ import annotations

import json

from tests.tui.conftest import TODAY, copy_engagement
from tests.tui.helpers import settle
from tests.writers.vendor_pack_fixtures import blank_pack, vendor_packs
from workbench.tui.app import make_app
from workbench.tui.screens.vendor_evaluation_dialog import VendorEvaluationDialog

TYPED = {"fit": "40", "price": "35", "demo": "15", "references": "10"}


async def _open_dialog(pilot, app) -> VendorEvaluationDialog:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, VendorEvaluationDialog)
    return dialog


async def test_dialog_weights_and_horizon_give_what_the_cli_gives(_templates, tmp_path, run_cli):
    folder = copy_engagement(_templates["seeded"], tmp_path / "acme")
    vendors = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"))
    app = make_app(folder, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        dialog = await _open_dialog(pilot, app)
        assert dialog.query_one("#weight-fit").value == "50" and dialog.horizon == 5  # the playbook's
        dialog.query_one("#vendors-folder").value = str(vendors)
        for criterion, points in TYPED.items():
            dialog.query_one(f"#weight-{criterion}").value = points
        dialog.query_one("#evaluation-horizon").value = 3
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.evaluation is not None, dialog.query_one("#form-error").text
        tui = json.loads(json.dumps(dialog.evaluation.summary.as_json(), ensure_ascii=False))

    weights = ",".join(f"{c}={p}" for c, p in TYPED.items())
    code, out, err = run_cli(
        "rfp",
        "evaluate",
        vendors,
        "--engagement",
        folder,
        "--weights",
        weights,
        "--horizon",
        "3",
        "--format",
        "json",
        "--out",
        tmp_path / "cli-out",
    )
    assert code in (0, 1), err
    cli = json.loads(out)
    cli.pop("files")
    assert tui == cli
    assert cli["horizon_years"] == 3 and cli["weights"] == {
        "fit": 40,
        "price": 35,
        "demo": 15,
        "references": 10,
    }


async def test_weights_the_cli_would_refuse_are_refused_in_the_dialog(_templates, tmp_path):
    folder = copy_engagement(_templates["seeded"], tmp_path / "acme")
    vendors = vendor_packs(tmp_path / "vendors", blank_pack(tmp_path / "blank"))
    app = make_app(folder, today=TODAY, section="phases")
    async with app.run_test(size=(140, 45)) as pilot:
        dialog = await _open_dialog(pilot, app)
        dialog.query_one("#vendors-folder").value = str(vendors)
        for value, said in (
            ("60", "add up to 110"),
            ("abc", "'abc' is not a number"),
            ("150", "outside 0 to 100"),
        ):
            dialog.query_one("#weight-fit").value = value
            await pilot.press("enter")
            await settle(pilot)
            error = str(dialog.query_one("#form-error").render())
            assert said in error and dialog.evaluation is None, error
