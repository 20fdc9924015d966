"""Cross-reference checks a schema cannot express: ids that collide or point nowhere, cycles, graphs.

Each check returns problems with the item path inside the playbook; the loader turns paths into
file:line:col using the YAML it read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.domain.conditions import iter_tests
from workbench.domain.customer_profile import check_profile
from workbench.domain.digraph import DiGraph
from workbench.domain.kpis import formula_names
from workbench.domain.phases import PHASE_IDS, Task
from workbench.domain.playbook import Playbook
from workbench.domain.problems import Path, Problem
from workbench.domain.processes import check_process, conditional_node_problems
from workbench.domain.questions import Question
from workbench.domain.role_merge import check_role_merges
from workbench.i18n import _


def _duplicates(items: Iterable[tuple[Path, str]], what: str) -> list[Problem]:
    items = list(items)
    counts = Counter(item_id for _, item_id in items)
    return [
        Problem(f"duplicate {what} id {item_id!r}; ids must be unique", path + ("id",), code="duplicate")
        for path, item_id in items
        if counts[item_id] > 1
    ]


def _unknown(kind: str, ref: str, known: Iterable[str], path: Path) -> Problem:
    known = sorted(known)
    if not known:
        return Problem(
            f"unknown {kind} {ref!r}; no {kind}s are defined in this playbook", path, code="unknown-ref"
        )
    hint = ", ".join(known[:8]) + (" ..." if len(known) > 8 else "")
    return Problem(f"unknown {kind} {ref!r}; expected one of: {hint}", path, code="unknown-ref")


def _kpi_range_problems(kpi, path: Path) -> list[Problem]:
    """Baseline and target must be values the KPI can take (its declared range or its unit's default)."""
    from workbench.domain.kpi_values import range_text

    problems = []
    for field in ("baseline", "target"):
        value = getattr(kpi, field)
        if value is not None and kpi.out_of_range(float(value)):
            problems.append(
                Problem(
                    f"{field} {value:g} is outside the KPI's valid range; expected "
                    f"{range_text(kpi)} (declare `range:` if the unit's default is wrong)",
                    path + (field,),
                    code="kpi-range",
                )
            )
    return problems


def check_ids(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    for section in (
        "questions",
        "roles",
        "objects",
        "modules",
        "requirements",
        "processes",
        "measures",
        "kpis",
        "job_profiles",
        "rfp_document",
    ):
        problems += _duplicates(
            (((section, i), item.id) for i, item in enumerate(getattr(pb, section))),
            section.rstrip("s").replace("_", " "),
        )
    problems += _duplicates(((("phases", i), p.id) for i, p in enumerate(pb.phases)), "phase")
    problems += _duplicates(
        (
            (("phases", pi, "tasks", ti), t.id)
            for pi, p in enumerate(pb.phases)
            for ti, t in enumerate(p.tasks)
        ),
        "task",
    )
    gov = pb.governance
    problems += _duplicates(
        ((("governance", "separation_of_duties", i), r.id) for i, r in enumerate(gov.separation_of_duties)),
        "rule",
    )
    problems += _duplicates(
        ((("governance", "least_privilege", i), r.id) for i, r in enumerate(gov.least_privilege)), "rule"
    )
    problems += _duplicates(
        ((("governance", "system_rights", i), r.id) for i, r in enumerate(gov.system_rights)), "rule"
    )
    return problems


def _raci_problems(task, path: Path) -> list[Problem]:
    letters = list(task.raci.values())
    problems = []
    if letters.count("A") != 1:
        problems.append(
            Problem(
                f"RACI needs exactly one Accountable (A); found {letters.count('A')}",
                path + ("raci",),
                code="raci",
            )
        )
    if "R" not in letters:
        problems.append(
            Problem("RACI needs at least one Responsible (R); found none", path + ("raci",), code="raci")
        )
    if task.raci.get(task.owner) not in ("R", "A"):
        problems.append(
            Problem(
                f"owner {task.owner!r} must be Responsible or Accountable in the RACI",
                path + ("owner",),
                code="raci",
            )
        )
    return problems


def check_questions(pb: Playbook) -> list[Problem]:
    problems = []
    for i, question in enumerate(pb.questions):
        if question.default is not None:
            message = question.answer_problem(question.default)
            if message:
                problems.append(
                    Problem(
                        f"default {question.default!r}: {message}",
                        ("questions", i, "default"),
                        code="default",
                    )
                )
    return problems


def _scale_problems(pb: Playbook, terms: list, path: Path) -> list[Problem]:
    """Every size driver is a number or multi-choice question of the playbook."""
    questions = pb.question_map()
    problems = []
    for si, term in enumerate(terms):
        question = questions.get(term.driver)
        if question is None or question.type not in ("number", "multi_choice"):
            problems.append(
                Problem(
                    f"scale driver {term.driver!r} is not a number or multi-choice question; "
                    "expected the id of one",
                    path + ("scale", si, "driver"),
                    code="unknown-ref",
                )
            )
    return problems


def check_phases(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    order = [p.id for p in pb.phases]
    if order != [p for p in PHASE_IDS if p in order]:
        problems.append(
            Problem(
                f"phases must come in the order {', '.join(PHASE_IDS)}; found {', '.join(order)}",
                ("phases",),
                code="order",
            )
        )
    roles = {r.id for r in pb.roles}
    tasks = pb.task_map()
    phase_index = {t.id: pi for pi, p in enumerate(pb.phases) for t in p.tasks}
    graph = DiGraph()
    for pi, phase in enumerate(pb.phases):
        for ti, task in enumerate(phase.tasks):
            path: Path = ("phases", pi, "tasks", ti)
            graph.add_node(task.id, path=path, order=len(graph))
            problems += _raci_problems(task, path)
            if task.owner not in roles:
                problems.append(_unknown("role", task.owner, roles, path + ("owner",)))
            for role in task.raci:
                if role not in roles:
                    problems.append(_unknown("role", role, roles, path + ("raci", role)))
            problems += _scale_problems(pb, task.scale, path)
            problems += _dependency_problems(pb, task, path, pi, tasks, phase_index, graph)
    return problems + _cycle_problems(graph)


def _dependency_problems(
    pb: Playbook,
    task: Task,
    path: Path,
    pi: int,
    tasks: dict[str, Task],
    phase_index: dict[str, int],
    graph: DiGraph,
) -> list[Problem]:
    """A task's dependencies must name a task of its phase or an earlier one, and not itself; the valid
    ones become edges of `graph` (for the cycle check)."""
    problems: list[Problem] = []
    for di, dep in enumerate(task.depends_on):
        if dep not in tasks:
            problems.append(_unknown("task", dep, tasks, path + ("depends_on", di)))
        elif phase_index[dep] > pi:
            problems.append(
                Problem(
                    f"task {task.id!r} depends on {dep!r} of a later phase "
                    f"({pb.phases[phase_index[dep]].id}); expected a task of this phase "
                    "or an earlier one",
                    path + ("depends_on", di),
                    code="order",
                )
            )
        elif dep == task.id:
            problems.append(
                Problem(f"task {task.id!r} depends on itself", path + ("depends_on", di), code="cycle")
            )
        else:
            graph.add_edge(dep, task.id)
    return problems


def _cycle_problems(graph: DiGraph) -> list[Problem]:
    """Up to five dependency cycles, each named from the task written first."""
    problems: list[Problem] = []
    cycles = []
    if graph.has_cycle():
        import networkx as nx  # only to name the cycles

        cycles = list(nx.simple_cycles(graph.to_networkx()))[:5]
    for cycle in cycles:
        if len(cycle) < 2:
            continue
        at = min(range(len(cycle)), key=lambda i: graph.nodes[cycle[i]]["order"])
        cycle = cycle[at:] + cycle[:at]  # start at the task written first, so reports are stable
        first = cycle[0]
        loop = " -> ".join(cycle + [first])
        problems.append(
            Problem(
                f"tasks depend on each other in a cycle: {loop}; expected an order that can be scheduled",
                graph.nodes[first]["path"] + ("depends_on",),
                code="cycle",
            )
        )
    return problems


def check_access(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    roles = {r.id for r in pb.roles}
    objects = {o.id for o in pb.objects}
    for oi, obj in enumerate(pb.objects):
        if obj.owner not in roles:
            problems.append(_unknown("role", obj.owner, roles, ("objects", oi, "owner")))
    return problems + _role_access_problems(pb, objects) + _governance_ref_problems(pb, roles, objects)


def _role_access_problems(pb: Playbook, objects: set[str]) -> list[Problem]:
    """A role's permissions name known objects; its availability comes from a number question."""
    problems: list[Problem] = []
    questions = pb.question_map()
    for ri, role in enumerate(pb.roles):
        for obj in role.permissions:
            if obj not in objects:
                problems.append(_unknown("object", obj, objects, ("roles", ri, "permissions", obj)))
        source = role.availability_from
        if source is not None and (source not in questions or questions[source].type != "number"):
            problems.append(
                Problem(
                    f"availability_from names {source!r}; expected the id of a number question "
                    "(percent of working time)",
                    ("roles", ri, "availability_from"),
                    code="unknown-ref",
                )
            )
    return problems


def _governance_ref_problems(pb: Playbook, roles: set[str], objects: set[str]) -> list[Problem]:
    """Separation-of-duties and least-privilege rules name known objects and roles."""
    problems: list[Problem] = []
    gov = pb.governance
    for i, rule in enumerate(gov.separation_of_duties):
        for side in ("first", "second"):
            ref = getattr(rule, side)
            if ref.system_right is None and ref.object not in objects:
                problems.append(
                    _unknown(
                        "object",
                        ref.object,
                        objects,
                        ("governance", "separation_of_duties", i, side, "object"),
                    )
                )
    for i, rule in enumerate(gov.least_privilege):
        path: Path = ("governance", "least_privilege", i)
        if rule.object not in objects:
            problems.append(_unknown("object", rule.object, objects, path + ("object",)))
        for ei, role in enumerate(rule.except_roles):
            if role not in roles:
                problems.append(_unknown("role", role, roles, path + ("except_roles", ei)))
    return problems


def check_system_rights(pb: Playbook) -> list[Problem]:
    """Rules' exception roles exist; a role lists each system right once (names are checked by the model)."""
    problems: list[Problem] = []
    roles = {r.id for r in pb.roles}
    for i, rule in enumerate(pb.governance.system_rights):
        for ei, role in enumerate(rule.except_roles):
            if role not in roles:
                path: Path = ("governance", "system_rights", i, "except_roles", ei)
                problems.append(_unknown("role", role, roles, path))
    for ri, role in enumerate(pb.roles):
        for right in sorted({r for r in role.system_rights if role.system_rights.count(r) > 1}):
            index = len(role.system_rights) - 1 - role.system_rights[::-1].index(right)
            problems.append(
                Problem(
                    _("system right {right!r} is listed twice; list each right once").format(right=right),
                    ("roles", ri, "system_rights", index),
                    code="duplicate",
                )
            )
    return problems


def check_catalogue(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    modules = {m.id for m in pb.modules}
    for i, req in enumerate(pb.requirements):
        if req.module not in modules:
            problems.append(_unknown("module", req.module, modules, ("requirements", i, "module")))
    measures = {m.id for m in pb.measures}
    roles = {r.id for r in pb.roles}
    for i, kpi in enumerate(pb.kpis):
        for name in formula_names(kpi.formula):
            if name not in measures:
                problems.append(_unknown("measure", name, measures, ("kpis", i, "formula")))
        if kpi.owner not in roles:
            problems.append(_unknown("role", kpi.owner, roles, ("kpis", i, "owner")))
        problems += _kpi_range_problems(kpi, ("kpis", i))
    for i, profile in enumerate(pb.job_profiles):
        if profile.id not in roles:
            problems.append(_unknown("role", profile.id, roles, ("job_profiles", i, "id")))
        for li, line in enumerate(profile.reports_to):
            if line.to not in roles:
                problems.append(_unknown("role", line.to, roles, ("job_profiles", i, "reports_to", li, "to")))
    return problems


def check_crm_mappings(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    objects, roles = {o.id for o in pb.objects}, {r.id for r in pb.roles}
    for target, mapping in pb.crm_mappings.items():
        for obj in mapping.objects:
            if obj not in objects:
                problems.append(_unknown("object", obj, objects, ("crm_mappings", target, "objects", obj)))
        for role in mapping.roles:
            if role not in roles:
                problems.append(_unknown("role", role, roles, ("crm_mappings", target, "roles", role)))
    return problems


def check_processes(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    roles = {r.id for r in pb.roles}
    for pi, process in enumerate(pb.processes):
        base: Path = ("processes", pi)
        for ni, node in enumerate(process.nodes):
            if node.lane not in roles:
                problems.append(_unknown("role", node.lane, roles, base + ("nodes", ni, "lane")))
        for gp in check_process(process) + conditional_node_problems(process):
            path = base + gp.where if gp.where else base
            problems.append(Problem(f"process {process.id!r}: {gp.message}", path, code="process"))
    return problems


def _conditioned(pb: Playbook):
    """Every (path, condition) pair in the playbook."""
    for pi, phase in enumerate(pb.phases):
        for ti, t in enumerate(phase.tasks):
            yield ("phases", pi, "tasks", ti), t.when
    for section in ("questions", "roles", "requirements", "processes", "kpis", "rfp_document"):
        for i, item in enumerate(getattr(pb, section)):
            yield (section, i), item.when
    yield from _step_conditions(pb)
    for i, rule in enumerate(pb.governance.separation_of_duties):
        yield ("governance", "separation_of_duties", i), rule.when
    for i, rule in enumerate(pb.governance.least_privilege):
        yield ("governance", "least_privilege", i), rule.when
    for i, rule in enumerate(pb.governance.system_rights):
        yield ("governance", "system_rights", i), rule.when
    for i, profile in enumerate(pb.job_profiles):
        for field in (
            "reports_to",
            "duties",
            "education",
            "experience",
            "skills",
            "competencies",
            "qualities",
            "tools",
            "working_conditions",
        ):
            for li, line in enumerate(getattr(profile, field)):
                yield ("job_profiles", i, field, li), line.when


def _step_conditions(pb: Playbook):
    """The (path, condition) pairs on process steps and edges."""
    for pi, process in enumerate(pb.processes):
        for ni, node in enumerate(process.nodes):
            yield ("processes", pi, "nodes", ni), node.when
        for ei, edge in enumerate(process.edges):
            yield ("processes", pi, "edges", ei), edge.when


def _test_problem(test, question: Question | None) -> str | None:
    if question is None:
        return None
    op, operand = test.operator, test.operand
    if op == "answered":
        return None
    if op in ("contains", "contains_any"):
        if question.type != "multi_choice":
            return f"{op!r} needs a multi_choice question; {question.id!r} is {question.type}"
        values = [operand] if op == "contains" else operand
    elif op in ("gte", "lte"):
        return (
            None
            if question.type == "number"
            else f"{op!r} needs a number question; {question.id!r} is {question.type}"
        )
    else:
        values = operand if op in ("in", "not_in") else [operand]
        if question.type == "multi_choice":
            return f"{op!r} cannot compare a multi_choice answer; use contains or contains_any"
    for value in values:
        problem = question.answer_problem([value] if question.type == "multi_choice" else value)
        if problem:
            return f"{value!r} is not a possible answer to {question.id!r}: {problem}"
    return None


def _profile_conditions(pb: Playbook):
    """Every (path to the condition, condition) of the profile fields and legacy sources: a field's `when`
    and a `required` that is a condition."""
    for oi, obj in enumerate(pb.objects):
        for fi, field in enumerate(obj.fields):
            path: Path = ("objects", oi, "fields", fi)
            yield path + ("when",), field.when
            if not isinstance(field.required, bool):
                yield path + ("required",), field.required
    for i, source in enumerate(pb.legacy_sources):
        yield ("legacy_sources", i, "when"), source.when


def all_conditions(pb: Playbook):
    """Every condition the playbook holds, wherever it sits (for checks that ask what reads a question)."""
    for _path, condition in list(_conditioned(pb)) + list(_profile_conditions(pb)):
        if condition is not None:
            yield condition


def check_conditions(pb: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    questions = pb.question_map()
    located = [(path + ("when",), condition) for path, condition in _conditioned(pb)]
    for path, condition in located + list(_profile_conditions(pb)):
        for test in iter_tests(condition):
            if test.question not in questions:
                problems.append(_unknown("question", test.question, questions, path))
                continue
            message = _test_problem(test, questions[test.question])
            if message:
                problems.append(Problem(f"impossible condition: {message}", path, code="condition"))
    return problems


def check_playbook(pb: Playbook) -> list[Problem]:
    """All cross-reference checks; an empty list means the playbook is consistent."""
    return (
        check_ids(pb)
        + check_questions(pb)
        + check_phases(pb)
        + check_access(pb)
        + check_system_rights(pb)
        + check_catalogue(pb)
        + check_processes(pb)
        + check_conditions(pb)
        + check_crm_mappings(pb)
        + check_profile(pb)
        + check_role_merges(pb)
    )
