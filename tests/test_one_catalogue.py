"""One message catalogue: fixed text is English in the code and Persian and Russian in the .po files.

Two ways a translation goes wrong without any test of the wording noticing:
- a table of (en, fa, ru) tuples in a module, beside the catalogue: translators never see it and the
  completeness check never checks it. So no string in `workbench/**/*.py` may hold Persian or Cyrillic
  letters, except in the few files whose data is not a translation of fixed text (ALLOWED). Docstrings and
  comments are for developers and may show examples.
- `_()` called while a module is imported: the text is frozen in whatever language was current then (the
  `$CRMWB_LANG` of the moment), and switching the language later changes nothing. Tables are marked `N_()`
  and translated with `_()` where they are shown.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
LETTERS = re.compile(
    r"[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc\u0400-\u04ff]"
)
"""Arabic-script letters (Persian included; not the digits ۰-۹ or the marks ٪ ٫ ٬ ، ؛) and Cyrillic"""

ALLOWED = {
    "domain/locale.py": "month names for dates (Solar Hijri, Russian, Persian for Gregorian) and the "
    "'میلادی' / 'г.' marks of a year: formatting rules of each language, not messages",
    "domain/intake.py": "the words people may type for yes, no and none in each language (input, not output)",
    "loading/activity_cells.py": "yes/no words a CRM export may hold in its cells (input)",
    "loading/activity_csv.py": "column names CRM exports use in Russian and Persian (input)",
    "domain/role_groups.py": "normalisation of Arabic letters to Persian and ё to е before matching",
    "cli/import_activity_cmd.py": "a Russian role name as the example in an option's --help: a value as a "
    "CRM export holds it (input), shown as is in every language",
    "loading/roster.py": "the header names and yes/no words HR lists (and user exports) use in Persian and "
    "Russian (input), and the required columns named in every header language",
    "domain/search.py": "the folding map of search (ي→ی, ك→ک, ة→ه, ё→е): letters to match, not text to show",
    "languages.py": "each language's name written in that language (فارسی, Русский) for the choosers: an "
    "endonym reads the same whatever the interface language",
    "domain/data_quality/fold.py": "the folding and transliteration maps of the data audit (ي→ی, ё→е, "
    "Cyrillic and Persian letters to Latin): letters to match, not text to show",
    "domain/data_quality/input_words.py": "column names and 'unknown' placeholders legacy exports use in "
    "Persian and Russian (input)",
}
"""file (under workbench/) -> why its Persian or Cyrillic strings are data and not translatable text"""

TRANSLATING = {"_", "ngettext", "pgettext"}
"""calls that translate into the current language (`gettext_in(lang, ...)` names its language: allowed)"""


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function, or after an assignment)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement in body:
            if (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                found.add(id(statement.value))
    return found


def strings_with_letters(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal, docstrings aside, with Persian or Cyrillic letters."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and LETTERS.search(node.value)
    )


def import_time_translations(source: str) -> list[tuple[int, str]]:
    """(line, name) of the translating calls that run when the module is imported: at module or class
    level, in decorators and default values — anywhere but inside a function or lambda body."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            evaluated = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            if not isinstance(node, ast.Lambda):
                evaluated += node.decorator_list
            for child in evaluated:
                visit(child)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATING:
            found.append((node.lineno, node.func.id))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_persian_or_russian_text_outside_the_catalogue():
    offenders = {}
    for path in _modules():
        name = path.relative_to(PACKAGE).as_posix()
        if name not in ALLOWED:
            found = strings_with_letters(path.read_text(encoding="utf-8"))
            if found:
                offenders[name] = found[:3]
    assert offenders == {}, (
        "move these texts into the catalogue (N_/_ + tools/i18n.py), or say in ALLOWED why not"
    )


def test_the_allow_list_is_short_and_current():
    """Every allowed file exists and still needs its place on the list. Eleven: most entries are the
    input vocabularies of a reader (CRM exports, HR lists, legacy customer files); a twelfth should make
    them one module."""
    assert len(ALLOWED) <= 11
    for name in ALLOWED:
        path = PACKAGE / name
        assert path.exists(), name
        assert strings_with_letters(path.read_text(encoding="utf-8")), f"{name} no longer needs to be allowed"


def test_the_letter_check_can_fail():
    source = (
        '"""Docstring: ۱۴۰۵/۰۱/۱۲ و متن"""\n'
        'PERCENT = "٪"\nDIGITS = "۰۱۲۳۴۵۶۷۸۹"\n'
        'LABELS = {"save": ("Save", "ذخیره", "Сохранить")}\n'
        'def f():\n    """Сохранить."""\n    return "готово"\n'
    )
    assert strings_with_letters(source) == [(4, "Сохранить"), (4, "ذخیره"), (7, "готово")]


def test_no_translation_runs_at_import_time():
    offenders = {
        path.relative_to(PACKAGE).as_posix(): found
        for path in _modules()
        if (found := import_time_translations(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "mark module-level text with N_() and translate it with _() where it is shown"


def test_the_import_time_check_can_fail():
    source = (
        "from workbench.i18n import N_, _, gettext_in, ngettext\n"
        'A = _("frozen")\nB = N_("marked")\nC = gettext_in("fa", "explicit")\n'
        'class K:\n    label = ngettext("one", "many", 2)\n'
        'def f(x=_("default")):\n    return _("at use")\n'
        'G = lambda: _("at use too")\n'
    )
    assert import_time_translations(source) == [(2, "_"), (6, "ngettext"), (7, "_")]


@pytest.mark.parametrize("first", ["fa", "ru"])
def test_messages_follow_the_language_switched_to_after_import(first):
    """In a fresh process with $CRMWB_LANG set, import the modules whose tables were translated at import
    (engagement shapes, answers file keys, YAML nesting), then switch: the messages follow the switch."""
    script = """
import json
from workbench.i18n import set_language
from workbench.loading.shapes import ENGAGEMENT_SHAPES, ENGAGEMENT_REQUIRED, shape_problems
from workbench.loading import answers, located_yaml
out = {}
for lang in ("en", "fa", "ru"):
    set_language(lang)
    shape = {"client": ["a list"]}
    problems = shape_problems(shape, ENGAGEMENT_SHAPES, ENGAGEMENT_REQUIRED, "engagement.yaml")
    out[lang] = [p.message for p in problems]
print(json.dumps(out, ensure_ascii=False))
"""
    env = {**os.environ, "CRMWB_LANG": first}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    import json

    messages = json.loads(done.stdout)
    assert any("the client's name as text" in m for m in messages["en"]), messages["en"]
    assert not any(LETTERS.search(m) for m in messages["en"]), messages["en"]
    for lang, script_range in (("fa", "[\u0600-\u06ff]"), ("ru", "[\u0400-\u04ff]")):
        expected = [m for m in messages[lang] if m.startswith("'client'")]
        assert expected and re.search(script_range, expected[0]), (lang, messages[lang])
        assert "the client's name as text" not in expected[0]
