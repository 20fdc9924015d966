"""The output contract: every command that prints a result takes `--format`; `--json` is a hidden short
form of `--format json` that prints exactly the same thing; JSON output parses; `emit` writes an `--out`
file atomically."""

from __future__ import annotations

import argparse
import json
import shutil

import pytest

from tests.engagement.kpi_helpers import ACTIVITY, engagement
from workbench.cli.main import COMMANDS, build_parser
from workbench.cli.output import add_format_argument, emit, json_text

NO_RESULT = {
    "new": "creates an engagement folder and says where",
    "intake": "an interactive questionnaire",
    "open": "opens the TUI",
    "demo": "a guided walk-through (or the TUI)",
    "crm-export": "writes each CRM's own files into --out DIR",
    "recertify": "writes one xlsx checklist per reviewer into --out DIR",
    "store reinit": "starts a new task history",
    "store move": "an action; says what it moved and verified",
    "store grant": "an action; says which roles and members it set up",
    "phase close": "an action; says what it did",
    "plan baseline": "an action; says what it did",
    "kpi record": "an action; says what it did",
    "uat record": "an action; says what it did",
    "defect log": "an action; says which defect it logged",
    "defect set": "an action; prints the defect's line after the change",
    "task show": "one task's details for people; `task list --format json` has the data",
    **{
        f"task {action}": "an action; says what it did"
        for action in ("start", "done", "block", "skip", "reopen", "assign", "due", "note", "check")
    },
}
"""commands and subcommands that print no result to format, each with the reason"""


def _leaves(name: str, parser: argparse.ArgumentParser):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield name, parser
        return
    for sub_name, sub_parser in subs[0].choices.items():
        yield from _leaves(f"{name} {sub_name}", sub_parser)


def _all_leaves():
    leaves = []
    for command in COMMANDS:
        top = build_parser(only=command)
        sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
        leaves += list(_leaves(command, sub.choices[command]))
    return leaves


LEAVES = _all_leaves()


def test_every_exemption_names_a_real_command():
    assert set(NO_RESULT) <= {name for name, _parser in LEAVES}


@pytest.mark.parametrize("name", [n for n, _p in LEAVES if n not in NO_RESULT])
def test_every_command_that_prints_a_result_lists_format_in_its_help(name):
    parser = dict(LEAVES)[name]
    text = parser.format_help()
    assert "--format" in text
    assert "--json" not in text  # the short form works but is not advertised


def _retail(tmp_path):
    shutil.rmtree(tmp_path / "retail", ignore_errors=True)
    return engagement(tmp_path)


JSON_COMMANDS = [
    ("status", ["--today", "2025-03-03"]),
    ("task", ["list"]),
    ("phase", ["list"]),
    ("plan", ["show", "--today", "2025-03-03"]),
    ("plan", ["baselines"]),
    ("kpi", ["list"]),
    ("kpi", ["trend", "active_user_rate"]),
    ("diff", ["--set", "loyalty_programme=yes"]),
    ("import-activity", [ACTIVITY / "good_utf8.csv", "--date", "2025-03-31", "--from", "2025-03-25"]),
]
"""the seven commands (nine listings) that had a separate `--json` flag"""


@pytest.mark.parametrize(("command", "rest"), JSON_COMMANDS, ids=lambda v: v if isinstance(v, str) else "")
def test_json_and_format_json_print_the_same_parseable_json(run_cli, tmp_path, command, rest):
    outputs = []
    folder = _retail(tmp_path)
    if rest == ["baselines"]:  # something to list
        assert run_cli("plan", folder, "baseline", "--reason", "signed", "--today", "2025-03-03")[0] == 0
    for flag in (["--json"], ["--format", "json"]):
        if command == "import-activity":  # it records what it reads: a fresh copy each time
            folder = _retail(tmp_path)
        code, out, err = run_cli(command, folder, *rest, *flag)
        assert code == 0, err
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0]) not in (None, [], {})
    code, text, _err = run_cli(command, folder, *rest)
    assert code == 0 and text != outputs[0]  # the default is still text for people
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


@pytest.mark.parametrize(
    ("args"),
    [
        ["playbooks"],
        ["validate", "playbooks/core.yaml"],
        ["schema"],
        ["show", "core", "--answers", "playbooks/examples/retail-chain.answers.yaml"],
        ["check", "core", "--answers", "playbooks/examples/retail-chain.answers.yaml"],
        ["profile", "b2b-sales", "--answers", "playbooks/examples/b2b-software.answers.yaml"],
    ],
)
def test_format_json_parses_on_commands_that_had_format_already(run_cli, args):
    code, out, err = run_cli(*args, "--format", "json")
    assert code == 0, err
    assert json.loads(out) or args[0] == "validate"  # a clean playbook: an empty list of problems
    assert run_cli(*args, "--json")[1] == out


def test_the_format_choices_are_checked_by_argparse(run_cli, capsys):
    with pytest.raises(SystemExit) as raised:
        run_cli("playbooks", "--format", "xml")
    assert raised.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_a_command_without_json_gets_no_json_alias():
    parser = argparse.ArgumentParser()
    add_format_argument(parser, ("yaml", "md"))
    assert parser.parse_args([]).format == "yaml"
    with pytest.raises(SystemExit):
        parser.parse_args(["--json"])
    with pytest.raises(ValueError):
        add_format_argument(argparse.ArgumentParser(), ("text", "xml"))


def test_emit_writes_the_file_whole_and_names_it(tmp_path, capsys):
    target = tmp_path / "reports" / "out.json"
    emit(json_text({"کارفرما": "Ромашка"}), target)
    assert json.loads(target.read_text(encoding="utf-8")) == {"کارفرما": "Ромашка"}
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]  # no temporary file left beside it
    captured = capsys.readouterr()
    assert captured.out == "" and str(target) in captured.err


def test_schema_writes_its_out_file_atomically(run_cli, tmp_path):
    target = tmp_path / "schema.json"
    code, out, err = run_cli("schema", "-o", target)
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "CRM Workbench playbook"
    assert str(target) in err
    assert run_cli("schema", "--format", "json")[1] == target.read_text(encoding="utf-8")
