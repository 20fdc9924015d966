"""The advice texts: complete in three languages, same placeholders, no English in fa/ru, and every code the
rules can produce has a text."""

from __future__ import annotations

import itertools
import random
import re
import string

import pytest

from workbench.domain.advice_text import LANGS, TEXTS, say
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
        a = {q: rng.choice([True, False, None]) for q in (*SIGNS, *SITUATIONS, "sponsor_named", "budget_approved",
                                                            "data_has_duplicates", "loyalty_programme")}
        a["company_size"] = rng.choice(["small", "medium", "large", None])
        a["industry"] = rng.choice(["software", "retail", "telecom", "other", None])
        a["has_crm_specialist"] = rng.choice([True, False, None])
        a["specialist_time_share"] = rng.choice([20, 50, 80, 100, None])
        a["has_it_unit"] = rng.choice([True, False, None])
        a["sales_team_size"] = rng.choice([0, 5, 60, None])
        a["modules"] = rng.sample(["marketing", "sales", "service"], rng.randint(0, 3))
        a["crm_kinds"] = rng.sample(["operational", "analytical", "collaborative"], rng.randint(0, 3))
        a["integrations"] = rng.sample(["erp", "website", "accounting", "telephony", "ecommerce"], rng.randint(0, 5))
        a["channels"] = rng.sample(["phone", "email", "sms"], rng.randint(0, 3))
        yield {k: v for k, v in a.items() if v is not None}


def test_every_code_the_rules_produce_has_a_text_in_every_language():
    seen: set[tuple[str, tuple]] = set()
    for a in _answer_grid():
        r, s = assess_readiness(a), advise_staffing(a)
        points = [*r.crm.reasons, *r.manager.reasons, *r.first_steps, *s.risks,
                  *(p for rec in s.recommendations for p in rec.reasons)]
        seen |= {(p.code, tuple(sorted(p.params.items()))) for p in points}
        seen |= {(f"{rec.topic}_{rec.choice}", ()) for rec in s.recommendations}
        seen |= {(r.crm.level, ()), (r.manager.level, ())}
    for (code, params), lang in itertools.product(seen, LANGS):
        assert say(code, lang, **dict(params))
    codes = {code for code, _ in seen}
    # the grid reaches every rule: all placements, every sign and situation text, every risk
    assert {c for c in codes if c.startswith("placement_")} == {f"placement_{u}" for u in
                                                                ("it", "crm_unit", "ceo", "marketing", "sales", "planning")}
    assert {c for c in codes if c.startswith("risk_")} == {"risk_share_unknown", "risk_share_below_half",
                                                           "risk_share_below_full", "risk_no_sponsor", "risk_no_it_unit"}
    assert set(SITUATIONS) <= codes
