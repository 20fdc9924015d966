"""The RFP pack's shared vocabulary and the full export: priorities as vendors retype them, module names
that must stay unique for SUMIFS, and `crmwb export --only rfp` writing all three files."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.writers.rfp_fixtures import context
from workbench.app.export import export
from workbench.domain.rfp import MISSED, RESPONSES
from workbench.domain.rfp_pack import DELIVERED_POINTS, module_names, parse_priority


@pytest.mark.parametrize(
    "typed, priority",
    [
        ("Must", "must"),
        (" must  have ", "must"),
        ("MUST-HAVE", "must"),
        ("Won’t", "wont"),
        ("wont", "wont"),
        ("C", "could"),
        ("S", "should"),
        ("maybe", None),
        (None, None),
        (3, None),
    ],
)
def test_priorities_as_typed(typed, priority):
    assert parse_priority(typed) == priority


def test_delivered_threshold_separates_missed_responses():
    assert DELIVERED_POINTS == 0.4
    assert all((points < DELIVERED_POINTS) == (label in MISSED) for label, points in RESPONSES.items())


def test_module_names_stay_unique():
    ctx = context()
    pb = ctx.playbook.model_copy(
        update={
            "modules": [
                m.model_copy(update={"name": type(m.name)(en="Sales")}) if m.id == "service" else m
                for m in ctx.playbook.modules
            ]
        }
    )
    assert module_names(pb) == {"sales": "Sales (sales)", "service": "Sales (service)", "reports": "Reports"}


def test_export_only_rfp_writes_the_pack(tmp_path):
    result = export(context(), tmp_path / "out", only=["rfp"])
    assert sorted(p.name for p in result.files) == ["rfp.docx", "rfp.html", "rfp.md", "rfp.xlsx"]
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert {(f["deliverable"], f["format"], f["path"]) for f in manifest["files"]} == {
        ("rfp", "xlsx", "rfp.xlsx"),
        ("rfp", "md", "rfp.md"),
        ("rfp", "html", "rfp.html"),
        ("rfp", "docx", "rfp.docx"),
    }
    book = openpyxl.load_workbook(tmp_path / "out" / "rfp.xlsx")
    assert book["Cover"]["B3"].value == "Acme Retail"
