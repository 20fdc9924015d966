"""Benchmark of the people audit at scale. Run: `python benchmarks/people_audit_bench.py [TARGET ...]`.

The design is audit_bench's 200-role x 500-object playbook, given 40 separation-of-duties rules over its
rights and an administrator role (role_000 holds manage_users). The roster has 5,000 people, each with one
designed role; each CRM's user export (written in that CRM's shape by tests/people/people_gen.py) has
one account per person, 2% of them with a second role, plus 50 accounts of nobody. For each target it
prints the time to read the export (the CRM's reader) and to audit it (match, roles, SoD per user,
findings), and their total; next to it, measured in the same run, the baseline: the role-level drift
audit (`crmwb audit --from espocrm`'s project + read + compare) of the same design. Asserts nothing
beyond the findings being found (a sanity check that the run did the work).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.people.people_gen import Account, write_export  # noqa: E402

from benchmarks.audit_bench import design  # noqa: E402
from workbench.crm_adapters.registry import (  # noqa: E402
    adapter,
    mapping_for,
    read_users,
    role_names,
    user_targets,
)
from workbench.domain.access import Governance, PermissionRef, SeparationOfDuties  # noqa: E402
from workbench.domain.people import Person  # noqa: E402
from workbench.domain.people_audit import audit_people, crm_role_index  # noqa: E402
from workbench.domain.playbook import Playbook  # noqa: E402
from workbench.loading.located_yaml import no_gc  # noqa: E402

USERS, SOD_RULES, SEED = 5_000, 40, 11


def governed(pb: Playbook, rng: random.Random) -> Playbook:
    rules = []
    for i in range(SOD_RULES):
        a, b = rng.sample([o.id for o in pb.objects], 2)
        rules.append(
            SeparationOfDuties(
                id=f"sod_{i:02d}",
                description="Generated.",
                severity="error",
                first=PermissionRef(object=a, action="delete", min_scope="all"),
                second=PermissionRef(object=b, action="update", min_scope="all"),
            )
        )
    roles = list(pb.roles)
    roles[0] = roles[0].model_copy(update={"system_rights": ["manage_users"]})
    return pb.model_copy(update={"roles": roles, "governance": Governance(separation_of_duties=rules)})


def population(pb: Playbook, rng: random.Random) -> tuple[list[Person], list[Account]]:
    roles = [r.id for r in pb.roles]
    people, accounts = [], []
    for i in range(USERS):
        role = "role_000" if i < 2 else rng.choice(roles[1:])
        email = f"user{i:05d}@client.example"
        people.append(Person(f"P{i:05d}", f"Person {i:05d}", "Sales", (role,), "P00000", True, email))
        held = [role] + ([rng.choice(roles[1:])] if rng.random() < 0.02 else [])
        accounts.append(Account(email, f"Person {i:05d}", email, True, held))
    accounts += [
        Account(
            f"former{i}@client.example", f"Former {i}", f"former{i}@client.example", True, [rng.choice(roles)]
        )
        for i in range(50)
    ]
    return people, accounts


def timed(step):
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def baseline(pb: Playbook, folder: Path) -> float:
    """The role-level drift audit of the same design on EspoCRM: project, read its export, compare."""
    from workbench.domain.drift import compare

    crm, mapping = adapter("espocrm"), mapping_for(pb, "espocrm")
    crm.write(pb, mapping, folder / "espocrm-roles")

    def run():
        with no_gc():
            designed = crm.project(pb, mapping)
            live, _problems = crm.read(folder / "espocrm-roles", pb, mapping)
            return compare(designed, live)

    return timed(run)[1]


def main(targets: list[str]) -> None:
    rng = random.Random(SEED)
    pb = governed(design(), rng)
    people, accounts = population(pb, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = baseline(pb, folder)
        print(
            f"people audit: {len(people):,} people, {len(accounts):,} accounts, {len(pb.roles)} roles x "
            f"{len(pb.objects)} objects, {SOD_RULES} SoD rules"
        )
        print(f"baseline, role-level drift audit (espocrm, same design): {base:.2f} s")
        print(
            f"{'target':<11} {'export MB':>9} {'read s':>7} {'audit s':>8} {'total s':>8} {'findings':>9}"
            f" {'vs baseline':>11}"
        )
        for target in targets:
            files = write_export(target, accounts, pb, folder / target)
            size = sum(f.stat().st_size for f in files) / 1e6
            (read, problems), read_s = timed(lambda: read_users(target, files))  # noqa: B023
            assert not problems, problems[:3]
            index = crm_role_index(pb, *role_names(pb, target))
            report, audit_s = timed(lambda: audit_people(pb, people, read, index, target))  # noqa: B023
            assert sum(f.kind == "no-person" for f in report.findings) == 50
            total = read_s + audit_s
            print(
                f"{target:<11} {size:>9.1f} {read_s:>7.2f} {audit_s:>8.2f} {total:>8.2f} "
                f"{len(report.findings):>9,} {total / base:>10.2f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1:] or user_targets())
