"""One vocabulary: languages, phase ids, task statuses, MoSCoW priorities and CRM targets are each
written once (workbench/languages.py, workbench/domain/fixed_ids.py; the CRM targets are the adapters'
entry points in pyproject.toml). The pydantic Literal types must equal
those lists, and no other source file may spell a list out again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from workbench.domain import fixed_ids
from workbench.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2] / "workbench"
REGISTRIES = {ROOT / "languages.py", ROOT / "domain" / "fixed_ids.py"}


class _Sequence:
    """A hand-written list of a vocabulary: a run of its quoted words, comma-separated, naming at least
    `least` different ones (fewer is a subset with a meaning of its own, like the closed statuses)."""

    def __init__(self, words: tuple[str, ...], least: int = 3) -> None:
        word = "|".join(re.escape(w) for w in words)
        self.quoted = re.compile(rf"""["']({word})["']""")
        self.run = re.compile(rf"""["'](?:{word})["'](?:\s*,\s*["'](?:{word})["'])+""")
        self.least = min(least, len(words))

    def finditer(self, text: str):
        return (m for m in self.run.finditer(text) if len(set(self.quoted.findall(m.group()))) >= self.least)

    def search(self, text: str):
        return next(self.finditer(text), None)


DUPLICATES = {
    "languages": _Sequence(LANGUAGES),
    "phase ids": _Sequence(fixed_ids.PHASE_IDS),
    "task statuses": _Sequence(fixed_ids.TASK_STATUSES, 4),
    "defect statuses": _Sequence(fixed_ids.DEFECT_STATUSES, 4),
    "priorities": _Sequence(fixed_ids.PRIORITIES),
    "CRM targets": _Sequence(fixed_ids.crm_targets()),
    "CRM targets in text": re.compile(r"salesforce[,|] ?dynamics"),
}
ALLOWED = {
    ("phase ids", "domain/phases.py"),
    ("phase ids", "domain/kpis.py"),
    ("phase ids", "domain/job_profiles.py"),
    ("task statuses", "domain/tracking.py"),
    ("priorities", "domain/requirements.py"),
    ("task statuses", "store/migrations.py"),  # a migration's SQL is frozen as it was first written
    ("defect statuses", "store/migrations.py"),
}
"""the pydantic Literal types, which must be spelled out for the type checker; the tests below hold each
equal to the registry"""


def test_the_pattern_catches_a_copied_list():
    assert DUPLICATES["languages"].search('LANGS = ("en", "fa", "ru")')
    assert DUPLICATES["CRM targets"].search("for name in ('dynamics', 'salesforce', 'odoo')")
    assert not DUPLICATES["task statuses"].search('status in ("done", "skipped")')
    assert DUPLICATES["CRM targets in text"].search("--target salesforce|dynamics|odoo")
    assert not DUPLICATES["languages"].search('lang = "fa"')


def test_no_source_file_spells_out_a_vocabulary_again():
    files = [p for p in ROOT.rglob("*.py") if p not in REGISTRIES]
    assert len(files) > 100
    found = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        for name, pattern in DUPLICATES.items():
            if (name, rel) not in ALLOWED:
                found += [
                    f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {name}" for m in pattern.finditer(text)
                ]
    assert found == []


@pytest.mark.parametrize(
    ("literal", "ids"),
    [
        ("workbench.domain.phases:Phase.id", fixed_ids.PHASE_IDS),
        ("workbench.domain.kpis:Kpi.phase", fixed_ids.PHASE_IDS),
        ("workbench.domain.job_profiles:Duty.phase", (*fixed_ids.PHASE_IDS, "ongoing")),
        ("workbench.domain.tracking:TaskStatus", fixed_ids.TASK_STATUSES),
        ("workbench.domain.requirements:Priority", fixed_ids.PRIORITIES),
    ],
)
def test_the_literal_types_equal_the_registry(literal, ids):
    import importlib

    module, _, name = literal.partition(":")
    obj = importlib.import_module(module)
    head, _, field = name.partition(".")
    obj = getattr(obj, head)
    if field:
        obj = obj.model_fields[field].annotation
    assert get_args(obj) == ids


def test_every_language_has_its_name():
    from workbench.languages import LANGUAGE_NAMES

    assert tuple(LANGUAGE_NAMES) == LANGUAGES


def test_the_enums_are_the_strings_files_keep():
    assert fixed_ids.Priority.WONT == "wont" and fixed_ids.TaskStatus.NOT_STARTED == "not_started"
    assert fixed_ids.PRIORITIES == ("must", "should", "could", "wont")
    assert fixed_ids.crm_target_list("|").startswith(
        "bitrix24|dynamics|espocrm|kommo|"
    )  # sorted, entry points
