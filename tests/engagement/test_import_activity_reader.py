"""The activity-export reader and the adoption measures, on small files written by the tests."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.adoption import ActivityRow, activity_measures, evaluate_kpis, format_value
from workbench.domain.role_groups import classifier
from workbench.loading.activity_csv import read_activity
from workbench.loading.activity_encoding import decode

AS_OF = date(2025, 3, 31)


def core_groups(extra=None):
    from workbench.loading.playbooks import load_playbook

    return classifier(load_playbook("core").playbook.role_groups, extra)


def read(tmp_path, data: bytes | str):
    path = tmp_path / "export.csv"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read_activity(path, AS_OF, keep_rows=True)


def messages(result) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in result.problems]


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (
            "Пользователь;Отдел\nИванов Пётр;Отдел продаж\nЁлкина;ООО «Ромашка» — филиал № 2\n",
            "cp1251",
            "cp1251",
        ),
        ("کاربر,واحد\nعلی رضایی,فروش\nمریم,خدمات مشتریان\n".replace("ی", "ي"), "cp1256", "cp1256"),
        ("user,role\nИванов,продажи\n", "utf-8", "UTF-8"),
        ("user,role\nana,sales\n", "ascii", "UTF-8"),
    ],
)
def test_encodings_are_detected(text, codec, expected):
    assert decode(text.encode(codec)) == (text, expected)
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "UTF-8 with BOM")


@pytest.mark.parametrize("codec", ["koi8_r", "cp1253", "shift_jis"])
def test_other_encodings_are_refused_not_guessed(codec):
    sample = {
        "koi8_r": "Иванов Пётр,Отдел продаж\nСмирнова,Сервис\n",
        "cp1253": "Γιώργος,Πωλήσεις\nΜαρία,Υποστήριξη\n",
        "shift_jis": "田中太郎,営業\n鈴木花子,サポート\n",
    }[codec]
    with pytest.raises(ValueError, match="its words come out garbled"):
        decode(sample.encode(codec))


def test_headers_by_name_alias_and_language(tmp_path):
    result = read(
        tmp_path,
        "sep=;\n E-Mail ;Team;LAST LOGIN;Number of logins;Opportunities;Quotes Created;Extra\n"
        "ana@x.example;Sales;2025-03-30T09:12:00;5;2;1;whatever\n",
    )
    assert result.ok and result.delimiter == ";"
    assert result.columns == {
        "user": " E-Mail ",
        "role": "Team",
        "last_login": "LAST LOGIN",
        "logins": "Number of logins",
        "deals_created": "Opportunities",
        "quotes_created": "Quotes Created",
    }
    [row] = result.rows
    assert (row.user, row.last_login, row.logins, row.records) == (
        "ana@x.example",
        date(2025, 3, 30),
        5,
        {"deals_created": 2, "quotes_created": 1},
    )


def test_quoted_values_persian_digits_and_blank_lines(tmp_path):
    result = read(
        tmp_path,
        'user,role,last_login,logins,cases\n"Doe, Jane","Service, VIP",31.03.2025,۱۲,\n\n'
        '"Multi\nline",Sales,2025/3/1,0,3\n',
    )
    assert result.ok, messages(result)
    assert [
        (r.line, r.user, r.role, r.last_login, r.logins, r.records["cases_created"]) for r in result.rows
    ] == [
        (2, "Doe, Jane", "Service, VIP", date(2025, 3, 31), 12, 0),
        (4, "Multi\nline", "Sales", date(2025, 3, 1), 0, 3),
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "",
            [
                (
                    "1:1: the file is empty; expected a header row (user, role, last_login, logins, "
                    "leads_created ...) "
                    "and one row per user"
                )
            ],
        ),
        (
            "user,role,last_login,logins\nana,Sales,2025-03-01,3\n",
            [
                (
                    "1:1: no records column; expected at least one of leads_created, contacts_created, "
                    "deals_created, "
                    "cases_created, activities_logged (active users need records, not just logins)"
                )
            ],
        ),
        (
            "user,login,role,last_login,logins,leads\n",
            ["1:6: columns 'user' and 'login' both give user; expected one of them"],
        ),
        (
            "user,role,last_login,logins,leads\n",
            ["2:1: no users in the file; expected one row per user after the header"],
        ),
        (
            "user,role,last_login,logins,leads,trained\nana,Sales,2025-03-01,3,1,maybe\n, Sales,,1,1,no\n",
            [
                "2:26: row 2, column 'trained': 'maybe'; expected yes or no (also true/false, 1/0)",
                "3:1: row 3, column 'user': ''; expected the user's name or login",
            ],
        ),
        (
            "user,role,last_login,logins,leads\nana,Sales,03/01/2025,3,1\nbob,Sales,2025-03-01,3.5,1\n",
            [
                "2:11: row 2, column 'last_login': '03/01/2025'; expected a date YYYY-MM-DD (or DD.MM.YYYY)",
                "3:22: row 3, column 'logins': '3.5'; expected a whole number, 0 or more",
            ],
        ),
    ],
)
def test_problems_are_exact_and_leave_no_rows(tmp_path, data, expected):
    result = read(tmp_path, data)
    assert messages(result) == expected and result.rows == []


def test_many_bad_rows_are_capped(tmp_path):
    rows = "".join(f"u{i},Sales,2025-03-01,x,1\n" for i in range(30))
    result = read(tmp_path, "user,role,last_login,logins,leads\n" + rows)
    assert len(result.problems) == 21
    assert result.problems[-1].message == "10 more problem(s) not shown; fix these and run again"


@pytest.mark.parametrize(
    ("role", "group"),
    [
        ("Sales", "sales"),
        ("Отдел продаж", "sales"),
        ("مدير فروش", "sales"),
        ("Pre-sales engineer", "sales"),
        ("Customer Service", "service"),
        ("Support line 2", "service"),
        ("Сервис", "service"),
        ("پشتيباني", "service"),
        ("Marketing", "marketing"),
        ("بازاریابی", "marketing"),
        ("Service account", "system"),
        ("Integration", "system"),
        ("API user", "system"),
        ("Интеграция 1С", "system"),
        ("Therapist", None),
        ("", None),
    ],
)
def test_role_groups(role, group):
    assert core_groups().group(role) == group


def row(user, role, last_login, logins=5, activities=0, cases=0, trained=None):
    return ActivityRow(
        1, user, role, last_login, logins, {"activities_logged": activities, "cases_created": cases}, trained
    )


def test_measures_follow_the_playbook_definitions():
    rows = [
        row("a", "Sales", date(2025, 3, 2), 3, activities=10),  # 29 days before: active
        row("b", "Sales", date(2025, 3, 1), 9, activities=7),  # 30 days before: not active
        row("c", "Sales", date(2025, 3, 31), 2, activities=0),  # logged in but entered nothing
        row("d", "Service", None, 0, cases=4),  # never logged in
        row("e", "Test account", date(2025, 3, 31), 50, activities=99),
    ]
    measures = activity_measures(
        rows, AS_OF, ["activities_logged", "cases_created"], has_trained=False, groups=core_groups()
    )
    assert measures.values == {
        "licensed_users": 4,
        "active_users_30d": 1,
        "sales_activities_logged": 17,
        "sales_reps_working": 2,
        "cases_logged": 4,
    }
    assert measures.excluded == 1
    assert measures.by_group == {
        "sales": {"activities_logged": 17, "cases_created": 0},
        "service": {"activities_logged": 0, "cases_created": 4},
    }


def test_kpis_need_all_their_measures_and_no_zero_divisor():
    from workbench.loading.playbooks import load_playbook

    kpis = {k.id: k for k in load_playbook("core").playbook.kpis}
    results = evaluate_kpis(
        [kpis["active_user_rate"], kpis["activities_per_rep"], kpis["service_case_logging"]],
        {"active_users_30d": 3, "licensed_users": 4, "sales_activities_logged": 10, "sales_reps_working": 0},
    )
    assert [(r.kpi.id, r.value, r.missing, r.reason) for r in results] == [
        ("active_user_rate", 75.0, [], ""),
        ("activities_per_rep", None, [], "division by zero (sales_reps_working is 0)"),
        (
            "service_case_logging",
            None,
            ["cases_logged", "service_contacts_received"],
            "needs cases_logged, service_contacts_received",
        ),
    ]


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (72.5, "percent", "72.5 %"),
        (90.0, "percent", "90 %"),
        (4, "hours", "4 h"),
        (1234567.8, "currency", "1,234,568"),
        (20, "count", "20"),
        (None, "count", "—"),
        (-12.25, "score", "-12.2"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text
