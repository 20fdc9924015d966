"""Benchmark of the drift audit at scale. Run: `python benchmarks/audit_bench.py [TARGET ...]`.

Generates a 200-role x 500-object design (every role reads every object and holds a seeded random mix of
the other actions and scopes, about 60% of the 700,000 cells), maps it onto each target, writes the
export of the same size with the target's writer, then audits it as `crmwb audit` does and prints the
times: project (design -> target), read (export -> live matrix), compare, total (the three together),
plus the export's write time and size. A second audit of the same export with 1% of the roles' rights
widened checks that drift is found at this size. Finally the whole command (`crmwb audit` on the playbook
written as YAML) is timed end to end, YAML loading included. Default targets: espocrm, odoo, salesforce
(fast formats first); any registered target may be named. Prints figures; asserts nothing.
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.crm_adapters.registry import UnknownTarget, adapter
from workbench.domain.access import ACTIONS, SCOPES, CrmObject, Role
from workbench.domain.crm_targets import CrmMapping
from workbench.domain.drift import compare
from workbench.domain.playbook import Playbook
from workbench.loading.located_yaml import no_gc

ROLES, OBJECTS, SEED = 200, 500, 7
DEFAULT_TARGETS = ("espocrm", "odoo", "salesforce")
OBJECT_NAMES = {
    "salesforce": "Obj{:03d}__c",
    "dynamics": "new_obj{:03d}",
    "odoo": "x_obj{:03d}",
    "espocrm": "CObj{:03d}",
    "suitecrm": "Obj{:03d}",
}


def design(roles: int = ROLES, objects: int = OBJECTS, seed: int = SEED) -> Playbook:
    """A playbook model with `roles` x `objects`, mapped onto every target."""
    rng = random.Random(seed)
    objs = [CrmObject(id=f"obj_{i:03d}", name=f"Object {i}", owner="role_000") for i in range(objects)]
    role_list = []
    for r in range(roles):
        perms: dict[str, dict[str, str]] = {}
        for obj in objs:
            read = rng.choice(SCOPES[1:])
            cell = {"read": read}
            for action in ACTIONS:
                if action != "read" and rng.random() < 0.5:
                    cell[action] = rng.choice(SCOPES[1 : SCOPES.index(read) + 1])
            perms[obj.id] = cell
        role_list.append(
            Role(
                id=f"role_{r:03d}", name=f"Role {r}", summary="Generated.", duties=["Work"], permissions=perms
            )
        )
    mappings = {
        t: CrmMapping(objects={o.id: OBJECT_NAMES[t].format(i) for i, o in enumerate(objs)})
        for t in OBJECT_NAMES
    }
    return Playbook(
        id="bench",
        version="1.0",
        name="Audit benchmark",
        roles=role_list,
        objects=objs,
        crm_mappings=mappings,
    )


def timed(fn):
    """Seconds and result of fn(), with the cyclic GC paused as `crmwb audit` pauses it."""
    with no_gc():
        start = time.perf_counter()
        result = fn()
        return time.perf_counter() - start, result


def size(paths: list[Path]) -> str:
    total = sum(p.stat().st_size for p in paths)
    return f"{len(paths)} file(s), {total / 2**20:.1f} MiB"


def widen(pb: Playbook, share: float = 0.01) -> Playbook:
    """The same design with `share` of its roles holding 'all' on every read (drift to find)."""
    roles = [
        r.model_copy(update={"permissions": {o: {**a, "read": "all"} for o, a in r.permissions.items()}})
        if i < max(1, int(len(pb.roles) * share))
        else r
        for i, r in enumerate(pb.roles)
    ]
    return pb.model_copy(update={"roles": roles})


def bench_target(pb: Playbook, name: str, folder: Path) -> None:
    try:
        crm = adapter(name)
    except UnknownTarget as exc:
        print(f"{name:<11} skipped: {exc}")
        return
    mapping = pb.crm_mappings[name]
    t_write, paths = timed(lambda: crm.write(pb, mapping, folder))
    t_project, designed = timed(lambda: crm.project(pb, mapping))
    t_read, (live, problems) = timed(lambda: crm.read(folder, pb, mapping))
    t_compare, drifts = timed(lambda: compare(designed, live))
    total = t_project + t_read + t_compare
    errors = sum(p.severity == "error" for p in problems)
    print(
        f"{name:<11} project {t_project:6.2f} s   read {t_read:6.2f} s   compare {t_compare:6.2f} s   "
        f"total {total:6.2f} s   ({len(designed.grants):,} rights, {len(drifts)} drift(s), "
        f"{errors} read error(s); write {t_write:.2f} s, {size(paths)})"
    )
    for problem in [p for p in problems if p.severity == "error"][:3]:
        print(f"{'':<11} read error: {problem}")
    drifted = folder.parent / f"{name}-drifted"
    drifted.mkdir()
    crm.write(widen(pb), mapping, drifted)
    t_all, found = timed(lambda: compare(crm.project(pb, mapping), crm.read(drifted, pb, mapping)[0]))
    print(f"{'':<11} with 1% of the roles widened: {len(found):,} drift(s) found in {t_all:.2f} s")


def bench_cli(pb: Playbook, name: str, folder: Path) -> None:
    """`crmwb audit bench.yaml --from NAME FOLDER` in-process, YAML loading included."""
    from workbench.cli.main import main

    if not any(folder.iterdir()):
        return
    path = folder.parent / "bench.yaml"
    path.write_text(
        yaml.safe_dump(pb.model_dump(mode="json", exclude_defaults=True), sort_keys=False), encoding="utf-8"
    )
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        argv = ["audit", str(path), "--from", name, str(folder), "--format", "json"]
        t_cli, code = timed(lambda: main(argv))
    print(
        f"{name:<11} `crmwb audit` end to end (YAML {path.stat().st_size / 2**20:.1f} MiB): {t_cli:.2f} s, "
        f"exit {code}"
    )


def main(argv: list[str]) -> None:
    targets = argv or list(DEFAULT_TARGETS)
    t_design, pb = timed(design)
    cells = sum(len(a) for r in pb.roles for a in r.permissions.values())
    print(
        f"design: {len(pb.roles)} roles x {len(pb.objects)} objects, {cells:,} granted cells "
        f"(built in {t_design:.2f} s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name in targets:
            folder = Path(tmp) / name
            folder.mkdir()
            try:
                bench_target(pb, name, folder)
            except Exception as exc:  # one adapter's bug must not hide the other targets' figures
                print(f"{name:<11} failed: {type(exc).__name__}: {exc}")
        for name in targets:
            folder = Path(tmp) / name
            if (Path(tmp) / f"{name}-drifted").exists():
                bench_cli(pb, name, folder)


if __name__ == "__main__":
    main(sys.argv[1:])
