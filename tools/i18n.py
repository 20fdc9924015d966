"""Keep the message catalogues in step with the code: extract, merge, compile, check.

    python tools/i18n.py update    # extract marked messages into crmwb.pot, merge into fa and ru, compile .mo
    python tools/i18n.py check     # exit 1 listing untranslated, fuzzy or placeholder-mismatched messages
    python tools/i18n.py missing   # the messages still without fa or ru, as a YAML worklist for `apply`
    python tools/i18n.py apply FILE.yaml   # write translations {msgid: {fa: ..., ru: ...}} into the .po files

Extraction reads the Python sources' syntax trees (calls to `_`, `N_`, `ngettext`, `pgettext`) and the
Jinja templates (`_()`, `ngettext()` inside `{{ }}`), so nothing has to run. Translations are edited in the
.po files (Poedit, Weblate, or any text editor); `update` keeps them and adds the new messages empty, which
the catalogue test then reports until someone translates them.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
TEMPLATES = ROOT / "templates"
LOCALE = PACKAGE / "locale"
DOMAIN = "crmwb"
TRANSLATED = ("fa", "ru")
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^}]*)?\}(?!\})")
_TEMPLATE_CALL = re.compile(
    r"""\b(_|ngettext)\(\s*(?P<q>["'])(?P<one>(?:\\.|(?!(?P=q)).)*)(?P=q)"""
    r"""(?:\s*,\s*(?P<q2>["'])(?P<many>(?:\\.|(?!(?P=q2)).)*)(?P=q2))?""",
    re.S,
)

# a fixed header date: the catalogues change only when their messages do, not on every update
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)
Message = tuple[str | tuple[str, str], str | None, str]  # (id or (singular, plural), context, "file:line")


def _python_messages(path: Path) -> Iterator[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = [
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args
        ]
        name, line = node.func.id, f"{where}:{node.lineno}"
        if name in ("_", "N_") and args and args[0]:
            yield args[0], None, line
        elif name == "ngettext" and len(args) >= 2 and args[0] and args[1]:
            yield (args[0], args[1]), None, line
        elif name == "pgettext" and len(args) >= 2 and args[0] and args[1]:
            yield args[1], args[0], line


def _template_messages(path: Path) -> Iterator[Message]:
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(ROOT).as_posix()
    for match in _TEMPLATE_CALL.finditer(text):
        line = f"{where}:{text.count(chr(10), 0, match.start()) + 1}"
        one = (
            match.group("one").encode().decode("unicode_escape")
            if "\\" in match.group("one")
            else match.group("one")
        )
        if match.group(1) == "ngettext" and match.group("many") is not None:
            yield (one, match.group("many")), None, line
        elif match.group(1) == "_":
            yield one, None, line


def extract() -> Catalog:
    """Every marked message of the package and the templates, with where it is used."""
    template = Catalog(
        project="crm-workbench",
        domain=DOMAIN,
        charset="utf-8",
        fuzzy=False,
        copyright_holder="the CRM Workbench authors",
        msgid_bugs_address="",
        creation_date=STABLE_DATE,
        revision_date=STABLE_DATE,
    )
    sources = [(p, _python_messages) for p in sorted(PACKAGE.rglob("*.py"))]
    sources += [(p, _template_messages) for p in sorted(TEMPLATES.rglob("*.j2"))]
    for path, reader in sources:
        for message_id, context, where in reader(path):
            file, _, line = where.rpartition(":")
            existing = template.get(message_id, context=context)
            if existing is None:
                template.add(message_id, locations=[(file, int(line))], context=context)
            else:
                existing.locations.append((file, int(line)))
    return template


def _po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str) -> Catalog:
    path = _po_path(lang)
    if not path.exists():
        return Catalog(
            locale=lang,
            domain=DOMAIN,
            fuzzy=False,
            project="crm-workbench",
            copyright_holder="the CRM Workbench authors",
            msgid_bugs_address="",
            creation_date=STABLE_DATE,
            revision_date=STABLE_DATE,
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def _write(path: Path, writer, catalog: Catalog, **kwargs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    writer(buffer, catalog, **kwargs)
    if not path.exists() or path.read_bytes() != buffer.getvalue():
        path.write_bytes(buffer.getvalue())


def compiled(lang: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(lang), use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    template = extract()
    _write(
        LOCALE / f"{DOMAIN}.pot",
        write_po,
        template,
        omit_header=False,
        sort_output=True,
        width=100,
        include_lineno=False,
    )
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.revision_date = catalog.creation_date = STABLE_DATE
        _write(_po_path(lang), write_po, catalog, sort_output=True, width=100, include_lineno=False)
        mo = _po_path(lang).with_suffix(".mo")
        data = compiled(lang)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems() -> list[str]:
    """Everything that keeps the catalogues from being complete and correct, one line each."""
    found: list[str] = []
    template = extract()
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        nplurals = catalog.num_plurals
        for wanted in template:
            if not wanted.id:
                continue
            label = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
            where = f"{lang}: {label!r} ({wanted.locations[0][0]}:{wanted.locations[0][1]})"
            message = catalog.get(wanted.id, context=wanted.context)
            if (
                message is None
                or not message.string
                or (
                    isinstance(message.string, tuple)
                    and (len(message.string) < nplurals or not all(message.string[:nplurals]))
                )
            ):
                found.append(f"{where}: no translation")
                continue
            if message.fuzzy:
                found.append(f"{where}: marked fuzzy; review it and remove the flag")
            english = wanted.id if isinstance(wanted.id, tuple) else (wanted.id,)
            expected = set().union(*(_placeholders(e) for e in english))
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings[:nplurals]:
                if _placeholders(text) - expected or (len(english) == 1 and _placeholders(text) != expected):
                    found.append(
                        f"{where}: placeholders {sorted(_placeholders(text))}, expected {sorted(expected)}"
                    )
        mo = _po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(lang):
            found.append(
                f"{lang}: {mo.relative_to(ROOT)} is not compiled from the .po; run tools/i18n.py update"
            )
    return found


def missing() -> list[tuple[str | tuple[str, str], str | None]]:
    """(message id (or (singular, plural)), context) of messages that lack a fa or a ru translation."""
    template, out = extract(), []
    catalogues = {lang: read_catalogue(lang) for lang in TRANSLATED}
    for wanted in template:
        if not wanted.id:
            continue
        for catalog in catalogues.values():
            message = catalog.get(wanted.id, context=wanted.context)
            strings = message.string if message is not None else None
            if not strings or (isinstance(strings, tuple) and not all(strings[: catalog.num_plurals])):
                out.append((wanted.id, wanted.context))
                break
    return out


def apply(path: Path) -> int:
    """Write translations from a YAML file into the catalogues. Keys are message ids; a plural message is
    keyed by its singular and gives `plural:` (the English plural) and lists for fa and ru."""
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    update()
    unknown = 0
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        for key, per in entries.items():
            message_id = (key, per["plural"]) if "plural" in per else per.get("id", key)
            message = catalog.get(message_id, context=per.get("context"))
            if message is None:
                if lang == TRANSLATED[0]:
                    print(f"not in the catalogue (is it marked in the code?): {key!r}")
                unknown += 1
                continue
            value = per[lang]
            message.string = tuple(value) if isinstance(value, list) else value
        _write(_po_path(lang), write_po, catalog, sort_output=True, width=100, include_lineno=False)
    update()
    return 1 if unknown else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["missing"]:
        import yaml

        worklist = {}
        for message_id, context in missing():
            if context:  # keyed "context: id" so the same word in two contexts gets two entries
                worklist[f"{context}: {message_id}"] = {
                    "context": context,
                    "id": message_id,
                    "fa": "",
                    "ru": "",
                }
            elif isinstance(message_id, tuple):
                worklist[message_id[0]] = {"plural": message_id[1], "fa": ["", ""], "ru": ["", "", ""]}
            else:
                worklist[message_id] = {"fa": "", "ru": ""}
        print(yaml.safe_dump(worklist, allow_unicode=True, sort_keys=False, width=1000), end="")
        return 0
    if argv[:2] and argv[0] == "apply":
        return apply(Path(argv[1]))
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "catalogues complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
