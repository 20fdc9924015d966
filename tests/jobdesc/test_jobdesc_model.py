"""The job description view model: order of sections, what the answers change, KPIs owned, pay as given."""

from __future__ import annotations

import pytest

from tests.jobdesc.conftest import LANGS, ON
from workbench.domain.jobdesc import SECTION_ORDER, UnknownRole, build
from workbench.domain.locale import NBSP
from workbench.domain.resolve import resolve
from workbench.writers.jobdesc import all_labels, describe, labels_for, roles_with_profiles


def test_sections_come_in_the_fixed_order_and_empty_ones_are_left_out(test_playbook):
    jd = describe(resolve(test_playbook, {}), "lead", "en", ON)
    keys = [s.key for s in jd.sections]
    assert keys == [k for k in SECTION_ORDER if k in keys]
    assert keys == [
        "purpose",
        "position",
        "duties",
        "education",
        "experience",
        "skills",
        "competencies",
        "qualities",
        "tools",
        "kpis",
        "working_conditions",
        "pay",
    ]
    helper = describe(resolve(test_playbook, {}), "helper", "en", ON)
    assert [s.key for s in helper.sections] == ["purpose", "position", "duties"]


def test_header_carries_title_date_and_playbook(test_playbook):
    jd = describe(resolve(test_playbook, {}), "lead", "ru", ON)
    assert jd.heading == "Описание должности: Руководитель направления CRM"
    assert dict(jd.meta) == {
        "Дата": "23.11.2026",
        "Методика": "Тестовая методика (идентификатор jd-test, версия 2.3.1)",
    }
    fa = describe(resolve(test_playbook, {}), "lead", "fa", ON)
    assert dict(fa.meta)["تاریخ"] == "۲ آذر ۱۴۰۵"
    assert "نسخه ۲.۳.۱" in dict(fa.meta)["روش استقرار"]
    assert fa.direction == "rtl" and jd.direction == "ltr"


def test_duties_are_grouped_by_phase_in_phase_order(test_playbook):
    jd = describe(resolve(test_playbook, {"company_size": "small"}), "lead", "en", ON)
    groups = jd.section("duties").groups
    assert [g.phase for g in groups] == ["pre_deployment", "deployment", "post_deployment", "ongoing"]
    assert [g.heading for g in groups] == [
        "Before go-live",
        "Rollout",
        "Post-deployment",
        "Ongoing, in every phase",
    ]  # playbook names, then labels
    assert groups[0].items == (
        "Write the CRM strategy for 3 years.",
        "Approve the RFP in Bitrix24 or Dynamics 365.",
    )


def test_reporting_line_is_the_resolved_one_with_its_reason_and_direct_reports(test_playbook):
    software = describe(resolve(test_playbook, {"industry": "software"}), "lead", "en", ON)
    retail = describe(resolve(test_playbook, {"industry": "retail"}), "lead", "en", ON)
    assert dict(software.section("position").facts) == {
        "Reports to": "Head of IT",
        "Why": "Software firms keep CRM in IT.",
        "Direct reports": "CRM helper, Regional lead",
    }
    assert dict(retail.section("position").facts)["Reports to"] == "Director"
    assert dict(retail.section("position").facts)["Why"] == "Sets goals for several units."


def test_answers_change_duties_education_and_kpis(test_playbook):
    def lead(**answers):
        return describe(resolve(test_playbook, answers), "lead", "en", ON)

    small = lead(company_size="small", industry="software")
    large = lead(company_size="large", industry="retail")
    assert small.section("duties").groups[-1].items == ("Also do the analyst's work.",)
    assert "ongoing" not in [g.phase for g in large.section("duties").groups]
    assert small.section("education").lines == ("IT degree preferred.",)
    assert large.section("education").lines == ("Industrial engineering preferred.",)
    assert [k.kpi_id for k in small.section("kpis").kpis] == ["adoption", "answer_time", "small_only"]
    assert [k.kpi_id for k in large.section("kpis").kpis] == ["adoption", "answer_time"]


@pytest.mark.parametrize(
    "lang, adoption, answer, big",
    [
        (
            "en",
            ("Active users", "at least 85% within 3 months of go-live", "Monthly"),
            ("Time to answer", "at most 4 hours", "Weekly"),
            "at least 12,000",
        ),
        (
            "ru",
            ("Активные пользователи", f"не менее 85{NBSP}% через 3 месяца после запуска", "Ежемесячно"),
            ("Время ответа", "не более 4 часов", "Еженедельно"),
            f"не менее 12{NBSP}000",
        ),
        (
            "fa",
            ("کاربران فعال", "دست‌کم ۸۵٪ تا ۳ ماه پس از راه‌اندازی", "ماهانه"),
            ("زمان پاسخ", "حداکثر ۴ ساعت", "هفتگی"),
            "دست‌کم ۱۲٬۰۰۰",
        ),
    ],
)
def test_kpis_owned_show_name_target_and_cadence(test_playbook, lang, adoption, answer, big):
    jd = describe(resolve(test_playbook, {"company_size": "small"}), "lead", lang, ON)
    rows = [(k.name, k.target, k.cadence) for k in jd.section("kpis").kpis]
    assert rows[:2] == [adoption, answer]
    assert rows[2][1] == big


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            [
                ("Days to onboard", "at most 21 days within 1 month of go-live", "Yearly"),
                ("Call length", "at most 5 minutes", "Monthly"),
            ],
        ),
        (
            "ru",
            [
                ("Срок подключения", "не более 21 дня через 1 месяц после запуска", "Ежегодно"),
                ("Длительность звонка", "не более 5 минут", "Ежемесячно"),
            ],
        ),
        (
            "fa",
            [
                ("روزهای آماده‌سازی", "حداکثر ۲۱ روز تا ۱ ماه پس از راه‌اندازی", "سالانه"),
                ("طول تماس", "حداکثر ۵ دقیقه", "ماهانه"),
            ],
        ),
    ],
)
def test_time_units_read_naturally(test_playbook, lang, expected):
    jd = describe(resolve(test_playbook, {}), "eurasia", lang, ON)
    assert [(k.name, k.target, k.cadence) for k in jd.section("kpis").kpis] == expected


