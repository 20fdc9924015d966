"""`crmwb schema`: the playbook JSON Schema, for editor completion (VS Code YAML extension)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.exit_codes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")


def schema_text() -> str:
    from workbench.domain.playbook import Playbook

    schema = Playbook.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "CRM Workbench playbook"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.out is None:
        sys.stdout.write(text)
        return ExitCode.OK
    from workbench.writers.atomic import write_text_atomic

    write_text_atomic(args.out, text)
    print(f"wrote {args.out}", file=sys.stderr)
    return ExitCode.OK
