"""The message catalogues: every marked message has a fa and a ru translation with the same placeholders,
the compiled .mo files match their .po, and translation follows the current language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from workbench import i18n

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)


def test_every_marked_message_is_translated_with_its_placeholders():
    assert len(i18n_tool.extract()) > 0
    assert i18n_tool.problems() == []


def test_a_missing_translation_is_reported(tmp_path, monkeypatch):
    """The check itself can fail: a new message with no translation shows up by name."""
    module = tmp_path / "workbench" / "new_screen.py"
    module.parent.mkdir()
    module.write_text('from workbench.i18n import _\nLABEL = _("A message nobody translated yet")\n')
    monkeypatch.setattr(i18n_tool, "PACKAGE", module.parent)
    monkeypatch.setattr(i18n_tool, "ROOT", tmp_path)
    monkeypatch.setattr(i18n_tool, "TEMPLATES", tmp_path / "none")
    found = i18n_tool.problems()
    assert any("A message nobody translated yet" in line and line.startswith("fa:") for line in found)
    assert any("A message nobody translated yet" in line and line.startswith("ru:") for line in found)


def test_placeholders_are_compared():
    assert i18n_tool._placeholders("{count} из {total:,}") == {"count", "total"}
    assert i18n_tool._placeholders("{{literal}} {n}") == {"n"}


@pytest.mark.parametrize(
    ("n", "expected"), [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (21, 0), (22, 1), (112, 2)]
)
def test_russian_plural_rule_has_three_forms(n, expected):
    catalog = i18n.catalogue("ru")
    assert catalog.plural(n) == expected


def test_use_language_switches_and_restores():
    i18n.set_language("en")
    with i18n.use_language("ru"):
        assert i18n.current_language() == "ru"
        with i18n.use_language("fa"):
            assert i18n.current_language() == "fa"
        assert i18n.current_language() == "ru"
    assert i18n.current_language() == "en"
    with pytest.raises(ValueError):
        i18n.set_language("de")
