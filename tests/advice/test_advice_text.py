"""The advice texts (from the message catalogue): complete in three languages, same placeholders, no English
in fa/ru, Russian plural forms, and every code the rules can produce has a text."""

from __future__ import annotations

import itertools
import random
import re
import string

import pytest

from workbench.domain.advice_text import COUNTED, LANGS, TEXTS, say, template
from workbench.domain.readiness import SIGNS, SITUATIONS, assess_readiness
from workbench.domain.staffing import advise_staffing

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
ALLOWED_LATIN = {"fa": {"CRM"}, "ru": {"CRM", "CRM-", "KPI", "ERP-"}}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_in_three_languages_with_the_same_placeholders(key):
    en, fa, ru = TEXTS[key]
    assert en.strip() and fa.strip() and ru.strip()
    assert fields(en) == fields(fa) == fields(ru)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_no_english_in_persian_or_russian_texts(key):
    en, fa, ru = (re.sub(r"\{\w+\}", "", t) for t in TEXTS[key])  # placeholders are not text
    assert set(LATIN_WORD.findall(fa)) <= ALLOWED_LATIN["fa"], fa
    assert set(LATIN_WORD.findall(ru)) <= ALLOWED_LATIN["ru"], ru
    assert not re.search("[\u0600-\u06ff\u0400-\u04ff]", en), en


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_persian_spelling(key):
    fa = TEXTS[key][1]
    assert "\u064a" not in fa and "\u0643" not in fa, "Arabic yeh/kaf: use ی and ک"
    assert not re.search(r"(?<!\S)ن?می ", fa), "the prefix می must join its verb with a zero-width non-joiner"


def test_persian_digits_and_unknown_language():
    assert say("signs_count", "fa", yes=4, total=7) == "۴ نشانه از ۷ نشانه"
    assert say("percent", "fa", n=50) == "۵۰٪"
    assert say("percent", "ru", n=50) == "50 %"
    with pytest.raises(KeyError):
        say("signs_count", "de", yes=1, total=7)


def _answer_grid(count: int = 400):
    """Varied answer sets, so the rules produce every code they can."""
    rng = random.Random(5)
    for _ in range(count):
        a = {
            q: rng.choice([True, False, None])
            for q in (
                *SIGNS,
                *SITUATIONS,
                "sponsor_named",
                "budget_approved",
                "data_has_duplicates",
                "loyalty_programme",
            )
        }
        a["company_size"] = rng.choice(["small", "medium", "large", None])
        a["industry"] = rng.choice(["software", "retail", "telecom", "other", None])
        a["has_crm_specialist"] = rng.choice([True, False, None])
        a["specialist_time_share"] = rng.choice([20, 50, 80, 100, None])
        a["has_it_unit"] = rng.choice([True, False, None])
        a["sales_team_size"] = rng.choice([0, 5, 60, None])
        a["modules"] = rng.sample(["marketing", "sales", "service"], rng.randint(0, 3))
        a["crm_kinds"] = rng.sample(["operational", "analytical", "collaborative"], rng.randint(0, 3))
        a["integrations"] = rng.sample(
            ["erp", "website", "accounting", "telephony", "ecommerce"], rng.randint(0, 5)
        )
        a["channels"] = rng.sample(["phone", "email", "sms"], rng.randint(0, 3))
        yield {k: v for k, v in a.items() if v is not None}


def test_every_code_the_rules_produce_has_a_text_in_every_language():
    seen: set[tuple[str, tuple]] = set()
    for a in _answer_grid():
        r, s = assess_readiness(a), advise_staffing(a)
        points = [
            *r.crm.reasons,
            *r.manager.reasons,
            *r.first_steps,
            *s.risks,
            *(p for rec in s.recommendations for p in rec.reasons),
        ]
        seen |= {(p.code, tuple(sorted(p.params.items()))) for p in points}
        seen |= {(f"{rec.topic}_{rec.choice}", ()) for rec in s.recommendations}
        seen |= {(r.crm.level, ()), (r.manager.level, ())}
    for (code, params), lang in itertools.product(seen, LANGS):
        assert say(code, lang, **dict(params))
    codes = {code for code, _ in seen}
    # the grid reaches every rule: all placements, every sign and situation text, every risk
    assert {c for c in codes if c.startswith("placement_")} == {
        f"placement_{u}" for u in ("it", "crm_unit", "ceo", "marketing", "sales", "planning")
    }
    assert {c for c in codes if c.startswith("risk_")} == {
        "risk_share_unknown",
        "risk_share_below_half",
        "risk_share_below_full",
        "risk_no_sponsor",
        "risk_no_it_unit",
    }
    assert set(SITUATIONS) <= codes


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "Продажами у вас занят 1 человек,"),
        (3, "Продажами у вас заняты 3 человека,"),
        (6, "Продажами у вас занято 6 человек,"),
        (21, "Продажами у вас занят 21 человек,"),
        (240, "Продажами у вас занято 240 человек,"),
    ],
)
def test_russian_counts_take_their_plural_form(n, expected):
    """A count in Russian text agrees with its noun (and verb): no "6 чел." workaround."""
    assert say("sign_no_sales_oversight_n", "ru", sellers=str(n)).startswith(expected)


def test_counted_texts_in_english_and_persian():
    assert say("seniority_complex", "en", count=1).startswith(
        "A large company whose CRM must connect to 1 other system:"
    )
    assert say("seniority_complex", "en", count=5).startswith(
        "A large company whose CRM must connect to 5 other systems:"
    )
    assert say("seniority_complex", "ru", count=1).startswith(
        "Крупная компания, и CRM нужно связать с 1 другой системой:"
    )
    assert say("seniority_complex", "ru", count=4).startswith(
        "Крупная компания, и CRM нужно связать с 4 другими системами:"
    )
    assert say("sign_leads_lost_n", "ru", channels=1).startswith("Обращения приходят к вам по 1 каналу,")
    assert say("sign_leads_lost_n", "fa", channels=7).startswith("درخواست‌ها از ۷ کانال به دست شما می‌رسند")
    assert say("time_small_scope", "ru", limit=21).startswith(
        "Компания не крупная, отдельный CRM-менеджер не нужен, а продают меньше 21 человека,"
    )


@pytest.mark.parametrize("key", sorted(COUNTED))
@pytest.mark.parametrize("n", [0, 1, 2, 5, 21])
def test_every_plural_form_keeps_the_placeholders_and_the_language(key, n):
    counted = {COUNTED[key].count: n}
    en, fa, ru = (template(key, lang, **counted) for lang in LANGS)
    assert fields(en) == fields(fa) == fields(ru)
    assert not re.search("[\u0600-\u06ff\u0400-\u04ff]", en)
    assert re.search("[\u0600-\u06ff]", fa) and re.search("[\u0400-\u04ff]", ru)
    assert set(LATIN_WORD.findall(re.sub(r"\{\w+\}", "", ru))) <= ALLOWED_LATIN["ru"]


def test_texts_come_from_the_catalogue_in_the_language_asked_not_the_current_one():
    """`say` translates into the language it is given, whatever the interface language is."""
    from workbench.i18n import use_language

    with use_language("ru"):
        assert say("first_steps", "fa") == "نخستین گام‌ها"
        assert say("first_steps", "en") == "What to do first"
    with use_language("fa"):
        assert say("first_steps", "ru") == "С чего начать"
