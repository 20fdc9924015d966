"""`crmwb crm-export DESIGN --to TARGET|all --out DIR`: the designed permissions in each CRM's own format.

Layout: DIR/<target>/ holds only the adapter's files (so `crmwb audit DESIGN --from <target> DIR/<target>`
reads back exactly what was written), DIR/limitations.md and .json say, per target, every designed right
the CRM cannot express and what the export did instead, and DIR/crm-export.json lists the files written.
All or nothing: files are staged and moved into place only when every target succeeded; files a previous
export wrote that this one no longer writes (a role dropped) are removed, so an audit never reads a stale
permission set. Nothing else in DIR is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

MANIFEST = "crm-export.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("design", metavar="PLAYBOOK-OR-ENGAGEMENT",
                        help="a bundled playbook id, a playbook .yaml or an engagement folder")
    parser.add_argument("--to", required=True, metavar="TARGET",
                        help="salesforce, dynamics, odoo, espocrm, suitecrm, a comma list, or all")
    parser.add_argument("--answers", type=Path, metavar="FILE", help="intake answers (with a playbook only)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from workbench.cli.design_source import load_design
    from workbench.cli.output import print_problems
    from workbench.writers.crm.registry import UnknownTarget, adapter, expand

    try:
        adapters = [adapter(name) for name in expand(args.to)]
    except UnknownTarget as exc:
        print(f"crmwb crm-export: error: {exc}", file=sys.stderr)
        return 2
    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return 2
    for warning in design.warnings:
        print(f"crmwb crm-export: warning: {warning}", file=sys.stderr)
    if args.out.exists() and not args.out.is_dir():
        print(f"crmwb crm-export: error: {args.out} is a file; expected a folder", file=sys.stderr)
        return 2
    try:
        written, limits = export(design.playbook, design.label, adapters, args.out)
    except OSError as exc:
        print(f"crmwb crm-export: error: cannot write to {args.out}: {exc.strerror or exc}; "
              "nothing was changed", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"CRM export of the {design.label} to {args.out}")
        for name, files in written.items():
            print(f"  {name:<11} {len(files)} file(s) in {args.out / name}, {len(limits[name])} right(s) "
                  "cannot be expressed")
        if any(limits.values()):
            print(f"  what could not be expressed, and what was done instead: {args.out / 'limitations.md'}")
    return 0


def export(pb, label: str, adapters: list, out: Path) -> tuple[dict[str, list[str]], dict[str, list]]:
    """Write every target into a staging folder, then move it into place; returns target -> files written
    (relative to out) and target -> limitations."""
    from workbench.writers.atomic import write_text_atomic
    from workbench.writers.crm.limitations import limitations_json, limitations_md
    from workbench.writers.crm.registry import mapping_for

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".crmwb-crm-export-", dir=out))
    written: dict[str, list[str]] = {}
    limits: dict[str, list] = {}
    try:
        for crm in adapters:
            mapping = mapping_for(pb, crm.name)
            limits[crm.name] = list(crm.project(pb, mapping).limitations)
            folder = staging / crm.name
            folder.mkdir()
            paths = crm.write(pb, mapping, folder)
            root = staging.resolve()
            written[crm.name] = sorted(Path(p).resolve().relative_to(root).as_posix() for p in paths)
        previous = _previous(out)
        for name, files in written.items():
            for rel in files:
                target = out / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / rel, target)
            for stale in set(previous.get(name, [])) - set(files):
                (out / stale).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = {**previous, **written}
    write_text_atomic(out / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    all_limits = {**_previous_limits(out), **limits}
    write_text_atomic(out / "limitations.md", limitations_md(label, all_limits))
    write_text_atomic(out / "limitations.json", limitations_json(label, all_limits))
    return written, limits


def _previous(out: Path) -> dict[str, list[str]]:
    """The files an earlier export wrote, per target; only paths inside `out` are trusted."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    safe = {}
    for name, files in data.items():
        if isinstance(files, list):
            safe[name] = [f for f in files if isinstance(f, str) and _inside(out, f)]
    return safe


def _inside(out: Path, rel: str) -> bool:
    try:
        return (out / rel).resolve().is_relative_to(out.resolve()) and not Path(rel).is_absolute()
    except (OSError, ValueError):
        return False


def _previous_limits(out: Path) -> dict[str, list]:
    """Limitations of targets exported earlier into the same folder and not re-exported now, so
    limitations.md keeps describing every target folder present."""
    from workbench.domain.drift import Limitation

    try:
        data = json.loads((out / "limitations.json").read_text(encoding="utf-8"))
        return {name: [Limitation(**x) for x in items] for name, items in data.get("targets", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}
