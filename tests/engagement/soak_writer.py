"""One writer of the soak test: `python -m tests.engagement.soak_writer CONFIG.json NAME LOG`.

Runs the real CLI (`workbench.cli.main.main`, in this process, for speed) for the configured number of
seconds: status moves on its own tasks, notes on the shared tasks, answer changes with `diff --apply`.
Every attempt is logged as one JSON line with its outcome (ok, noop, refused, busy), so the test can
check that every edit is in the history or was reported as refused. `Actions` is shared with the TUI
writer the test runs in its own process through the Session API."""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
import time
from pathlib import Path

MOVES = {"start": "in_progress", "done": "done", "block": "blocked", "skip": "skipped"}


class Actions:
    """Random edits for one writer; `do_*` methods perform one edit and return its log record."""

    def __init__(self, config: dict, name: str, seed: int):
        self.config, self.name = config, name
        self.rng = random.Random(seed)
        self.status = {t: "not_started" for t in config["own_tasks"][name]}
        self.count = 0

    def pick(self) -> str:
        return self.rng.choices(["status", "note", "answer"], weights=[4, 3, 3])[0]

    def next_move(self) -> tuple[str, str, str]:
        task = self.rng.choice(sorted(self.status))
        move = self.rng.choice([m for m, s in MOVES.items() if s != self.status[task]])
        return task, move, MOVES[move]

    def next_note(self) -> tuple[str, str]:
        self.count += 1
        return self.rng.choice(self.config["shared_tasks"]), f"{self.name} note {self.count}"

    def next_answer(self) -> tuple[str, bool | int]:
        """A yes/no answer, or a number from a few values (two writers can then pick different ones)."""
        question = self.rng.choice(self.config["questions"])
        if question == self.config["number_question"]:
            return question, self.rng.randint(3, 8)
        return question, self.rng.random() < 0.5


def as_typed(value: bool | int) -> str:
    """The answer as typed after `--set q=`."""
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def _cli(args: list[str]) -> tuple[int, str, str]:
    from workbench.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def _outcome(code: int, err: str) -> str:
    if code == 0:
        return "ok"
    if code == 75:
        return "busy"
    if "not saved" in err:
        return "refused"
    raise SystemExit(f"unexpected exit {code}: {err}")


def cli_step(actions: Actions, folder: str) -> dict:
    kind, who = actions.pick(), ["--as", actions.name]
    if kind == "status":
        task, move, status = actions.next_move()
        reason = (
            ["--note", "soak"] if move in ("block", "skip") else ["--force", "soak"] if move == "done" else []
        )
        code, _, err = _cli(["task", folder, move, task, *who, *reason])
        result = _outcome(code, err)
        if result == "ok":
            actions.status[task] = status
        return {"kind": "status", "task": task, "value": status, "result": result}
    if kind == "note":
        task, text = actions.next_note()
        code, _, err = _cli(["task", folder, "note", task, text, *who])
        return {"kind": "note", "task": task, "value": text, "result": _outcome(code, err)}
    question, value = actions.next_answer()
    code, out, err = _cli(
        ["diff", folder, "--set", f"{question}={as_typed(value)}", "--apply", "--json", *who]
    )
    record = {"kind": "answer", "question": question, "value": value, "result": _outcome(code, err)}
    if record["result"] == "ok":
        data = json.loads(out)
        record.update(
            result="ok" if data["applied"] else "noop",
            revision=data.get("revision"),
            sync_error=data.get("tasks_sync_error"),
        )
    return record


def main() -> int:
    config_file, name, log = sys.argv[1:4]
    config = json.loads(Path(config_file).read_text(encoding="utf-8"))
    actions = Actions(config, name, config["seed"] + sum(map(ord, name)))
    deadline = time.monotonic() + config["seconds"]
    with open(log, "w", encoding="utf-8") as out:
        while time.monotonic() < deadline:
            out.write(json.dumps({"writer": name, **cli_step(actions, config["folder"])}) + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
