"""Every human-readable text of the bundled playbooks is written in English, Persian and Russian.

Consultants hand the RFP, the plan and the job descriptions to Persian- and Russian-speaking clients; a
text left in English (or copied over untranslated) shows up in the middle of their document. The walk
reads each bundled playbook's raw YAML with the project's located loader, so every offender is reported
with its file:line, all at once, and the count is visible in the failure.

A text field is any value that is a language map, plus any plain string in a field the pydantic models
type as `Text` (a plain string is English only, so it always fails).
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from tests.conftest import allowed_latin_words
from workbench.domain.playbook import Playbook
from workbench.domain.text import LANGUAGES, LocalText
from workbench.loading.catalog import bundled_dir
from workbench.loading.located_yaml import LDict, LList, Loc, read_yaml

BUNDLED_FILES = sorted(bundled_dir().glob("*.yaml"))
TARGETS = ("fa", "ru")

_CODEPOINT = re.compile(r"U\+[0-9A-F]{4,6}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|ir|com|io|org|net)\b")
_ID = re.compile(r"\b(?=[A-Za-z0-9_-]*[\d_])[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+\b")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
"""a `{client}` the program fills in (rfp_document passages, plan cadences): a name, not a word to
translate"""
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")


ALLOWED = allowed_latin_words()


@dataclass(frozen=True)
class Offender:
    loc: Loc
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.loc.file}:{self.loc.line}:{self.loc.column}: {self.path}: {self.problem}"


# ----------------------------------------------------------------------------- which fields are text


def _kind(annotation: Any) -> tuple | None:
    """('text',), ('list', kind), ('dict', kind) or ('model', cls) for an annotation; None if no text."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if annotation is LocalText:
        return ("text",)
    if origin in (Union, types.UnionType):
        kinds = [k for a in get_args(annotation) if (k := _kind(a))]
        return kinds[0] if kinds else None
    if origin is list:
        inner = _kind(get_args(annotation)[0])
        return ("list", inner) if inner else None
    if origin is dict:
        inner = _kind(get_args(annotation)[1])
        return ("dict", inner) if inner else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return None


def _is_language_map(value: Any) -> bool:
    """A text written per language: a map of language codes to strings (a map of languages to lists, such
    as a role group's terms, is vocabulary, not a text to translate)."""
    return (
        isinstance(value, dict)
        and "en" in value
        and set(value) <= set(LANGUAGES)
        and all(isinstance(v, str) for v in value.values())
    )


def _children(value: Any) -> Iterator[tuple[str, Any, Loc]]:
    if isinstance(value, LDict):
        for key, item in value.items():
            yield str(key), item, value.value_locs[key]
    elif isinstance(value, LList):
        for index, item in enumerate(value):
            yield f"[{index}]", item, value.item_locs[index]


def _item_label(value: Any, index: str) -> str:
    return f"[{value['id']}]" if isinstance(value, dict) and isinstance(value.get("id"), str) else index


def _walk(value: Any, kind: tuple | None, path: str, loc: Loc) -> Iterator[tuple[str, Any, Loc]]:
    """Yield (path, text value, location) for every text in `value`, typed by `kind` where known."""
    if _is_language_map(value) or (kind == ("text",) and isinstance(value, str)):
        yield path, value, loc
        return
    model = kind[1] if kind and kind[0] == "model" else None
    for key, item, item_loc in _children(value):
        if model is not None:
            field = model.model_fields.get(key)
            child_kind = _kind(field.annotation) if field else None
            child_path = f"{path}.{key}" if path else key
        else:
            child_kind = kind[1] if kind and kind[0] in ("list", "dict") else None
            child_path = f"{path}{_item_label(item, key)}" if key.startswith("[") else f"{path}.{key}"
        yield from _walk(item, child_kind, child_path, item_loc)


def texts_of(path: Path) -> Iterator[tuple[str, Any, Loc]]:
    data = read_yaml(path)
    yield from _walk(data, ("model", Playbook), "", data.loc)


# ----------------------------------------------------------------------------- what is wrong with a text


def latin_words(text: str) -> list[str]:
    """Latin words of `text` that are not allowed names, code points, e-mail addresses, domains or ids."""
    for pattern in (_CODEPOINT, _EMAIL, _DOMAIN, _ID, _PLACEHOLDER):
        text = pattern.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(text) if w not in ALLOWED and w.rstrip(".") not in ALLOWED]


_SCRIPT = {
    "fa": (re.compile(r"[\u0600-\u06FF]"), "Persian script"),
    "ru": (re.compile(r"[\u0400-\u04FF]"), "Cyrillic"),
}


