"""`crmwb crm-export DESIGN --to TARGET|all --out DIR`: the designed permissions in each CRM's own format.

Layout: DIR/<target>/ holds only the adapter's files (so `crmwb audit DESIGN --from <target> DIR/<target>`
reads back exactly what was written), DIR/limitations.md and .json say, per target, every designed right
the CRM cannot express and what the export did instead, and DIR/crm-export.json lists the files written.
All or nothing, through the same transaction as `crmwb export` (workbench/writers/transaction.py): files
are staged inside DIR and switched in only when every target succeeded; files a previous export wrote that
this one no longer writes (a role dropped) are removed, so an audit never reads a stale permission set.
Other files in DIR are left alone, but one that sits where the export writes, or a symbolic link on its
way, is refused unless --force (a link is then moved away, never written through).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import num
from workbench.domain.fixed_ids import crm_target_list
from workbench.i18n import _, ngettext

MANIFEST = "crm-export.json"
LIMITATIONS = ("limitations.md", "limitations.json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "design",
        metavar="PLAYBOOK-OR-ENGAGEMENT",
        help="a bundled playbook id, a playbook .yaml or an engagement folder",
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="TARGET",
        help=_("{targets}, a comma list, or all").format(targets=crm_target_list()),
    )
    parser.add_argument("--answers", type=Path, metavar="FILE", help="intake answers (with a playbook only)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace files (or symbolic links) of someone else's where the export writes",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from workbench.cli.design_source import load_design
    from workbench.cli.output import print_problems
    from workbench.writers.crm.registry import UnknownTarget, adapter, expand

    try:
        adapters = [adapter(name) for name in expand(args.to)]
    except UnknownTarget as exc:
        print(_("crmwb crm-export: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    design, problems = load_design(args.design, args.answers)
    if design is None:
        print_problems(problems)
        return ExitCode.BAD_INPUT
    for warning in design.warnings:
        print(_("crmwb crm-export: warning: {message}").format(message=warning), file=sys.stderr)
    from workbench.writers.transaction import FolderRefused

    try:
        written, limits, changes = export(design.playbook, design.label, adapters, args.out, args.force)
    except FolderRefused as exc:
        print(_("crmwb crm-export: error: {message}").format(message=exc), file=sys.stderr)
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(
            _("crmwb crm-export: error: cannot write to {out}: {why}; nothing was changed").format(
                out=args.out, why=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    if changes.recovered:
        print(_("crmwb crm-export: {what}").format(what=changes.recovered), file=sys.stderr)
    if not args.quiet:
        print(
            _("CRM export of the {label} to {out}: {summary}").format(
                label=design.label, out=args.out, summary=changes.summary()
            )
        )
        for name, files in written.items():
            files_text = ngettext("{n} file in {folder}", "{n} files in {folder}", len(files)).format(
                n=num(len(files)), folder=args.out / name
            )
            rights = ngettext(
                "{n} right cannot be expressed", "{n} rights cannot be expressed", len(limits[name])
            ).format(n=num(len(limits[name])))
            print(f"  {name:<11} {files_text}, {rights}")
        if any(limits.values()):
            print(
                "  "
                + _("what could not be expressed, and what was done instead: {file}").format(
                    file=args.out / "limitations.md"
                )
            )
    return ExitCode.OK


def export(pb, label: str, adapters: list, out: Path, force: bool = False):
    """Stage every target, limitations.md/.json and crm-export.json, then switch them in as one transaction
    (`workbench.writers.transaction`); returns target -> files written (relative to out), target ->
    limitations, and the Changes made to the folder."""
    from workbench.writers.crm.limitations import limitations_json, limitations_md
    from workbench.writers.crm.registry import mapping_for
    from workbench.writers.transaction import Rules, Transaction

    written: dict[str, list[str]] = {}
    limits: dict[str, list] = {}
    with Transaction(out) as txn:
        staging = txn.staging
        for crm in adapters:
            mapping = mapping_for(pb, crm.name)
            limits[crm.name] = list(crm.project(pb, mapping).limitations)
            folder = staging / crm.name
            folder.mkdir()
            crm.write(pb, mapping, folder)
            written[crm.name] = [rel for rel in txn.staged() if rel.startswith(crm.name + "/")]
        previous = _previous(out)
        all_limits = {**_previous_limits(out), **limits}
        (staging / MANIFEST).write_text(
            json.dumps({**previous, **written}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        (staging / "limitations.md").write_text(limitations_md(label, all_limits), encoding="utf-8")
        (staging / "limitations.json").write_text(limitations_json(label, all_limits), encoding="utf-8")
        ours = {MANIFEST, *LIMITATIONS} if previous else set()  # a stranger's limitations.md is not ours
        owned = {rel for files in previous.values() for rel in files} | ours
        stale = {rel for name in written for rel in previous.get(name, [])}
        changes = txn.commit(
            Rules(owned=owned, remove=stale, refuse_foreign=False, force=force), last=[MANIFEST]
        )
    return written, limits, changes


def _previous(out: Path) -> dict[str, list[str]]:
    """The files an earlier export wrote, per target; only paths inside `out` are trusted."""
    data = _read_json(out / MANIFEST)
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

    data = _read_json(out / "limitations.json")
    try:
        return {name: [Limitation(**x) for x in items] for name, items in data.get("targets", {}).items()}
    except (TypeError, AttributeError):
        return {}


def _read_json(path: Path):
    """One of our own JSON files from an earlier run, or {} when it is missing, not a regular file (never
    followed through a link), too large or not JSON."""
    from workbench.loading.bounded import BoundedReadError, read_bounded

    if path.is_symlink() or not path.is_file():
        return {}
    try:
        return json.loads(read_bounded(path, 16 << 20, path.name).decode("utf-8"))
    except (BoundedReadError, UnicodeDecodeError, ValueError):
        return {}
