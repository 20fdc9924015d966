"""`crmwb playbooks`: what playbooks are available, where they live and what they extend."""

from __future__ import annotations

import argparse

from workbench.cli.exit_codes import ExitCode
from workbench.cli.local import digits
from workbench.cli.output import add_format_argument, emit, json_text
from workbench.i18n import N_, _, current_language

ORIGINS = {"bundled": N_("bundled"), "local": N_("local")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    from workbench.loading.catalog import discover
    from workbench.loading.located_yaml import YamlError, read_yaml

    rows = []
    for entry in discover():
        try:
            data = read_yaml(entry.path)
            meta = data if isinstance(data, dict) else {}
        except YamlError:
            meta = {}
        name = meta.get("name")
        name = (name.get(current_language()) or name.get("en")) if isinstance(name, dict) else name
        rows.append(
            {
                "id": entry.id,
                "origin": entry.origin,
                "version": meta.get("version"),
                "extends": meta.get("extends"),
                "name": name,
                "path": str(entry.path),
            }
        )
    if args.format == "json":
        emit(json_text(rows))
        return ExitCode.OK
    for row in rows:
        base = " " + _("(extends {base})").format(base=row["extends"]) if row["extends"] else ""
        origin = _(ORIGINS[row["origin"]]) if row["origin"] in ORIGINS else row["origin"]
        print(
            f"{row['id']:<22} {digits(str(row['version'] or '?')):<8} {origin:<8} "
            f"{row['name'] or _('(unreadable)')}{base}"
        )
    return ExitCode.OK
