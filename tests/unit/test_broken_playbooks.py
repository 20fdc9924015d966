"""Every file in tests/data/broken is a playbook with one known defect: the loader must report it at the
exact line and column named in the file's first line (`# expect: LINE:COL message fragment`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.loading.playbooks import load_playbook

BROKEN = sorted((Path(__file__).parent.parent / "data" / "broken").glob("*.yaml"))


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 30


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_playbook_is_reported_where_it_is_broken(path: Path):
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# expect: ")
    location, fragment = header.removeprefix("# expect: ").split(" ", 1)
    line, column = map(int, location.split(":"))

    loaded = load_playbook(path)

    assert not loaded.ok
    matching = [p for p in loaded.problems if fragment in p.message]
    assert matching, f"no problem mentions {fragment!r}: {[str(p) for p in loaded.problems]}"
    problem = matching[0]
    assert Path(problem.file).resolve() == path.resolve()
    assert (problem.line, problem.column) == (line, column), str(problem)
    assert problem.severity == "error"
