"""The core never imports Textual, and the fast commands never pay for heavy writers."""

from __future__ import annotations

import json
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


EACH_ALONE = """
import json, os, sys
import pydantic, yaml  # shared by every core module and light: imported once, before the forks
import workbench.domain.playbook  # the model tree most core modules import: proven light with the base
base = set(sys.modules)
for module in sys.argv[1:]:
    read, write = os.pipe()
    if os.fork() == 0:  # a child per module: it starts from the same clean base as the others
        os.close(read)
        try:
            __import__(module)
            found = sorted(set(sys.modules) - base)
        except BaseException as exc:
            found = [f"import failed: {exc!r}"]
        os.write(write, json.dumps(found).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        print(json.dumps([module, json.loads(pipe.read() or '["the child died"]')]))
    os.wait()
print(json.dumps(["<base>", sorted(base)]))
"""


def loaded_by_each_core_module() -> dict[str, set[str]]:
    """{module: the modules importing it alone loads}: one interpreter that imports pydantic, yaml and the
    playbook's model tree, then forks a child per core module, instead of an interpreter start per module
    (and a rebuild of every pydantic model per child: 10 s of the suite). A heavy module can only be in a
    child's list through that child's import: the base holds none (asserted), so a core module in the
    base is light too, and its list is the base's."""
    result = subprocess.run(
        [sys.executable, "-c", EACH_ALONE, *CORE], capture_output=True, text=True, cwd=ROOT, check=True
    )
    found = {name: set(modules) for name, modules in map(json.loads, result.stdout.splitlines())}
    base = found.pop("<base>")
    assert not [m for m in base if m.split(".")[0] in HEAVY]
    return {name: modules | base if name in base else modules for name, modules in found.items()}


@pytest.mark.slow
def test_each_core_module_imports_alone_and_loads_no_ui_or_writer():
    """One test for every core module (the forks run once: as a test per module they ran once per
    xdist worker, 8 s each); each offender is named with what it loaded."""
    assert len(CORE) > 40  # the glob found the core
    found = loaded_by_each_core_module()
    assert sorted(found) == CORE
    failed = {m: sorted(x for x in loaded if x.startswith("import failed")) for m, loaded in found.items()}
    assert not {m: f for m, f in failed.items() if f or m not in found[m]}
    heavy = {m: sorted(x for x in loaded if x.split(".")[0] in HEAVY) for m, loaded in found.items()}
    assert not {m: h for m, h in heavy.items() if h}


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
