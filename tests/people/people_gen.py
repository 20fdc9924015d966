"""A client's roster and a CRM user export with planted access problems, for the people audit's tests and
benchmark.

`population(pb, people)` makes a roster of Persian- and Russian-named staff across departments, each with
a designed role, a manager and one CRM account holding exactly that role, then plants twelve problems of
the kinds an auditor asks about (issue 17): four two-role toxic combinations, five left-staff accounts
(three of people the roster marks inactive, two of people no longer on it), a shared login, a third
administrator where the design allows two, and a sales rep given the CRM manager's role. Noise that must
*not* be flagged is mixed in: disabled accounts of leavers and of unknown users, people without an
account, accounts matched only by login or only by a differently spelled name (Arabic ي/ك, reversed
Russian name order, ё), profile-owned permission sets and Odoo base groups.

`write_export(target, accounts, pb, folder)` writes the accounts in the CRM's own export shape.
The toxic pairs are checked here with a separate, simple evaluation of the playbook's rules (not the
audit's code), so the test does not grade the audit with itself.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.domain.people import Person
from workbench.domain.playbook import Playbook

FA_FIRST = ["علی", "محمد", "رضا", "زهرا", "فاطمه", "مریم", "حسین", "مهدی", "سارا", "نگار", "کاوه", "یاسمن"]
FA_MIDDLE = ["امیر", "کیان", "نیکو", "ملک", "یزدان", "کریم"]
FA_LAST = ["رضایی", "محمدی", "کریمی", "حسینی", "یزدانی", "کاظمی", "نیکپور"]
RU_FIRST = ["Иван", "Пётр", "Анна", "Мария", "Ольга", "Сергей", "Дмитрий", "Алёна"]
RU_MIDDLE = ["Петрович", "Ивановна", "Сергеевич", "Алексеевна", "Дмитриевич", "Олеговна"]
RU_LAST = ["Иванов", "Петров", "Смирнова", "Кузнецова", "Соколов", "Фёдоров", "Волкова"]
DEPARTMENTS = {
    "sales_manager": "Sales",
    "client_service": "Service",
    "support_technician": "Service",
    "marketer": "Marketing",
    "data_analyst": "Analytics",
    "finance_manager": "Finance",
    "crm_specialist": "CRM team",
    "crm_analyst": "CRM team",
    "it_manager": "IT",
    "hr_manager": "HR",
    "administrator": "IT",
    "crm_manager": "CRM team",
    "director": "Board",
}
WORKFORCE = (
    ["sales_manager"] * 10
    + ["client_service"] * 6
    + ["support_technician"] * 4
    + ["marketer"] * 3
    + ["data_analyst", "finance_manager", "crm_specialist", "crm_analyst", "hr_manager"]
)
TOXIC = (
    ("sales_manager", "finance_manager"),
    ("marketer", "it_manager"),
    ("crm_specialist", "crm_manager"),
    ("crm_manager", "marketer"),
)
"""(designed role, role added in the CRM) pairs that break a separation-of-duties rule only together"""
REP_WITH_MANAGER_ROLE = ("sales_manager", "crm_manager")


@dataclass
class Account:
    login: str
    name: str
    email: str
    active: bool
    roles: list[str]
    last_login: str = "2026-11-20T09:15:00.000Z"
    admin: bool = False


@dataclass
class Population:
    people: list[Person]
    accounts: list[Account]
    planted: set[tuple[str, str]] = field(default_factory=set)
    """(finding kind, account login) of each planted problem; the extra administrator's is the last admin"""


def _rank(scope: str) -> int:
    return ("none", "own", "team", "all").index(scope)


def _holds(pb: Playbook, role_id: str, ref) -> bool:
    role = pb.role_map()[role_id]
    if ref.system_right is not None:
        return ref.system_right in role.system_rights
    held = role.permissions.get(ref.object, {}).get(ref.action, "none")
    return held != "none" and _rank(held) >= _rank(ref.min_scope)


def breaks_together(pb: Playbook, a: str, b: str) -> bool:
    """An SoD rule the pair breaks that neither role breaks alone (an evaluation of our own)."""
    for rule in pb.governance.separation_of_duties:
        alone = any(_holds(pb, r, rule.first) and _holds(pb, r, rule.second) for r in (a, b))
        together = (_holds(pb, a, rule.first) or _holds(pb, b, rule.first)) and (
            _holds(pb, a, rule.second) or _holds(pb, b, rule.second)
        )
        if together and not alone:
            return True
    return False


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    fa = [f"{f} {m} {last}" for f in FA_FIRST for m in FA_MIDDLE for last in FA_LAST]
    ru = [f"{f} {m} {last}" for f in RU_FIRST for m in RU_MIDDLE for last in RU_LAST]
    rng.shuffle(fa)
    rng.shuffle(ru)
    half = count // 2 + 1
    out = [(n, "fa") for n in fa[:half]] + [(n, "ru") for n in ru[:half]]
    rng.shuffle(out)
    return out[:count]


