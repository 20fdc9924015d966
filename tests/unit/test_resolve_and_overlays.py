"""Resolving the small test playbook against answers, and overlays applied by id."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook

DATA = Path(__file__).parent.parent / "data"


def mini():
    loaded = load_playbook(DATA / "mini.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded.playbook


def task_ids(pb):
    return [t.id for _, t in pb.tasks()]


def test_defaults_apply_when_unanswered():
    pb = resolve(mini(), {})
    assert task_ids(pb) == ["rfp", "hire", "select", "golive"]  # no specialist by default; sales only
    assert [r.id for r in pb.requirements] == ["R1"]


def test_answers_add_and_drop_items():
    pb = resolve(mini(), {"has_specialist": True, "modules": ["sales", "service"], "business_model": "b2b"})
    assert task_ids(pb) == ["rfp", "select", "service_setup", "golive"]
    assert [r.id for r in pb.requirements] == ["R1", "R2", "R3"]
    assert [q.id for q in pb.questions][-1] == "specialist_share"


def test_dependencies_on_dropped_tasks_are_bridged():
    pb = resolve(mini(), {"modules": ["sales"]})
    tasks = pb.task_map()
    assert tasks["golive"].depends_on == ["select"]  # service_setup dropped; its dependency carries over
    assert tasks["select"].depends_on == ["rfp", "hire"]


def test_first_matching_reporting_line_wins():
    b2b = resolve(mini(), {"business_model": "b2b"}).job_profiles[0]
    b2c = resolve(mini(), {"business_model": "b2c"}).job_profiles[0]
    assert [r.to for r in b2b.reports_to] == ["consultant"]
    assert [r.to for r in b2c.reports_to] == ["specialist"]
    assert [d.id for d in b2c.duties] == ["d1"]


def write_overlay(tmp_path: Path, body: str) -> Path:
    (tmp_path / "mini.yaml").write_text((DATA / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "overlay.yaml"
    path.write_text(
        'id: overlay\nversion: "1.0"\nname: Overlay\nextends: mini.yaml\n' + body, encoding="utf-8"
    )
    return path


def test_overlay_overrides_one_field_adds_and_removes(tmp_path):
    path = write_overlay(
        tmp_path,
        """\
requirements:
  - {id: R1, priority: should}
  - {id: R3, remove: true}
  - {id: R4, module: sales, text: Quotes in two currencies., priority: could, weight: 1}
phases:
  - id: pre_deployment
    tasks:
      - {id: rfp, duration_days: 8}
      - {id: hire, remove: true}
      - {id: select, depends_on: [rfp]}
""",
    )
    loaded = load_playbook(path)
    assert loaded.ok, [str(p) for p in loaded.problems]
    pb = loaded.playbook
    reqs = {r.id: r for r in pb.requirements}
    assert reqs["R1"].priority == "should" and str(reqs["R1"].text) == "Leads are captured from web forms."
    assert "R3" not in reqs and reqs["R4"].weight == 1
    assert pb.task_map()["rfp"].duration_days == 8 and "hire" not in pb.task_map()
    assert pb.task_map()["select"].depends_on == ["rfp"]
    assert pb.extends == "mini.yaml" and pb.id == "overlay"
    assert [p.name for p in loaded.files] == ["mini.yaml", "overlay.yaml"]


def test_errors_in_an_overlay_point_into_the_overlay(tmp_path):
    path = write_overlay(tmp_path, "requirements:\n  - {id: R1, priority: urgent}\n")
    loaded = load_playbook(path)
    assert not loaded.ok
    (problem,) = loaded.problems
    assert Path(problem.file).name == "overlay.yaml" and (problem.line, problem.column) == (6, 24)


def test_errors_in_the_base_point_into_the_base(tmp_path):
    base = tmp_path / "mini.yaml"
    path = write_overlay(tmp_path, "")
    base.write_text(base.read_text(encoding="utf-8").replace("weight: 5", "weight: 50"), encoding="utf-8")
    loaded = load_playbook(path)
    assert [Path(p.file).name for p in loaded.problems] == ["mini.yaml"]


def test_extends_cycle_is_reported(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text('id: a\nversion: "1.0"\nname: A\nextends: b.yaml\n')
    b.write_text('id: b\nversion: "1.0"\nname: B\nextends: a.yaml\n')
    loaded = load_playbook(a)
    assert not loaded.ok and "loops back" in loaded.problems[0].message


def test_digest_changes_with_any_file_in_the_chain(tmp_path):
    path = write_overlay(tmp_path, "")
    first = load_playbook(path).digest
    base = tmp_path / "mini.yaml"
    base.write_text(base.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    assert load_playbook(path).digest != first


def test_removing_a_task_others_depend_on_is_reported(tmp_path):
    path = write_overlay(
        tmp_path, "phases:\n  - id: pre_deployment\n    tasks:\n      - {id: hire, remove: true}\n"
    )
    loaded = load_playbook(path)
    assert [p.message for p in loaded.problems] == [
        "unknown task 'hire'; expected one of: golive, rfp, select, service_setup"
    ]


def test_overlay_replaces_a_condition_whole_and_merges_a_raci(tmp_path):
    path = write_overlay(
        tmp_path,
        """\
requirements:
  - {id: R3, when: {any: [{question: modules, contains: service}]}}
roles:
  - {id: other, name: Other, summary: Reviews., duties: [Review]}
phases:
  - id: pre_deployment
    tasks:
      - {id: rfp, raci: {other: C}}
""",
    )
    loaded = load_playbook(path)
    assert loaded.ok, [str(p) for p in loaded.problems]
    r3 = {r.id: r for r in loaded.playbook.requirements}["R3"]
    assert r3.when.model_dump(by_alias=True, exclude_none=True) == {
        "any": [{"question": "modules", "contains": "service"}]
    }
    assert loaded.playbook.task_map()["rfp"].raci == {"consultant": "A", "specialist": "R", "other": "C"}
