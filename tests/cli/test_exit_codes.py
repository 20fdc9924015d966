"""Every CLI exit status is an ExitCode member: no command returns a bare number or passes one to
sys.exit, so a number means the same thing in every command and the README table stays true."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import workbench.cli
from workbench.cli.exit_codes import ExitCode
from workbench.cli.main import main

CLI = Path(workbench.cli.__file__).parent
README = Path(__file__).resolve().parents[2] / "README.md"


def _int_literals(node: ast.AST | None) -> list[ast.Constant]:
    """Int constants an expression can evaluate to (through `a if c else b`), bools excluded."""
    if node is None:
        return []
    if isinstance(node, ast.IfExp):
        return _int_literals(node.body) + _int_literals(node.orelse)
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return [node]
    return []


def _exit_calls(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("exit", "_exit")
            and node.args
        ):
            calls.append(node)
    return calls


def literal_exits(source: str) -> list[int]:
    """Line numbers of int literals returned from a function or passed to an exit call."""
    tree = ast.parse(source)
    found = [c for node in ast.walk(tree) if isinstance(node, ast.Return) for c in _int_literals(node.value)]
    found += [c for call in _exit_calls(tree) for c in _int_literals(call.args[0])]
    return sorted(c.lineno for c in found)


def test_the_scan_finds_what_it_is_meant_to_find():
    source = (
        "import sys\ndef run(a):\n    if a:\n        return 2\n    return 0 if a else 1\n"
        "def stop():\n    sys.exit(3)\ndef fine():\n    return ExitCode.OK\n"
    )
    assert literal_exits(source) == [4, 5, 5, 7]


def test_no_cli_module_returns_a_literal_exit_code():
    files = sorted(CLI.glob("*.py"))
    assert len(files) > 20  # the scan reads the real CLI sources
    offenders = {f.name: lines for f in files if (lines := literal_exits(f.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_existing_numbers_are_kept():
    assert [
        int(c)
        for c in (
            ExitCode.OK,
            ExitCode.FINDINGS,
            ExitCode.BAD_INPUT,
            ExitCode.USAGE,
            ExitCode.INTERNAL,
            ExitCode.BUSY,
            ExitCode.INTERRUPTED,
        )
    ] == [0, 1, 2, 2, 70, 75, 130]


@pytest.mark.parametrize("code", list(ExitCode))
def test_the_readme_table_lists_every_code(code):
    text = README.read_text(encoding="utf-8")
    assert f"| `{int(code)}` | `{code.name}` |" in text


def test_for_problems_picks_the_worst_severity():
    class P:
        def __init__(self, severity):
            self.severity = severity

    assert ExitCode.for_problems([]) is ExitCode.OK
    assert ExitCode.for_problems([P("warning")]) is ExitCode.FINDINGS
    assert ExitCode.for_problems([P("warning"), P("error")]) is ExitCode.BAD_INPUT


def test_a_usage_error_exits_with_the_usage_code(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["validate", "x.yaml", "--no-such-option"])
    assert raised.value.code == ExitCode.USAGE == 2
    assert "--no-such-option" in capsys.readouterr().err
