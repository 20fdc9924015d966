"""The core never imports Textual, and the fast commands never pay for heavy writers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for folder in ("domain", "loading")
    for p in (ROOT / "workbench" / folder).glob("*.py")
)
HEAVY = ("textual", "openpyxl", "docx")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_or_writer(module):
    loaded = loaded_after(f"import {module}")
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]


def test_help_and_validate_stay_light():
    loaded = loaded_after(
        "import contextlib, io\nfrom workbench.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['validate', 'tests/data/mini.yaml'])\n"
        "    main([])"
    )
    assert not [m for m in loaded if m.split(".")[0] in HEAVY]
    help_only = loaded_after("from workbench.cli.main import build_parser\nbuild_parser()")
    assert "pydantic" not in help_only and "yaml" not in help_only