def _spelled_otherwise(name: str, lang: str) -> str:
    """The same person as another system types them: Arabic letter forms, or Russian surname first."""
    if lang == "fa":
        return name.replace("ی", "ي").replace("ک", "ك")
    first, middle, last = name.split()
    return f"{last} {first} {middle}".replace("ё", "е")


def population(pb: Playbook, people: int = 300, seed: int = 17) -> Population:
    """A roster of `people` (at least 60; two of them added by the plants) with their accounts, and the
    twelve planted problems."""
    for designed, added in TOXIC:
        assert breaks_together(pb, designed, added), (designed, added)
    assert not breaks_together(pb, *REP_WITH_MANAGER_ROLE)
    rng = random.Random(seed)
    people -= 2  # the third administrator and a disabled leaver join below
    names = _names(rng, people + 2)
    roster: list[Person] = []
    accounts: list[Account] = []
    managers = [f"P{i:04d}" for i in range(1, 6)]
    fixed = ["director", "administrator", "administrator", "crm_manager", "crm_manager"]
    for i in range(people):
        pid = f"P{i:04d}"
        role = fixed[i] if i < len(fixed) else rng.choice(WORKFORCE)
        name, lang = names[i]
        email = f"user{i:04d}@client.example"
        login = f"u{i:04d}"
        manager = "" if i == 0 else ("P0000" if i < len(fixed) else rng.choice(managers[2:]))
        person = Person(pid, name, DEPARTMENTS.get(role, "Sales"), (role,), manager, True, email, login)
        roster.append(person)
        how = i % 10
        if how == 7:  # matched by login only (the CRM holds a private address)
            accounts.append(Account(login, name, f"{login}@mail.example", True, [role]))
        elif how == 8:  # matched by name only, spelled as another system types it
            roster[-1] = replace(person, email="", login="")
            accounts.append(
                Account(
                    f"x{i:04d}@client.example",
                    _spelled_otherwise(name, lang),
                    f"x{i:04d}@client.example",
                    True,
                    [role],
                )
            )
        elif how == 9 and i > 40:  # no CRM account at all: not a finding
            continue
        else:
            accounts.append(Account(email, name, email, True, [role], admin=role == "administrator"))
    pop = Population(roster, accounts)
    _plant(pop, rng, names[people:])
    return pop


def _pick(pop: Population, role: str, used: set[str]) -> int:
    """The index of an enabled, email-matched account whose person has `role` and is not planted yet."""
    people = {p.email: p for p in pop.people if p.email}
    for i, account in enumerate(pop.accounts):
        person = people.get(account.email)
        if person and person.roles == (role,) and account.login not in used and account.active:
            used.add(account.login)
            return i
    raise AssertionError(f"no {role} left to plant on")


def _plant(pop: Population, rng: random.Random, spare: list[tuple[str, str]]) -> None:
    used: set[str] = set()
    for designed, added in TOXIC:  # 4 two-role toxic combinations
        i = _pick(pop, designed, used)
        pop.accounts[i].roles.append(added)
        pop.planted.add(("toxic-combination", pop.accounts[i].login))
    i = _pick(pop, REP_WITH_MANAGER_ROLE[0], used)  # a rep with the CRM manager's role
    pop.accounts[i].roles.append(REP_WITH_MANAGER_ROLE[1])
    pop.planted.add(("beyond-role", pop.accounts[i].login))
    for role in ("sales_manager", "client_service", "marketer"):  # 3 leavers still enabled
        i = _pick(pop, role, used)
        k = next(k for k, p in enumerate(pop.people) if p.email == pop.accounts[i].login)
        pop.people[k] = replace(pop.people[k], active=False)
        pop.planted.add(("left-enabled", pop.accounts[i].login))
    for n, (name, _lang) in enumerate(spare):  # 2 leavers already off the roster
        login = f"former{n}@client.example"
        pop.accounts.append(Account(login, name, login, True, ["sales_manager"]))
        pop.planted.add(("no-person", login))
    pop.accounts.append(
        Account("sales@client.example", "Sales Team", "sales@client.example", True, ["sales_manager"])
    )  # a shared login
    pop.planted.add(("shared-login", "sales@client.example"))
    admin = Person(
        "P9999",
        "Кирилл Андреевич Белов",
        "IT",
        ("administrator",),
        "P0000",
        True,
        "admin3@client.example",
        "",
    )  # a third administrator: the design allows two
    pop.people.append(admin)
    pop.accounts.append(Account(admin.email, admin.name, admin.email, True, ["administrator"], admin=True))
    pop.planted.add(("too-many-admins", ""))
    # noise the audit must not flag: leavers and strangers already disabled, an inactive person's
    # disabled account
    pop.accounts.append(
        Account(
            "old.admin@client.example",
            "Old Admin",
            "old.admin@client.example",
            False,
            ["administrator"],
            admin=True,
        )
    )
    leaver = replace(
        pop.people[-2],
        id="P9998",
        name="Олег Петрович Зуев",
        email="zuev@client.example",
        login="",
        active=False,
    )
    pop.people.append(leaver)
    pop.accounts.append(Account(leaver.email, leaver.name, leaver.email, False, list(leaver.roles)))
    rng.shuffle(pop.accounts)


