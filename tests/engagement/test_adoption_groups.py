"""Numbers agree: users are grouped by the playbook's role terms (whole words, most specific match, the
unmatched listed, never guessed) and activities per rep are scaled from the export's days to the KPI's
weekly cadence."""

from __future__ import annotations

import json

import pytest

from workbench.domain.role_groups import classifier, normalise
from workbench.loading.playbooks import load_playbook

from .kpi_helpers import ACTIVITY, engagement, measurements

AS_OF = "2025-03-31"


@pytest.fixture(scope="module")
def groups():
    return classifier(load_playbook("core").playbook.role_groups)


@pytest.mark.parametrize(
    ("role", "group"),
    [
        ("خدمات پس از فروش", "service"),
        ("After-sales service", "service"),
        ("After sales", "service"),
        ("Агентская сеть", "sales"),
        ("Key account manager", "sales"),
        ("Менеджер по продажам", "sales"),
        ("Отдел продаж", "sales"),
        ("مدیر فروش", "sales"),
        ("مدير فروش", "sales"),  # Arabic yeh
        ("Служба поддержки", "service"),
        ("Customer care", "service"),
        ("Маркетолог", "marketing"),
        ("Генеральный директор", "management"),
        ("مدیرعامل", "management"),
        ("Head of sales", "management"),
        ("Service account", "system"),
        ("Интеграция 1С", "system"),
        ("Системный администратор", None),
        ("Salesforce admin", None),  # "sales" is a whole word, not the start of "Salesforce"
        ("Логист", None),
        ("", None),
    ],
)
def test_role_groups_of_the_quoted_titles(groups, role, group):
    assert groups.group(role) == group


def test_user_terms_extend_the_playbooks_and_win_ties():
    pb = load_playbook("core").playbook
    extended = classifier(pb.role_groups, {"sales": ["логист*"], "service": ["key account manager"]})
    assert extended.group("Логист") == "sales"
    assert extended.group("Key account manager") == "service"  # a tie with the playbook's term: the user's


def test_normalise_joins_persian_and_russian_spellings():
    assert normalise("  Пост‐продажный  СЕРВИС ") == "пост продажный сервис"
    assert normalise("خدمات\u200cپس از فروش") == normalise("خدمات پس از فروش")
    assert normalise("Ёлка") == "елка"


def _export(tmp_path, rows: list[str]):
    path = tmp_path / "export.csv"
    header = "user,role,last_login,logins,activities_logged\n"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_unmatched_roles_are_listed_and_quoted_titles_counted_right(run_cli, tmp_path):
    folder = engagement(tmp_path)
    path = _export(
        tmp_path,
        [
            "ana,After-sales service,2025-03-30,9,40",
            "reza,خدمات پس از فروش,2025-03-30,9,30",
            "olga,Агентская сеть,2025-03-30,9,12",
            "kim,Key account manager,2025-03-30,9,8",
            "ivan,Логист,2025-03-30,9,5",
            "bot,Service account,2025-03-30,99,999",
        ],
    )
    code, out, err = run_cli(
        "import-activity", folder, path, "--date", AS_OF, "--from", "2025-03-25", "--json"
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["unmatched_roles"] == {"Логист": 1}
    assert data["excluded_accounts"] == 1
    assert data["measures"]["sales_activities_logged"] == 20  # olga and kim, not the after-sales agents
    assert data["records_by_group"] == {
        "service": {"activities_logged": 70},
        "sales": {"activities_logged": 20},
        "unmatched": {"activities_logged": 5},
    }
    text = run_cli("import-activity", folder, path, "--date", AS_OF, "--from", "2025-03-25")[1]
    assert "  roles in no group (counted as users only): 'Логист' (1)\n" in text
    assert '  add them with --role-group GROUP=TERM, e.g. --role-group sales="Логист"\n' in text


def test_role_group_flag_extends_and_refuses_unknown_groups(run_cli, tmp_path):
    folder = engagement(tmp_path)
    path = _export(tmp_path, ["ivan,Логист,2025-03-30,9,5", "olga,Sales,2025-03-30,9,7"])
    code, out, _ = run_cli(
        "import-activity",
        folder,
        path,
        "--date",
        AS_OF,
        "--from",
        "2025-03-25",
        "--json",
        "--role-group",
        "sales=логист*",
    )
    data = json.loads(out)
    assert code == 0 and data["unmatched_roles"] == {} and data["measures"]["sales_activities_logged"] == 12
    code, out, err = run_cli(
        "import-activity", folder, path, "--date", AS_OF, "--role-group", "logistics=Логист"
    )
    assert (code, out) == (2, "")
    assert err == (
        "crmwb import-activity: error: --role-group 'logistics=Логист'; expected GROUP=TERM with "
        "GROUP one of: system, sales, service, marketing, management\n"
    )


def test_a_six_week_export_is_divided_by_six_for_a_weekly_target(run_cli, tmp_path):
    folder = engagement(tmp_path)
    good = ACTIVITY / "good_utf8.csv"  # 104 activities by 2 working sales reps
    code, out, err = run_cli("import-activity", folder, good, "--date", AS_OF, "--from", "2025-02-18")
    assert (code, err) == (0, "")
    per_rep = next(m for m in measurements(folder) if m.kpi_id == "activities_per_rep")
    assert per_rep.value == pytest.approx(104 / 2 / 6)
    assert per_rep.note == (
        "sales_activities_logged=104, sales_reps_working=2; counted over 42 day(s), "
        "scaled to one weekly period of 7 days"
    )
    assert "  activities_per_rep             8.7  target ≥ 20      off track\n" in out


def test_without_the_period_a_per_period_kpi_is_not_guessed(run_cli, tmp_path):
    folder = engagement(tmp_path)
    code, out, _ = run_cli("import-activity", folder, ACTIVITY / "good_utf8.csv", "--date", AS_OF)
    assert code == 0
    assert "activities_per_rep" not in {m.kpi_id for m in measurements(folder)}
    assert "  activities_per_rep       weekly rate: needs the export's first day (--from YYYY-MM-DD)\n" in out
    code, _, err = run_cli(
        "import-activity", folder, ACTIVITY / "good_utf8.csv", "--date", AS_OF, "--from", "2025-04-02"
    )
    assert code == 2 and "--from 2025-04-02 is after --date 2025-03-31" in err
