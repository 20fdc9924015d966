"""The workbook's live formulas compute what domain.rfp.score_vendor computes: fill responses, let
LibreOffice Calc recalculate, compare every module score, the total and the must-haves missed.
Skipped where LibreOffice (with Calc) is not installed; a failure in CI (CRMWB_REQUIRE_RENDERERS=1)."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SOFFICE, libreoffice_convert, tool_mark
from tests.writers.rfp_fixtures import context, fill
from workbench.domain.rfp import RESPONSE_ALIASES, RESPONSES, score_vendor
from workbench.domain.rfp_pack import module_names
from workbench.writers import rfp_xlsx

pytestmark = tool_mark(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

TRICKY_VENDORS = {
    "a": {
        "R1": "Fully supported",
        "R3": "config",
        "R2": "  FULLY \n supported ",
        "R4": "Yes, via plugin",
        "R5": "Fully supported",
        "R6": "Roadmap",
    },
    "b": {"R1": "Roadmap", "R2": "Customisation", "R4": "not supported", "R6": "customization"},
    "c": {},
    "d": {"R1": "yes", "R3": "Not supported", "R2": "planned", "R4": "Configuration", "R6": "\tstandard"},
}


def recalculate(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """Open and save each file with LibreOffice Calc, which computes every formula."""
    return libreoffice_convert(files, out, "xlsx", profile, "--calc")


def expected(ctx, responses):
    names = module_names(ctx.playbook, ctx.lang)
    reqs = [r.model_copy(update={"module": names[r.module]}) for r in ctx.playbook.requirements]
    return score_vendor("v", reqs, responses)


def check(path: Path, ctx, responses: dict) -> None:
    score = expected(ctx, responses)
    book = openpyxl.load_workbook(path, data_only=True)
    req = book["Requirements"]
    for row in req.iter_rows(min_row=2, values_only=True):
        raw = responses.get(row[0])
        label = {k.lower(): k for k in RESPONSES}.get(" ".join(str(raw).split()).lower()) if raw else None
        label = label or RESPONSE_ALIASES.get(" ".join(str(raw).split()).lower() if raw else "")
        assert row[9] == pytest.approx(RESPONSES.get(label, 0.0)), (path.name, row[0], raw)
    scores = {r[0]: r for r in book["Scores"].iter_rows(min_row=2, values_only=True) if r[0]}
    for module, percent in score.by_module.items():
        assert round(100 * scores[module][3], 1) == percent, (path.name, module)
    assert round(100 * scores["Total"][3], 1) == score.total
    assert scores["Must-haves missed"][1] == len(score.musts_missed)
    assert scores["Total"][5] == len(score.musts_missed)
    blank = [r for r in ctx.playbook.requirements if r.priority != "wont" and not responses.get(r.id)]
    assert scores["Not answered"][1] == len(blank)


def test_formulas_match_domain_scoring(tmp_path, libreoffice_profile):
    ctx = context()
    [blank] = rfp_xlsx.write(ctx, tmp_path)
    filled = {
        name: fill(blank, tmp_path / f"{name}.xlsx", responses) for name, responses in TRICKY_VENDORS.items()
    }
    core_ctx = context("core", answers={"modules": ["marketing", "sales", "service"]})
    (tmp_path / "core").mkdir()
    [core_blank] = rfp_xlsx.write(core_ctx, tmp_path / "core")
    rng = random.Random(7)
    choices = [*RESPONSES, *RESPONSE_ALIASES, None, "", "Yes, via plugin", " configuration  "]
    core_responses = {r.id: rng.choice(choices) for r in core_ctx.playbook.requirements}
    filled["core"] = fill(core_blank, tmp_path / "core.xlsx", core_responses)
    out = tmp_path / "recalculated"
    converted = recalculate(list(filled.values()), out, libreoffice_profile)
    for name, path in zip(filled, converted):
        if name == "core":
            check(path, core_ctx, core_responses)
        else:
            check(path, ctx, TRICKY_VENDORS[name])
