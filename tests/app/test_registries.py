""" "Where things go" (README): a new deliverable, command or TUI section is one file plus one registry
line. These checks keep the registries complete and every entry pointing at something real."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import workbench
from workbench.cli.main import COMMANDS
from workbench.tui.sections import SECTIONS
from workbench.writers.registry import REGISTRY

PACKAGE = Path(workbench.__file__).parent


def test_every_command_module_is_registered_and_runnable():
    modules = {f"workbench.cli.{p.stem}" for p in (PACKAGE / "cli").glob("*_cmd.py")}
    assert len(modules) > 20
    assert modules == {module for module, _help in COMMANDS.values()}
    for module in modules:
        loaded = importlib.import_module(module)
        assert callable(loaded.add_arguments) and callable(loaded.run), module


def _writer_modules() -> set[str]:
    """Modules under writers/ with a top-level function taking (ctx: ExportContext, folder): the
    deliverable writers' signature."""
    found = set()
    for path in (PACKAGE / "writers").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.args.args:
                first = node.args.args[0]
                if (
                    first.annotation is not None
                    and ast.unparse(first.annotation) == "ExportContext"
                    and len(node.args.args) == 2
                ):
                    found.add(f"workbench.writers.{path.stem}")
    return found


def test_every_deliverable_writer_is_registered_and_resolves():
    registered = {spec.split(":")[0] for formats in REGISTRY.values() for spec in formats.values()}
    writers = _writer_modules()
    assert len(writers) > 10
    assert writers <= registered, sorted(writers - registered)
    for formats in REGISTRY.values():
        for spec in formats.values():
            module, function = spec.split(":")
            assert callable(getattr(importlib.import_module(module), function)), spec


def test_every_tui_section_names_a_screen_that_exists():
    assert [s.id for s in SECTIONS if not s.screen] == ["start"]
    for section in SECTIONS:
        if section.screen:
            module, name = section.screen.split(":")
            loaded = importlib.import_module(f"workbench.tui.screens.{module}")
            assert callable(getattr(loaded, name)), section.screen
