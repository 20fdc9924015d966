"""Generate large playbooks for benchmarks: the bundled core repeated with renamed ids."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from workbench.loading.catalog import bundled_dir

_SCALED = ("requirements", "processes", "kpis", "questions")


def scaled_playbook(scale: int) -> dict:
    """`core` with every phase's tasks, requirements, processes, KPIs and questions repeated `scale` times.

    Copies keep their references valid: copy k of a task depends on copy k of its dependencies."""
    core = yaml.safe_load((bundled_dir() / "core.yaml").read_text(encoding="utf-8"))
    out = copy.deepcopy(core)
    out["id"] = f"core_x{scale}"
    for phase in out.get("phases", []):
        tasks = phase.get("tasks", [])
        phase["tasks"] = [_task_copy(t, k) for k in range(scale) for t in tasks]
    for section in _SCALED:
        items = core.get(section, [])
        out[section] = [
            dict(item, id=f"{item['id']}-{k}") if k else item for k in range(scale) for item in items
        ]
    return out


def _task_copy(task: dict, k: int) -> dict:
    if k == 0:
        return task
    return dict(task, id=f"{task['id']}-{k}", depends_on=[f"{d}-{k}" for d in task.get("depends_on", [])])


class _NoAliases(yaml.SafeDumper):
    """Write shared sub-objects out in full: a real playbook has no anchors, and the loader caps aliases."""

    def ignore_aliases(self, data):
        return True


def write_scaled_playbook(path: Path, scale: int) -> Path:
    text = yaml.dump(scaled_playbook(scale), Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
