"""Every `from workbench... import name` in benchmarks/ names something that exists: benchmarks are run by
hand, so a moved function (create and open_engagement went from store.engagement to app.engagement) would
otherwise break one silently until someone needs its figure."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _imports() -> list[tuple[str, str, str]]:
    found = []
    for script in sorted(BENCHMARKS.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbench"):
                found += [(script.name, node.module or "", alias.name) for alias in node.names]
    return found


def test_benchmarks_import_only_what_exists():
    imports = _imports()
    assert len(imports) > 20  # the walk found the benchmarks' imports
    missing = []
    for script, module, name in imports:
        loaded = importlib.import_module(module)
        if not hasattr(loaded, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ImportError:
                missing.append(f"{script}: from {module} import {name}")
    assert not missing, "\n".join(missing)
