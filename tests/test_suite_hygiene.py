"""The suite cannot pass by checking nothing: no test whose every assert sits in a loop over something
that could be empty, no skip that could hide a failure on CI, and a LibreOffice that dies is retried once,
then fails the test."""

from __future__ import annotations

import ast
import re
import stat
from pathlib import Path

import pytest

import tests.conftest as shared

TESTS = Path(__file__).resolve().parent

ALLOWED_SKIPS = {
    "tests/conftest.py": 2,  # missing_tool and tool_mark: a skip on a laptop, a failure in CI
    "tests/writers/test_export_transaction.py": 3,  # fork (POSIX), mounting (root in a container that may)
    "tests/crm/test_system_rights.py": 1,  # named pipes are POSIX-only
    "tests/tui/test_trust_store.py": 1,  # the watcher's expected failure, issue 10's follow-up
}
"""Skips that depend on the platform or privileges, not on a tool CI could have forgotten; at most this
many."""
SKIP = re.compile(r"pytest\.skip\(|\.skipif\(|importorskip\(|\.xfail\b|pytest\.xfail\(")


def _non_empty_literal(loop: ast.For | ast.AsyncFor, constants: set[str]) -> bool:
    """A loop over a written-out, non-empty tuple or list (here or as a module constant) or a constant
    non-empty range runs."""
    it = loop.iter
    if isinstance(it, (ast.Tuple, ast.List, ast.Set)):
        return bool(it.elts)
    if (
        isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "range"
        and it.args
        and all(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in it.args)
    ):
        return len(range(*(a.value for a in it.args))) > 0
    return isinstance(it, ast.Name) and it.id in constants


def _asserts(node: ast.AST, in_loop: bool, constants: set[str], found: list[bool]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        loop = (
            in_loop
            or isinstance(child, (ast.While, ast.comprehension))
            or (isinstance(child, (ast.For, ast.AsyncFor)) and not _non_empty_literal(child, constants))
        )
        if isinstance(child, ast.Assert):
            found.append(loop)
        _asserts(child, loop, constants, found)


def loop_only_asserts(root: Path) -> list[str]:
    """Functions in test files whose asserts all sit inside loops that could run zero times."""
    hits = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            t.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, (ast.Tuple, ast.List))
            and node.value.elts
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found: list[bool] = []
                _asserts(fn, False, constants, found)
                if found and all(found):
                    hits.append(f"{path.relative_to(root.parent)}:{fn.lineno} {fn.name}")
    return hits


def test_no_test_has_all_its_asserts_in_a_loop_that_could_be_empty():
    assert len(list(TESTS.rglob("test_*.py"))) > 100
    assert loop_only_asserts(TESTS) == []


def test_the_loop_check_sees_a_loop_only_test(tmp_path):
    (tmp_path / "test_x.py").write_text(
        "FORMATS = ('md',)\n"
        "def test_a(items):\n    for i in items:\n        assert i\n"
        "def test_b(items):\n    assert items\n    for i in items:\n        assert i\n"
        "def test_c():\n    for f in FORMATS:\n        assert f\n",
        encoding="utf-8",
    )
    assert loop_only_asserts(tmp_path) == [f"{tmp_path.name}/test_x.py:2 test_a"]


def test_no_skip_outside_the_ci_aware_helpers_and_the_platform_ones():
    counts = {}
    for path in sorted(TESTS.rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        found = len(SKIP.findall(path.read_text(encoding="utf-8")))
        if found:
            counts[path.relative_to(TESTS.parent).as_posix()] = found
    assert "tests/conftest.py" in counts
    over = {name: n for name, n in counts.items() if n > ALLOWED_SKIPS.get(name, 0)}
    assert over == {}, (
        "use tests.conftest.missing_tool / tool_mark (a failure in CI), or make it unconditional"
    )


def _fake_soffice(tmp_path: Path, fail_runs: int) -> Path:
    """A stand-in for soffice that dies `fail_runs` times without output, then converts (copies) its input."""
    script = tmp_path / "soffice"
    script.write_text(
        f"""#!/bin/sh
n=$(cat "{tmp_path}/runs" 2>/dev/null || echo 0); echo $((n + 1)) > "{tmp_path}/runs"
[ "$n" -lt {fail_runs} ] && {{ echo "soffice died" >&2; exit 134; }}
while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2
for f in "$@"; do b=$(basename "$f"); cp "$f" "$out/${{b%.*}}.pdf"; done
""",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.mark.parametrize("fail_runs, converts", [(0, True), (1, True), (2, False)])
def test_a_libreoffice_crash_is_retried_once_then_fails(tmp_path, monkeypatch, fail_runs, converts):
    monkeypatch.setattr(shared, "SOFFICE", str(_fake_soffice(tmp_path, fail_runs)))
    source = tmp_path / "a.docx"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    if converts:
        assert shared.libreoffice_convert([source], tmp_path / "pdf", "pdf", tmp_path / "p") == [
            tmp_path / "pdf" / "a.pdf"
        ]
    else:
        with pytest.raises(
            pytest.fail.Exception, match=r"did not convert \['a.pdf'\] twice.*exit 134.*soffice died"
        ):
            shared.libreoffice_convert([source], tmp_path / "pdf", "pdf", tmp_path / "p")
    assert (tmp_path / "runs").read_text().strip() == str(min(fail_runs + 1, 2))
