"""Dependencies are bounded and locked: a release elsewhere must not break a clean checkout.

Every requirement in pyproject.toml (runtime and test extra, and the build backend) names an upper bound
below its next major version, and requirements.lock pins each of them, and everything they pull in, to a
version inside that range. CI and the README install with `-c requirements.lock`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> list[Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    texts = list(data["project"]["dependencies"]) + list(data["build-system"]["requires"])
    for extra in data["project"].get("optional-dependencies", {}).values():
        texts += extra
    return [Requirement(text) for text in texts]


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line).groups()
            pins[canonicalize_name(name)] = version
    return pins


def test_every_requirement_has_an_upper_bound():
    declared = _declared()
    assert len(declared) >= 10
    unbounded = [
        str(r) for r in declared if not any(s.operator in ("<", "<=", "~=", "==") for s in r.specifier)
    ]
    assert unbounded == []


def test_the_lock_pins_every_requirement_inside_its_range():
    pins = _locked()
    outside = []
    for req in _declared():
        name = canonicalize_name(req.name)
        if name == "hatchling" and name not in pins:
            continue  # the build backend is installed by pip's isolated build, bounded in build-system
        if name not in pins or not req.specifier.contains(pins[name], prereleases=True):
            outside.append(f"{req} (locked: {pins.get(name, 'missing')})")
    assert outside == []
