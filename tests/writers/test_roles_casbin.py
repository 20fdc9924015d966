"""The Casbin model and policy, loaded by the casbin enforcer and compared with the matrix cell by cell:
every role x object x action x scope is allowed exactly when the role holds that scope or a wider one."""

from __future__ import annotations

import itertools

import casbin

from tests.writers.roles_fixtures import context, roles_data
from workbench.domain.access import ACTIONS, SCOPES
from workbench.loading.playbooks import load_playbook
from workbench.writers.casbin_policy import write

RANK = {"none": 0, "own": 1, "team": 2, "all": 3}


def enforcer(ctx, folder):
    model, policy = write(ctx, folder)
    assert (model.name, policy.name) == ("casbin_model.conf", "casbin_policy.csv")
    return casbin.Enforcer(str(model), str(policy)), policy


def assert_matches_matrix(ctx, e) -> int:
    checked = 0
    objects = [o.id for o in ctx.playbook.objects]
    for role, obj, action, asked in itertools.product(ctx.playbook.roles, objects, ACTIONS, SCOPES):
        held = role.scope(obj, action)
        expected = asked != "none" and RANK[held] >= RANK[asked]
        assert e.enforce(role.id, obj, action, asked) is expected, (role.id, obj, action, asked, held)
        checked += 1
    assert checked, "no role, object, action and scope to compare"
    return checked


def test_enforcer_agrees_with_the_matrix_cell_by_cell(tmp_path):
    ctx = context(tmp_path)
    e, policy = enforcer(ctx, tmp_path / "out")
    assert assert_matches_matrix(ctx, e) == 3 * 4 * len(ACTIONS) * len(SCOPES)
    lines = policy.read_text().splitlines()
    assert (
        "p, specialist, lead, read, team" in lines and "g2, all, team" in lines and "g2, team, own" in lines
    )
    assert not [line for line in lines if line.endswith(", none")]
    # the spot checks a reader can follow: all covers team and own; team does not cover all
    assert e.enforce("specialist", "deal", "read", "own") and e.enforce("specialist", "deal", "read", "team")
    assert e.enforce("specialist", "lead", "read", "team") and not e.enforce(
        "specialist", "lead", "read", "all"
    )
    assert not e.enforce("nobody", "lead", "read", "own") and not e.enforce(
        "specialist", "ghost", "read", "own"
    )


def test_users_get_their_role_through_g_lines(tmp_path):
    e, _ = enforcer(context(tmp_path), tmp_path / "out")
    e.add_grouping_policy("alice", "specialist")
    assert e.enforce("alice", "lead", "create", "own") and not e.enforce("alice", "lead", "create", "team")


def test_every_scope_on_every_action(tmp_path):
    """A role holding each scope on each action, so every rank and action is compared."""
    data = roles_data()
    data["roles"][2]["permissions"] = {
        "lead": dict(zip(ACTIONS, itertools.cycle(SCOPES))),
        "deal": dict(zip(ACTIONS, itertools.cycle(SCOPES[1:] + SCOPES[:1]))),
    }
    data["roles"][2]["permissions"]["lead"]["read"] = "all"  # keep the dependency rules quiet
    ctx = context(tmp_path, data)
    e, _ = enforcer(ctx, tmp_path / "out")
    assert_matches_matrix(ctx, e)


def test_bundled_core_playbook(tmp_path):
    """Cell by cell on the real roles. Casbin checks every policy line per request (~5 ms here), so each
    role is enforced against its own lines, loaded from the same files with casbin's filtered adapter;
    the full policy is spot-checked on the diagonal."""
    loaded = load_playbook("core")
    assert loaded.ok and loaded.playbook.roles, [str(p) for p in loaded.problems]
    from casbin.persist.adapters.filtered_file_adapter import Filter, FilteredFileAdapter

    from workbench.domain.resolve import resolve
    from workbench.writers.context import ExportContext

    ctx = ExportContext(resolve(loaded.playbook, {}), loaded.playbook)
    full, policy = enforcer(ctx, tmp_path)
    objects = [o.id for o in ctx.playbook.objects]
    checked = 0
    for role in ctx.playbook.roles:
        only = Filter()
        only.P, only.G = [role.id], []
        e = casbin.Enforcer(str(tmp_path / "casbin_model.conf"), FilteredFileAdapter(str(policy)))
        e.load_filtered_policy(only)
        assert {line[0] for line in e.get_policy()} <= {role.id}
        for obj, action, asked in itertools.product(objects, ACTIONS, SCOPES):
            expected = asked != "none" and RANK[role.scope(obj, action)] >= RANK[asked]
            assert e.enforce(role.id, obj, action, asked) is expected, (role.id, obj, action, asked)
            checked += 1
    assert checked == len(ctx.playbook.roles) * len(objects) * len(ACTIONS) * len(SCOPES)
    for i, role in enumerate(ctx.playbook.roles):
        obj, action = objects[i % len(objects)], ACTIONS[i % len(ACTIONS)]
        for asked in SCOPES:
            expected = asked != "none" and RANK[role.scope(obj, action)] >= RANK[asked]
            assert full.enforce(role.id, obj, action, asked) is expected
