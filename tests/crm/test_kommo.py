"""Kommo (amoCRM): the roles written as the API v4 takes them (`POST /api/v4/roles`), read back from what
the API returns (`GET /api/v4/roles`, `_embedded` included), the drift a live account can carry (a widened
level, a stage right wider than the general one, an administrator flag, an unknown role or entity), bad
input located, the limitations report in en/fa/ru, and the users answer for the people audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crm.audit_fixtures import drift_rows
from workbench.crm_adapters.kommo import ADAPTER
from workbench.crm_adapters.kommo.writer import REPORT, ROLES
from workbench.crm_adapters.registry import adapter, mapping_for
from workbench.domain.drift import compare
from workbench.domain.playbook import Playbook
from workbench.domain.system_rights import SYSTEM
from workbench.loading.playbooks import load_playbook

PLAYBOOKS = ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services")
ENTITIES = {"leads", "contacts", "companies", "tasks"}
LEVELS = {"A", "G", "M", "D"}


def _pb(ref: str = "core") -> Playbook:
    return load_playbook(ref).playbook


@pytest.fixture(scope="module")
def core_roles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kommo")
    pb = _pb()
    written = ADAPTER.write(pb, mapping_for(pb, "kommo"), folder)
    assert [p.name for p in written] == [ROLES, REPORT]
    return folder


def _edit(folder: Path, tmp_path: Path, change) -> Path:
    """A copy of the exported roles with `change(roles)` applied, as an admin would have changed them."""
    roles = json.loads((folder / ROLES).read_text(encoding="utf-8"))
    change(roles)
    path = tmp_path / ROLES
    path.write_text(json.dumps(roles, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _role(roles: list[dict], name: str) -> dict:
    return next(r for r in roles if r["name"] == name)


def _drifts(path: Path) -> list[tuple]:
    pb = _pb()
    mapping = mapping_for(pb, "kommo")
    live, problems = ADAPTER.read(path, pb, mapping)
    assert [p for p in problems if p.severity == "error"] == []
    found = compare(ADAPTER.project(pb, mapping), live)
    return sorted((d.severity, d.kind, d.role, d.object, d.action, d.design, d.live) for d in found)


def test_registered_through_the_entry_point():
    assert adapter("kommo") is ADAPTER
    assert ADAPTER.reads == ("json",) and ADAPTER.read_users is not None
    assert ADAPTER.default_mapping().object_name("deal") == "leads"


@pytest.mark.parametrize("ref", PLAYBOOKS)
def test_export_then_audit_is_clean(tmp_path, ref):
    pb = _pb(ref)
    mapping = mapping_for(pb, "kommo")
    ADAPTER.write(pb, mapping, tmp_path)
    live, problems = ADAPTER.read(tmp_path, pb, mapping)
    assert problems == []
    projected = ADAPTER.project(pb, mapping)
    assert len(projected.grants) > 100  # clean because it carries the design, not because it carries none
    assert compare(projected, live) == []
    assert live.unknown_roles == [] and live.unknown_objects == [] and live.missing_roles == []


def test_the_roles_have_the_shape_the_api_takes(core_roles):
    roles = json.loads((core_roles / ROLES).read_text(encoding="utf-8"))
    assert isinstance(roles, list) and len(roles) == len(_pb().roles)
    for role in roles:
        assert set(role) == {"name", "rights"} and role["name"].startswith("CRM_")
        rights = role["rights"]
        assert ENTITIES <= set(rights)
        assert {k: type(v) for k, v in rights.items() if k not in ENTITIES} == {
            "mail_access": bool,
            "catalog_access": bool,
            "is_admin": bool,
        }
        for entity in ("leads", "contacts", "companies"):
            assert list(rights[entity]) == ["view", "edit", "add", "delete", "export"]
            assert set(rights[entity].values()) <= LEVELS
            assert rights[entity]["add"] in ("A", "D")
        assert list(rights["tasks"]) == ["edit", "delete"] and set(rights["tasks"].values()) <= LEVELS
    sales = _role(roles, "CRM_sales_manager")["rights"]
    assert sales["leads"] == {"view": "G", "edit": "M", "add": "A", "delete": "M", "export": "D"}
    assert sales["is_admin"] is False and _role(roles, "CRM_administrator")["rights"]["is_admin"] is True


def test_the_get_answer_with_embedded_roles_audits_clean(core_roles, tmp_path):
    """GET /api/v4/roles: the roles under _embedded, with ids, links, the user fields and stage rights."""
    roles = json.loads((core_roles / ROLES).read_text(encoding="utf-8"))
    for n, role in enumerate(roles):
        role["id"] = 1000 + n
        role["rights"].update(is_free=False, is_active=True, group_id=None, role_id=None, status_rights=[])
        role["_links"] = {"self": {"href": f"https://x.kommo.com/api/v4/roles/{1000 + n}"}}
    answer = {"_total_items": len(roles), "_page": 1, "_links": {}, "_embedded": {"roles": roles}}
    path = tmp_path / "roles-get.json"
    path.write_text(json.dumps(answer, ensure_ascii=False, indent=2), encoding="utf-8")
    assert _drifts(path) == []


def test_a_widened_level_is_found(core_roles, tmp_path):
    def widen(roles):
        leads = _role(roles, "CRM_sales_manager")["rights"]["leads"]
        assert leads["view"] == "G"
        leads["view"] = "A"

    found = _drifts(_edit(core_roles, tmp_path, widen))
    assert found == [  # lead and deal are both Kommo's leads
        ("error", "wider", "sales_manager", "deal", "read", "team", "all"),
        ("error", "wider", "sales_manager", "lead", "read", "team", "all"),
    ]


def test_a_stage_right_wider_than_the_general_one_is_found(core_roles, tmp_path):
    def stage(roles):
        rights = _role(roles, "CRM_sales_manager")["rights"]
        rights["status_rights"] = [
            {
                "entity_type": "leads",
                "pipeline_id": 7701,
                "status_id": 142,
                "rights": {"view": "A", "edit": "M", "delete": "D", "export": "D"},
            }
        ]

    found = _drifts(_edit(core_roles, tmp_path, stage))
    assert {(kind, role, obj, action, live) for _s, kind, role, obj, action, _d, live in found} == {
        ("wider", "sales_manager", "lead", "read", "all"),
        ("wider", "sales_manager", "deal", "read", "all"),
    }


def test_an_administrator_flag_is_an_extra_system_right(core_roles, tmp_path):
    def admin(roles):
        _role(roles, "CRM_sales_manager")["rights"]["is_admin"] = True

    found = _drifts(_edit(core_roles, tmp_path, admin))
    assert found == [
        ("error", "extra", "sales_manager", SYSTEM, "customize_system", "none", "all"),
        ("error", "extra", "sales_manager", SYSTEM, "manage_users", "none", "all"),
    ]


def test_an_extra_role_and_an_unknown_entity_are_errors(run_cli, core_roles, tmp_path):
    def intrude(roles):
        extra = json.loads(json.dumps(_role(roles, "CRM_sales_manager")))
        extra["name"] = "Менеджер без проекта"
        roles.append(extra)
        _role(roles, "CRM_marketer")["rights"]["customers"] = {"view": "A", "edit": "D"}

    path = _edit(core_roles, tmp_path, intrude)
    code, out, err = run_cli("audit", "core", "--from", "kommo", path, "--format", "json")
    assert code == 1, err
    rows = [r[:4] for r in drift_rows(out)]
    assert sorted(rows) == [
        ("error", "unknown-object", "CRM_marketer", "customers"),
        ("error", "unknown-role", "Менеджер без проекта", None),
    ]


def test_a_bad_level_is_located_bad_input(run_cli, core_roles, tmp_path):
    path = _edit(core_roles, tmp_path, lambda roles: roles[1]["rights"]["contacts"].update(view="X"))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"view": "X"' in text)
    code, out, err = run_cli("audit", "core", "--from", "kommo", path)
    assert code == 2 and out == ""
    assert f"{path}:{line}:" in err and "'X'" in err and "A, G, M or D" in err


def test_a_bad_flag_and_bad_stage_rights_are_located(run_cli, core_roles, tmp_path):
    def spoil(roles):
        rights = _role(roles, "CRM_sales_manager")["rights"]
        rights["is_admin"] = "yes"
        rights["status_rights"] = [7, {"entity_type": "leads", "rights": {"view": "A", "approve": "A"}}]

    path = _edit(core_roles, tmp_path, spoil)
    text = path.read_text(encoding="utf-8").splitlines()
    code, out, err = run_cli("audit", "core", "--from", "kommo", path)
    assert code == 2 and out == ""
    for needle, expected in (('"is_admin": "yes"', "true or false"), ('"approve": "A"', "stage objects")):
        line = next(n for n, row in enumerate(text, 1) if needle in row)
        assert any(f"{path}:{line}:" in row and expected in row for row in err.splitlines()), (needle, err)
    assert "status_rights is 7" in err


def test_truncated_json_is_located(run_cli, core_roles, tmp_path):
    path = tmp_path / ROLES
    path.write_text((core_roles / ROLES).read_text(encoding="utf-8")[:500], encoding="utf-8")
    code, _out, err = run_cli("audit", "core", "--from", "kommo", path)
    assert code == 2 and f"{path}:" in err and "expected Kommo roles" in err


def test_a_json_bomb_is_refused(run_cli, tmp_path):
    path = tmp_path / ROLES
    path.write_text("[" + ",".join(["{}"] * 500_001) + "]", encoding="utf-8")
    code, _out, err = run_cli("audit", "core", "--from", "kommo", path)
    assert code == 2 and "JSON budget" in err


@pytest.mark.parametrize(
    "lang, shared, tasks",
    [
        ("en", "share the Kommo entity `leads`", "on `tasks` Kommo has only `edit`, `delete`"),
        ("fa", "موجودیت Kommo \u200f`leads` مشترک‌اند", "Kommo روی `tasks` فقط `edit`, `delete` دارد"),
        ("ru", "используют одну сущность Kommo `leads`", "для `tasks` в Kommo есть только `edit`, `delete`"),
    ],
)
def test_the_limitations_report_in_each_language(run_cli, tmp_path, lang, shared, tasks):
    code, _out, err = run_cli("crm-export", "core", "--to", "kommo", "--out", tmp_path, "--lang", lang)
    assert code == 0, err
    report = (tmp_path / "kommo" / REPORT).read_text(encoding="utf-8")
    assert shared in report  # lead and deal are one entity
    assert tasks in report  # a task has no view right
    beyond = report.split("\n\n")[-1].splitlines()  # what Kommo holds that the design cannot say
    assert [line.split(":")[0].strip() for line in beyond[1:-1]] == [
        "`status_rights`",
        "`is_admin`",
        "`view`",
        "`role_id`",
    ]
    assert beyond[-1].startswith("  `mail_access` ") and "crm_mappings.kommo.objects" in beyond[-1]


USERS = {
    "_total_items": 3,
    "_page": 1,
    "_links": {"self": {"href": "https://x.kommo.com/api/v4/users?with=role,group"}},
    "_embedded": {
        "users": [
            {
                "id": 101,
                "name": "Ольга Иванова",
                "email": "olga@x.example",
                "lang": "ru",
                "rights": {
                    "is_admin": False,
                    "is_free": False,
                    "is_active": True,
                    "group_id": 3,
                    "role_id": 7,
                },
                "_embedded": {
                    "roles": [{"id": 7, "name": "CRM_crm_manager"}],
                    "groups": [{"id": 3, "name": "Отдел CRM"}],
                },
            },
            {
                "id": 102,
                "name": "علی رضایی",
                "email": "ali@x.example",
                "lang": "en",
                "rights": {
                    "is_admin": True,
                    "is_free": False,
                    "is_active": True,
                    "group_id": 0,
                    "role_id": 8,
                },
            },
            {
                "id": 103,
                "name": "Пётр Смирнов",
                "email": "petr@x.example",
                "lang": "ru",
                "rights": {"is_admin": False, "is_active": False, "group_id": None, "role_id": None},
            },
        ]
    },
}


def test_the_users_answer_is_read_with_roles_from_either_file(tmp_path):
    users = tmp_path / "users.json"
    users.write_text(json.dumps(USERS, ensure_ascii=False, indent=2), encoding="utf-8")
    roles = tmp_path / "roles.json"
    answer = {"_embedded": {"roles": [{"id": 8, "name": "CRM_sales_manager", "rights": {}}]}}
    roles.write_text(json.dumps(answer), encoding="utf-8")
    accounts, problems = ADAPTER.read_users([users, roles])
    assert problems == []
    got = {(a.login, a.held, a.admin, a.active, a.business_unit) for a in accounts}
    assert got == {
        ("olga@x.example", ("CRM_crm_manager",), False, True, "Отдел CRM"),
        ("ali@x.example", ("CRM_sales_manager",), True, True, "0"),
        ("petr@x.example", (), False, False, ""),
    }
    lines = users.read_text(encoding="utf-8").splitlines()
    olga = next(a for a in accounts if a.login == "olga@x.example")
    assert lines[olga.line - 1].strip() == "{" and lines[olga.line].strip() == '"id": 101,'


def test_a_bad_active_flag_is_located(tmp_path):
    doc = json.loads(json.dumps(USERS))
    doc["_embedded"]["users"][0]["rights"]["is_active"] = "maybe"
    users = tmp_path / "users.json"
    users.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    accounts, problems = ADAPTER.read_users([users])
    assert len(accounts) == 2 and len(problems) == 1
    assert "rights.is_active" in problems[0].message and problems[0].line is not None


def test_people_audit_finds_a_user_holding_a_role_beyond_the_design(run_cli, tmp_path):
    folder = tmp_path / "eng"
    assert run_cli("new", folder, "--playbook", "core", "--client", "C")[0] == 0
    hr = tmp_path / "hr.csv"
    hr.write_text(
        "Person ID,Full name,Designed role\nP1,Ольга Иванова,crm_manager\nP2,علی رضایی,sales_manager\n",
        encoding="utf-8",
    )
    assert run_cli("roster", folder, "import", hr)[0] == 0
    doc = json.loads(json.dumps(USERS))
    doc["_embedded"]["users"][1]["rights"]["is_admin"] = False
    doc["_embedded"]["users"][1]["_embedded"] = {"roles": [{"id": 9, "name": "CRM_crm_manager"}]}
    users = tmp_path / "users.json"
    users.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    code, out, err = run_cli("people-audit", folder, "--crm", "kommo", "--users", users, "--format", "json")
    assert code == 1, err
    findings = json.loads(out)["findings"]
    assert [(f["kind"], f["account"]) for f in findings] == [("beyond-role", "ali@x.example")]
    assert findings[0]["roles"] == ["crm_manager"] and findings[0]["file"] == str(users)
