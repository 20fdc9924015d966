"""Settings: file then environment, atomic writes that keep other keys, clear errors; Persian laid out for
ordinary terminals only when painted."""

from __future__ import annotations

import pytest

from workbench.settings import Settings, SettingsError, load_settings, save_settings, settings_path
from workbench.tui import bidi


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMWB_CONFIG_DIR", str(tmp_path))
    for var in ("CRMWB_LANG", "CRMWB_THEME", "CRMWB_AUTHOR", "CRMWB_COUNTRY", "CRMWB_BIDI"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def test_defaults_then_saved_values_then_environment(monkeypatch):
    assert load_settings() == Settings()
    save_settings(language="fa", theme="textual-light", keymap={"quit": "ctrl+x"})
    assert load_settings() == Settings(language="fa", theme="textual-light", keymap={"quit": "ctrl+x"})
    save_settings(author="Ana")  # other keys kept
    monkeypatch.setenv("CRMWB_LANG", "ru_RU.UTF-8")
    monkeypatch.setenv("CRMWB_COUNTRY", "ir")
    got = load_settings()
    assert (got.language, got.theme, got.author, got.country) == ("ru", "textual-light", "Ana", "IR")
    save_settings(theme=None)
    assert "theme" not in settings_path().read_text(encoding="utf-8")


def test_bad_values_are_named(monkeypatch):
    settings_path().write_text('language = "de"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="language 'de'; expected one of en, fa, ru"):
        load_settings()
    settings_path().write_text("language = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings()
    settings_path().unlink()
    monkeypatch.setenv("CRMWB_BIDI", "sideways")
    with pytest.raises(SettingsError, match="environment: bidi 'sideways'"):
        load_settings()


def test_persian_is_shaped_and_reordered_only_for_painting():
    bidi.set_mode("app")
    stored = "کارشناس CRM"
    shown = bidi.visual(stored)
    assert shown != stored and shown.startswith("CRM") and "CRM" in shown
    assert bidi.visual("CRM specialist") == "CRM specialist"
    bidi.set_mode("terminal")
    assert bidi.visual(stored) == stored
    bidi.set_mode("app")