# --- the CRMs' export shapes ---------------------------------------------------------------------------


def _csv(path: Path, head: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(head)
        writer.writerows(rows)
    return path


def _json(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_export(target: str, accounts: list[Account], pb: Playbook, folder: Path) -> list[Path]:
    """The accounts as `target` exports them; returns the files to pass to the audit."""
    from workbench.crm_adapters.registry import mapping_for

    folder.mkdir(parents=True, exist_ok=True)
    mapping = mapping_for(pb, target)
    return WRITERS[target](accounts, pb, mapping, folder)


def _salesforce(accounts, pb, mapping, folder):
    from workbench.crm_adapters.salesforce.model import set_names

    names = set_names(pb, mapping)
    users, assignments = [], []
    for n, a in enumerate(accounts):
        uid = f"005{n:012d}"
        profile = "System Administrator" if a.admin else "Standard User"
        users.append([uid, a.login, a.name, a.email, "true" if a.active else "false", a.last_login, profile])
        assignments.append([f"0Pa{n:012d}", uid, f"X00e{n:08d}", "true"])  # the profile's own set
        assignments += [
            [f"0Pb{n:03d}{k}", uid, names[r], "false"]
            for k, r in enumerate(a.roles)
            if not (a.admin and r == "administrator")
        ]
    return [
        _csv(
            folder / "User.csv",
            ["ID", "USERNAME", "NAME", "EMAIL", "ISACTIVE", "LASTLOGINDATE", "PROFILE.NAME"],
            users,
        ),
        _csv(
            folder / "PermissionSetAssignment.csv",
            ["ID", "ASSIGNEEID", "PERMISSIONSET.NAME", "PERMISSIONSET.ISOWNEDBYPROFILE"],
            assignments,
        ),
    ]


def _dynamics(accounts, pb, mapping, folder):
    from workbench.crm_adapters.dynamics.model import role_names

    names = role_names(pb, mapping)
    users, links = [], []
    role_ids = {r: f"{k:08d}-0000-0000-0000-000000000000" for k, r in enumerate(names)}
    for n, a in enumerate(accounts):
        uid = f"{n:08d}-1111-0000-0000-000000000000"
        users.append(
            {
                "systemuserid": uid,
                "domainname": a.login,
                "fullname": a.name,
                "internalemailaddress": a.email,
                "isdisabled": not a.active,
                "_businessunitid_value": "b0000000-0000-0000-0000-000000000001",
                "_businessunitid_value@OData.Community.Display.V1.FormattedValue": "Client HQ",
            }
        )
        links += [
            {
                "systemuserroleid": f"{n:08d}-{k:04d}-2222-0000-000000000000",
                "systemuserid": uid,
                "roleid": role_ids[r],
            }
            for k, r in enumerate(a.roles)
        ]
    roles = [{"roleid": role_ids[r], "name": names[r]} for r in names]
    return [
        _json(folder / "systemusers.json", {"@odata.context": "$metadata#systemusers", "value": users}),
        _json(folder / "systemuserroles.json", {"value": links}),
        _json(folder / "roles.json", {"value": roles}),
    ]


def _odoo(accounts, pb, mapping, folder):
    from workbench.crm_adapters.odoo.model import group_id

    rows = []
    for n, a in enumerate(accounts):
        groups = ["base.group_user"] + [
            f"crm_roles.{group_id(mapping, r)}" for r in a.roles if not (a.admin and r == "administrator")
        ]
        groups += ["base.group_system"] if a.admin else []
        rows.append(
            [
                f"__export__.res_users_{n}",
                a.name,
                a.login,
                a.email,
                "True" if a.active else "False",
                a.last_login[:19].replace("T", " "),
                ",".join(groups),
            ]
        )
    return [
        _csv(
            folder / "res_users.csv",
            ["id", "name", "login", "email", "active", "login_date", "groups_id/id"],
            rows,
        )
    ]


def _espocrm(accounts, pb, mapping, folder):
    users = []
    for n, a in enumerate(accounts):
        roles = [r for r in a.roles if not (a.admin and r == "administrator")]
        users.append(
            {
                "id": f"6{n:016x}",
                "userName": a.login,
                "name": a.name,
                "emailAddress": a.email,
                "isActive": a.active,
                "type": "admin" if a.admin else "regular",
                "rolesIds": [f"r{r}" for r in roles],
                "rolesNames": {f"r{r}": mapping.role_name(r) for r in roles},
                "defaultTeamName": "Client HQ",
            }
        )
    return [_json(folder / "User.json", {"total": len(users), "list": users})]


def _kommo(accounts, pb, mapping, folder):
    """GET /api/v4/users?with=role,group. A Kommo user holds one role: an account given a second role is
    written with that one (what an admin changing the user's role leaves), so the audit sees it as a role
    beyond the design rather than a combination."""
    ids = {r.id: 100 + k for k, r in enumerate(pb.roles)}
    users = []
    for n, a in enumerate(accounts):
        role = next((r for r in reversed(a.roles) if not (a.admin and r == "administrator")), None)
        embedded: dict[str, list] = {"groups": [{"id": 7, "name": "Client HQ"}]}
        if role is not None:
            embedded["roles"] = [{"id": ids[role], "name": mapping.role_name(role)}]
        users.append(
            {
                "id": 9000 + n,
                "name": a.name,
                "email": a.login,
                "lang": "ru",
                "rights": {
                    "leads": {"view": "M", "edit": "M", "add": "A", "delete": "D", "export": "D"},
                    "mail_access": True,
                    "catalog_access": False,
                    "is_admin": a.admin,
                    "is_free": False,
                    "is_active": a.active,
                    "group_id": 7,
                    "role_id": ids[role] if role else None,
                },
                "_embedded": embedded,
            }
        )
    doc = {"_total_items": len(users), "_page": 1, "_embedded": {"users": users}}
    return [_json(folder / "users.json", doc)]


def _suitecrm(accounts, pb, mapping, folder):
    users, members = [], []
    for n, a in enumerate(accounts):
        users.append(
            [
                f"u-{n}",
                a.login,
                a.name,
                a.email,
                "Active" if a.active else "Inactive",
                "1" if a.admin else "0",
                "Sales",
            ]
        )
        members += [
            [a.login, mapping.role_name(r)] for r in a.roles if not (a.admin and r == "administrator")
        ]
    return [
        _csv(
            folder / "Users.csv",
            ["id", "user_name", "full_name", "email1", "status", "is_admin", "department"],
            users,
        ),
        _csv(folder / "acl_roles_users.csv", ["user_name", "role_name"], members),
    ]


def _bitrix24(accounts, pb, mapping, folder):
    """The Users sheet of the Bitrix24 workbook, filled back from the portal (headers in English)."""
    from openpyxl import Workbook

    from workbench.crm_adapters.bitrix24.model import role_names

    names = role_names(pb, mapping)
    wb = Workbook()
    ws = wb.active
    ws.title = "Users"
    ws.append(["Login", "Full name", "E-mail", "Active", "Department", "Portal administrator", "CRM roles"])
    for a in accounts:
        roles = [names[r] for r in a.roles if not (a.admin and r == "administrator")]
        ws.append(
            [a.login, a.name, a.email, "Yes" if a.active else "No", "Sales", "Yes" if a.admin else "No"]
        )
        ws.cell(ws.max_row, 7).value = ", ".join(roles)
    path = folder / "bitrix24-crm-roles.xlsx"
    wb.save(path)
    return [path]


WRITERS = {
    "salesforce": _salesforce,
    "dynamics": _dynamics,
    "odoo": _odoo,
    "espocrm": _espocrm,
    "suitecrm": _suitecrm,
    "bitrix24": _bitrix24,
    "kommo": _kommo,
}


def roster_csv(people: list[Person], path: Path, lang: str = "en") -> Path:
    """The roster as an HR list with headers in `lang`."""
    heads = {
        "en": [
            "Person ID",
            "Full name",
            "Department",
            "Designed role",
            "Manager",
            "Active",
            "E-mail",
            "Login",
        ],
        "fa": ["کد پرسنلی", "نام و نام خانوادگی", "واحد", "نقش", "مدیر", "فعال", "ایمیل", "نام کاربری"],
        "ru": [
            "Табельный номер",
            "ФИО",
            "Подразделение",
            "Роль",
            "Руководитель",
            "Активен",
            "Почта",
            "Логин",
        ],
    }[lang]
    yes, no = {"en": ("yes", "no"), "fa": ("بله", "خیر"), "ru": ("да", "нет")}[lang]
    return _csv(
        path,
        heads,
        [
            [
                p.id,
                p.name,
                p.department,
                ",".join(p.roles),
                p.manager,
                yes if p.active else no,
                p.email,
                p.login,
            ]
            for p in people
        ],
    )