def _problem_in(lang: str, text: Any, english: str) -> str | None:
    """What is wrong with one translation of `english`, or None."""
    if not isinstance(text, str) or not text.strip():
        return f"no {lang}; expected a {lang} translation"
    if text.strip() == english.strip():
        return f"{lang} equals en; expected a translation"
    script, script_name = _SCRIPT[lang]
    if not script.search(text):
        return f"{lang} has no {script_name}; expected a {lang} translation"
    if words := latin_words(text):
        return f"{lang} has Latin words {sorted(set(words))}; expected {lang} (or a listed name)"
    return None


def problems_by_language(value: Any) -> list[tuple[str | None, str]]:
    """(language or None, message) for each problem of one text value."""
    if isinstance(value, str):
        return [(None, "plain English string; expected a map with en, fa and ru")]
    found = [(lang, _problem_in(lang, value.get(lang), str(value["en"]))) for lang in TARGETS]
    return [(lang, message) for lang, message in found if message]


def problems_of(value: Any) -> list[str]:
    return [message for _, message in problems_by_language(value)]


def offenders_in(path: Path) -> list[Offender]:
    """Every problem of every text in one playbook file, located at the offending translation if present."""
    found = []
    for text_path, value, loc in texts_of(path):
        for lang, message in problems_by_language(value):
            has_own_loc = lang and isinstance(value, LDict) and lang in value.value_locs
            found.append(Offender(value.value_locs[lang] if has_own_loc else loc, text_path, message))
    return found


# ----------------------------------------------------------------------------- the checks of the check


def test_walk_finds_texts_of_every_kind_in_core():
    """The walker reaches plain strings and maps in lists, nested models and list-of-text fields."""
    paths = {p for p, _, _ in texts_of(bundled_dir() / "core.yaml")}
    for expected in (
        "name",
        "questions[business_model].text",
        "requirements[SFA-001].text",
        "roles[crm_specialist].duties[0]",
        "job_profiles[crm_manager].duties[cm-d01].text",
        "objects[lead].name",
        "phases[pre_deployment].tasks[pre-01-kickoff].checklist[0]",
    ):
        assert expected in paths, expected
    assert len(paths) > 1500


def test_checker_flags_each_kind_of_problem():
    assert problems_of("Write the RFP") == ["plain English string; expected a map with en, fa and ru"]
    assert problems_of(LocalText(en="Deal", fa="فرصت فروش")) == ["no ru; expected a ru translation"]
    assert problems_of(LocalText(en="Deal", fa="Deal", ru="Сделка")) == [
        "fa equals en; expected a translation"
    ]
    assert problems_of(LocalText(en="x", fa="سرنخ lead", ru="лид"))[0].startswith(
        "fa has Latin words ['lead']"
    )
    assert problems_of(LocalText(en="x", fa="سرنخ", ru="лиды из pipeline"))[0].startswith("ru has Latin")
    assert problems_of(LocalText(en="Lead", fa="Лид", ru="سرنخ")) == [
        "fa has no Persian script; expected a fa translation",
        "ru has no Cyrillic; expected a ru translation",
    ]


def test_checker_accepts_names_ids_and_addresses():
    good = LocalText(
        en="x",
        fa="خروجی Excel از Bitrix24 و Power BI برای hr@example.com طبق SFA-001 و «ی» (U+06CC)",
        ru="Выгрузка из 1C в amoCRM, e-mail-рассылки, задача pre-01-rfp, роль crm_manager, hh.ru",
    )
    assert problems_of(good) == []


def test_offenders_are_reported_with_their_line(tmp_path):
    """A plain string and a map missing a language are both found, each at its own line."""
    playbook = tmp_path / "small.yaml"
    playbook.write_text(
        "id: small\nversion: '1.0'\nname: {en: Small, fa: کوچک, ru: Малый}\n"
        "requirements:\n  - id: R-1\n    module: sales\n    text: The system logs calls.\n"
        "    rationale:\n      en: Calls are lost.\n      fa: تماس‌ها گم می‌شوند.\n",
        encoding="utf-8",
    )
    found = sorted((o.loc.line, o.path, o.problem) for o in offenders_in(playbook))
    assert found == [
        (7, "requirements[R-1].text", "plain English string; expected a map with en, fa and ru"),
        (9, "requirements[R-1].rationale", "no ru; expected a ru translation"),
    ]


def test_every_bundled_playbook_is_checked():
    """The parametrised check below would pass silently on an empty glob; pin the four playbooks."""
    expected = {"core", "b2b-sales", "b2c-retail-loyalty", "financial-services"}
    assert {p.stem for p in BUNDLED_FILES} >= expected


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_every_text_has_persian_and_russian(path):
    offenders = offenders_in(path)
    listing = "\n".join(str(o) for o in offenders)
    if offenders:
        pytest.fail(f"{len(offenders)} untranslated texts in {path.name}:\n{listing}", pytrace=False)
