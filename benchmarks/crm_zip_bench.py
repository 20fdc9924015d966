"""Benchmark of `crmwb audit --from salesforce` on a big retrieved package. Run:
`python -m benchmarks.crm_zip_bench [MB]`.

Generates a Salesforce metadata zip of about MB megabytes (default 100: a large org's retrieve) in a
temporary folder: permission sets with object and field permissions, as a real org's carry hundreds of
objects and thousands of fields. Then runs, each in its own process: the baseline (every member inflated to
nowhere, like `unzip -p x.zip > /dev/null`) and the real command against the bundled `core` playbook.
Prints wall time, CPU time and peak memory (the child's ru_maxrss) of each. Asserts nothing.
"""

from __future__ import annotations

import random
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.child import HEADER, measure, python

NS = "http://soap.sforce.com/2006/04/metadata"
OBJECTS, FIELDS = 300, 12


def permission_set(rng: random.Random, number: int) -> str:
    """One permission set of OBJECTS objects with FIELDS fields each, flags set at random."""

    def flag() -> str:
        return rng.choice(("true", "false"))

    parts = [
        (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="{NS}">\n'
            f"    <label>Generated set {number}</label>\n"
        )
    ]
    for o in range(OBJECTS):
        obj = f"Obj{o:03d}_{rng.randrange(10**6):06d}__c"
        for f in range(FIELDS):
            parts.append(
                f"    <fieldPermissions>\n        <editable>{flag()}</editable>\n        <field>{obj}."
                f"Field{f:02d}_{rng.randrange(10**6)}__c</field>\n        <readable>{flag()}</readable>\n"
                "    </fieldPermissions>\n"
            )
        parts.append(
            "    <objectPermissions>\n"
            + "".join(
                f"        <{name}>{flag()}</{name}>\n"
                for name in ("allowCreate", "allowDelete", "allowEdit", "allowRead", "modifyAllRecords")
            )
            + f"        <object>{obj}</object>\n        <viewAllRecords>{flag()}</viewAllRecords>\n"
            "    </objectPermissions>\n"
        )
    parts.append("</PermissionSet>\n")
    return "".join(parts)


def write_zip(path: Path, megabytes: float, seed: int = 5) -> tuple[int, int]:
    """A package of about `megabytes` MB compressed; returns (members, bytes inflated)."""
    rng, members, inflated = random.Random(seed), 0, 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        while path.stat().st_size < megabytes * 1_000_000:
            text = permission_set(rng, members).encode()
            archive.writestr(f"unpackaged/permissionsets/Set{members:04d}.permissionset", text)
            members, inflated = members + 1, inflated + len(text)
            archive.fp.flush()  # type: ignore[union-attr]
    return members, inflated


def main(argv: list[str]) -> None:
    megabytes = float(argv[0]) if argv else 100.0
    crmwb = str(Path(sys.executable).with_name("crmwb"))
    with tempfile.TemporaryDirectory() as tmp:
        zip_path = Path(tmp) / "package.zip"
        members, inflated = write_zip(zip_path, megabytes)
        print(
            f"Salesforce zip: {zip_path.stat().st_size / 1e6:,.1f} MB, {members:,} permission sets, "
            f"{inflated / 1e6:,.1f} MB inflated"
        )
        runs = [
            measure(
                "baseline: inflate every member to nowhere",
                python(
                    f"import zipfile\nwith zipfile.ZipFile({str(zip_path)!r}) as z:\n for m in "
                    "z.infolist():\n"
                    "  with z.open(m) as f:\n   while f.read(1 << 20): pass"
                ),
            ),
            measure(
                "crmwb audit core --from salesforce",
                [crmwb, "audit", "core", "--from", "salesforce", str(zip_path), "--format", "json"],
            ),
        ]
    print(HEADER)
    for run in runs:
        print(run.line() + (f"   ({run.tail})" if run.code not in (0, 1) else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
