"""Country-specific RFP content appears only where it applies: a real engagement per country, its RFP
exported as Markdown and read back. Every bundled playbook's core requirements are checked, in English and
in the client's language."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

ANSWERS = {
    "industry": "financial_services",
    "integrations": ["accounting", "ecommerce"],
    "channels": ["messengers", "phone"],
    "modules": ["sales", "service", "marketing"],
}
IRANIAN = {
    "en": [
        "Solar Hijri",
        "Farvardin",
        "Sepidar",
        "Bale",
        "tomans",
        "Iranian national codes",
        "Shetab",
        "Moadian",
    ],
    "fa": ["هجری شمسی", "فروردین", "سپیدار", "ایتا"],
    "ru": ["солнечной хиджр", "фарвардин", "Сепидар", "Бале"],
}
RUSSIAN = {
    "en": ["152-FZ", "1C", "VK", "Russian roubles", "INN", "SBP", "UPD"],
    "fa": ["152-FZ", "1C", "VK"],
    "ru": ["152-ФЗ", "1С", "VK"],
}
NEUTRAL = {
    "en": [
        "calendar and date format of the client's country",
        "personal-data law that applies to the client",
        "above all the package the client uses",
        "messengers popular in the client's country",
    ],
    "ru": [
        "календаре и формате дат страны клиента",
        "применимый к клиенту закон о персональных данных",
        "прежде всего ту, которой пользуется клиент",
        "мессенджеры, популярные в стране клиента",
    ],
}


def _rfp(run_cli, tmp_path, country, lang, playbook="financial-services") -> str:
    answers = dict(ANSWERS, **({"country": country} if country else {}))
    name = f"{playbook}-{country or 'none'}-{lang}"
    file = tmp_path / f"{name}.yaml"
    file.write_text(yaml.safe_dump({"client": "Insurer", "answers": answers}), encoding="utf-8")
    folder = tmp_path / name
    code, _, err = run_cli(
        "new", folder, "--playbook", playbook, "--answers", file, "--start", date(2026, 4, 4).isoformat()
    )
    assert (code, err) == (0, "")
    code, _, err = run_cli(
        "export",
        folder,
        "--only",
        "rfp",
        "--format",
        "md",
        "--lang",
        lang,
        "--out",
        tmp_path / f"{name}-out",
        "--quiet",
    )
    assert code == 0, err
    files = sorted((tmp_path / f"{name}-out").rglob("*.md"))
    assert files
    return " ".join(" ".join(p.read_text(encoding="utf-8") for p in files).split())


def _found(text: str, words: list[str]) -> list[str]:
    """The words found in `text`: whole words for short codes (1C, VK), word starts for the others."""
    import re

    return [
        w
        for w in words
        if re.search(rf"(?<![\w-]){re.escape(w)}" + (r"(?![\w])" if len(w) <= 3 else ""), text)
    ]


@pytest.mark.parametrize("lang", ["en", "ru", "fa"])
def test_a_russian_insurers_rfp_has_no_iranian_content(run_cli, tmp_path, lang):
    text = _rfp(run_cli, tmp_path, "RU", lang)
    assert _found(text, IRANIAN[lang]) == []
    assert _found(text, RUSSIAN[lang]) == RUSSIAN[lang]  # 152-FZ, 1C and VK are there for a Russian client


@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_an_iranian_insurers_rfp_has_no_russian_content(run_cli, tmp_path, lang):
    text = _rfp(run_cli, tmp_path, "IR", lang)
    assert _found(text, RUSSIAN[lang]) == []
    assert _found(text, IRANIAN[lang]) == IRANIAN[lang]


@pytest.mark.parametrize("country", ["TR", "other", None])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_another_country_or_none_gets_the_neutral_versions(run_cli, tmp_path, country, lang):
    text = _rfp(run_cli, tmp_path, country, lang)
    assert _found(text, IRANIAN[lang] + RUSSIAN[lang]) == []
    assert [n for n in NEUTRAL[lang] if n not in text] == []


def test_neutral_versions_keep_the_original_ids_and_variants_are_marked():
    """Engagements created before the split keep their RFP edits: the neutral version has the old id."""
    from workbench.domain.resolve import resolve
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook("core").playbook
    for country, extra, gone in (
        (None, set(), {"NFR-007-IR", "SEC-017-RU"}),
        ("IR", {"NFR-007-IR", "SFA-017-IR"}, {"NFR-007", "SFA-017", "SEC-017-RU"}),
        ("RU", {"SEC-017-RU", "NFR-003-RU"}, {"SEC-017", "NFR-003", "NFR-007-IR"}),
    ):
        answers = {
            "modules": ["sales"],
            "integrations": ["accounting"],
            **({"country": country} if country else {}),
        }
        ids = {r.id for r in resolve(pb, answers).requirements}
        assert extra <= ids and not gone & ids, country


@pytest.mark.parametrize(
    "playbook, ids", [("b2c-retail-loyalty", ("MKT-004", "INT-010")), ("financial-services", ("SEC-017",))]
)
def test_an_overlays_changes_reach_every_country_variant(playbook, ids):
    """An overlay that raises a core requirement raises its IR and RU versions too."""
    from workbench.domain.resolve import resolve
    from workbench.loading.playbooks import load_playbook

    pb = load_playbook(playbook).playbook
    answers = {"modules": ["marketing"], "integrations": ["ecommerce"]}
    for country in (None, "IR", "RU", "TR"):
        reqs = {
            r.id: r
            for r in resolve(pb, {**answers, **({"country": country} if country else {})}).requirements
        }
        found = [r for rid in ids for key, r in reqs.items() if key == rid or key.startswith(rid + "-")]
        assert len(found) == len(ids) and {r.priority for r in found} == {"must"}, country
