"""`crmwb schema`: the playbook JSON Schema, for editor completion (VS Code YAML extension)."""

from __future__ import annotations

import argparse
import json

from workbench.cli.exit_codes import ExitCode
from workbench.cli.output import add_format_argument, add_output_argument, emit


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format_argument(parser, ("json",))
    add_output_argument(parser)


def schema_text() -> str:
    from workbench.domain.playbook import Playbook

    schema = Playbook.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "CRM Workbench playbook"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    emit(schema_text(), args.out)
    return ExitCode.OK
