"""The matrix as a Casbin RBAC model and policy: `casbin_model.conf` and `casbin_policy.csv`.

A request is (subject, object, action, scope), e.g. `enforce("sales_manager", "lead", "read", "team")`:
"may this role read the team's leads?". The policy has one `p` line per granted matrix cell, with the
scope the role holds. Wider scopes include narrower ones (all covers team covers own); that is modelled
with a second role graph `g2` over scopes (`g2, all, team` and `g2, team, own`), so a role holding `all`
is allowed `team` and `own` too, without repeating the lines. `none` is never granted. Subjects may be
role ids or users: add `g, alice, sales_manager` lines to give a user a role.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from workbench.domain.access import SCOPES
from workbench.domain.matrix import permission_matrix
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext

MODEL = """\
[request_definition]
r = sub, obj, act, scope

[policy_definition]
p = sub, obj, act, scope

[role_definition]
g = _, _
g2 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.obj == p.obj && r.act == p.act && g(r.sub, p.sub) && r.scope != "none" && g2(p.scope, r.scope)
"""
"""g2(held, asked) is true when held == asked or held reaches asked through the scope lines."""


def scope_lines() -> list[str]:
    """`g2, all, team` and `g2, team, own`: each scope includes the next narrower one (none excluded)."""
    granted = [s for s in SCOPES if s != "none"]
    return [f"g2, {wider}, {narrower}" for narrower, wider in pairwise(granted)][::-1]


def policy_lines(ctx: ExportContext) -> list[str]:
    matrix = permission_matrix(ctx.playbook, ctx.lang)
    return [f"p, {role}, {obj}, {action}, {scope}" for role, obj, action, scope in matrix.grants()]


def write(ctx: ExportContext, folder: Path) -> list[Path]:
    model, policy = Path(folder) / "casbin_model.conf", Path(folder) / "casbin_policy.csv"
    write_text_atomic(model, MODEL)
    write_text_atomic(policy, "\n".join(policy_lines(ctx) + scope_lines()) + "\n")
    return [model, policy]
