"""The people audit's rules on small cases, straight on the domain: each kind of finding, the CRM admin
flag, a toxic pair the design itself gives one person, unknown CRM roles, disabled accounts ignored."""

from __future__ import annotations

import pytest

from workbench.crm_adapters.registry import role_names
from workbench.domain.people import Person, UserAccount, looks_shared
from workbench.domain.people_audit import audit_people, crm_role_index


@pytest.fixture(scope="module")
def pb():
    from workbench.app.design import load_design

    return load_design("core", None)[0].playbook


def run(pb, people, accounts, target="espocrm"):
    report = audit_people(pb, people, accounts, crm_role_index(pb, *role_names(pb, target)), target)
    return sorted((f.kind, f.severity, f.account or "", f.roles) for f in report.findings), report


def test_each_kind(pb):
    people = [
        Person("1", "Ali", roles=("sales_manager",), email="ali@x"),
        Person("2", "Gone", roles=("sales_manager",), email="gone@x", active=False),
        Person("3", "Both", roles=("sales_manager", "finance_manager"), email="both@x"),
    ]
    accounts = [
        UserAccount("ali@x", email="ali@x", held=("CRM_sales_manager", "CRM_data_analyst")),
        UserAccount("gone@x", email="gone@x", held=("CRM_sales_manager",)),
        UserAccount("both@x", email="both@x", held=("CRM_sales_manager", "CRM_finance_manager")),
        UserAccount("admin2", held=("CRM_sales_manager",)),
        UserAccount("stranger@x", name="Stranger", held=("Super Custom",)),
        UserAccount("off@x", active=False, held=("CRM_administrator",)),
    ]
    findings, report = run(pb, people, accounts)
    assert findings == [
        ("beyond-role", "error", "ali@x", ("data_analyst",)),
        ("left-enabled", "error", "gone@x", ("sales_manager",)),
        ("no-person", "error", "stranger@x", ()),
        ("shared-login", "error", "admin2", ("sales_manager",)),
        # the roster itself gives one person both sides of sod_price_vs_quote: still a finding
        ("toxic-combination", "error", "both@x", ("sales_manager", "finance_manager")),
        ("unknown-role", "warning", "", ()),
    ]
    assert report.enabled == 5 and report.matched == 3


def test_admin_flag_counts_as_the_administrator_role(pb):
    people = [Person(str(i), f"Admin {i}", roles=("administrator",), email=f"a{i}@x") for i in range(3)]
    accounts = [UserAccount(f"a{i}@x", email=f"a{i}@x", admin=True) for i in range(3)]
    findings, report = run(pb, people, accounts)
    assert findings == [("too-many-admins", "error", "", ("administrator",))]
    assert report.administrators == ["a0@x", "a1@x", "a2@x"]
    findings, _report = run(pb, people[:2], accounts[:2])
    assert findings == []


def test_shared_login_patterns():
    assert all(
        looks_shared(UserAccount(login))
        for login in ("sales@client.ir", "admin2", "Support_Team", "info@x", "crm", "integration-api@x")
    )
    assert not any(
        looks_shared(UserAccount(login)) for login in ("a.rezaei@client.ir", "ivanov", "salesmanr")
    )