def test_pay_is_shown_only_as_the_playbook_gives_it(test_playbook):
    resolved = resolve(test_playbook, {})
    en = describe(resolved, "lead", "en", ON).section("pay").pay
    assert [p.amount for p in en] == ["40,000–100,000 RUB a month", "1,500–2,500 USD a year"]
    assert dict(en[0].details) == {
        "Source": "Test article",
        "Region": "Russia",
        "Currency": "Russian rouble (RUB)",
        "As of": "2025",
    }
    assert en[0].note == "The source's figure." and en[1].note == ""
    assert dict(en[1].details)["As of"] == "March 2024"
    ru = describe(resolved, "lead", "ru", ON).section("pay").pay[0]
    assert ru.amount == f"40{NBSP}000–100{NBSP}000 руб. в месяц"
    assert dict(ru.details) == {
        "Источник": "Тестовая статья",
        "Регион": "Россия",
        "Валюта": "российский рубль",
        "По состоянию на": f"2025{NBSP}г.",
    }
    fa = describe(resolved, "lead", "fa", ON).section("pay").pay[0]
    assert fa.amount == "۴۰٬۰۰۰ تا ۱۰۰٬۰۰۰ روبل در ماه"
    assert dict(fa.details)["زمان داده"] == "۲۰۲۵ میلادی"
    # a currency we have no words for is shown by its ISO code, never converted or guessed
    kzt = describe(resolved, "eurasia", "ru", ON).section("pay").pay[0]
    assert kzt.amount == f"300{NBSP}000–600{NBSP}000 KZT в месяц"
    assert describe(resolved, "helper", "en", ON).section("pay") is None


def test_core_pay_band_is_the_brief_figure_for_russia_and_no_other_role_has_one(core):
    resolved = resolve(core, {})
    with_pay = [
        r for r in roles_with_profiles(resolved) if describe(resolved, r, "en", ON, "RU").section("pay")
    ]
    assert with_pay == ["crm_manager"]
    band = describe(resolved, "crm_manager", "en", ON, "RU").section("pay").pay[0]
    assert band.amount == "40,000–100,000 RUB a month"
    assert dict(band.details)["Region"] == "Russia" and "seed 003" in dict(band.details)["Source"]


def test_unknown_role_names_the_roles_that_have_profiles(test_playbook):
    with pytest.raises(UnknownRole, match="helper"):
        describe(test_playbook, "boss", "en", ON)


def test_labels_file_covers_every_label_in_every_language(core, test_playbook):
    labels = all_labels()
    assert all(set(texts) >= set(LANGS) for texts in labels.values())
    used: set[str] = set()

    class Spy(dict):
        def __getitem__(self, key):
            used.add(key)
            return super().__getitem__(key)

        def __contains__(self, key):
            used.add(key)
            return super().__contains__(key)

    for pb, answers in ((core, {"company_size": "small"}), (test_playbook, {"company_size": "small"})):
        resolved = resolve(pb, answers)
        for role in roles_with_profiles(resolved):
            for lang in LANGS:
                for country in (None, "RU", "IR", "OTHER"):
                    build(resolved, role, lang, Spy(labels_for(lang)), ON, country)
    unused = set(labels) - used - {k for k in labels if k.startswith(("currency_", "phase_", "cadence_"))}
    assert not unused, f"labels never used: {sorted(unused)}"
    assert {"phase_post_deployment", "phase_ongoing", "cadence_weekly", "currency_RUB_short"} <= used


@pytest.mark.parametrize(
    "country, lang, note",
    [
        ("IR", "en", "No sourced pay figure for Iran is on record"),
        ("IR", "fa", "هیچ رقم حقوقِ مستند و دارای منبع برای ایران ثبت نشده است"),
        ("IR", "ru", "для страны «Иран» нет"),
        ("OTHER", "en", "No sourced pay figure for the employer's country is on record"),
        (None, "ru", "Страна работодателя не указана"),
    ],
)
def test_the_russian_band_is_shown_only_to_a_russian_client(core, country, lang, note):
    """The only sourced band is in roubles, from Russia: any other client gets a note in its language,
    never a rouble figure."""
    pay = describe(resolve(core, {}), "crm_manager", lang, ON, country).section("pay")
    assert pay.pay == () and note in pay.text
    assert describe(resolve(core, {}), "crm_manager", lang, ON, "RU").section("pay").pay
