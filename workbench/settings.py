"""The user's settings in one typed place: a TOML file in the platform's config folder, then `CRMWB_*`.

What a person sets once and expects remembered: the interface language, the theme, their name as the author
of changes, the default country suggested for new clients, who lays out right-to-left text (this app, or a
terminal that does bidi itself) and key bindings by binding id. The file lives where the platform keeps
configuration (`~/.config/crmwb/settings.toml` on Linux, `~/Library/Application Support/crmwb` on macOS,
`%APPDATA%\\crmwb` on Windows, via platformdirs); environment variables win over the file, so a shell or
a CI job can override one value without editing it. Writing is atomic and keeps unknown keys.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from workbench.languages import LANGUAGES

FILE_NAME = "settings.toml"
BIDI_MODES = ("app", "terminal")
"""app: shape and reorder Persian text when painting it (ordinary terminals); terminal: leave it to the
terminal (those that implement the Unicode bidi algorithm themselves)."""
ENV = {
    "language": "CRMWB_LANG",
    "theme": "CRMWB_THEME",
    "author": "CRMWB_AUTHOR",
    "country": "CRMWB_COUNTRY",
    "bidi": "CRMWB_BIDI",
}


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names the file or variable and what is expected."""


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    theme: str | None = None
    author: str | None = None
    country: str | None = None
    bidi: str = "app"
    keymap: dict[str, str] = field(default_factory=dict)
    """binding id -> keys, applied with Textual's keymap support"""


def settings_path() -> Path:
    override = os.environ.get("CRMWB_CONFIG_DIR", "").strip()
    if override:
        return Path(override) / FILE_NAME
    from platformdirs import user_config_path

    return user_config_path("crmwb", appauthor=False) / FILE_NAME


def _checked(values: dict[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    names = {f.name for f in fields(Settings)}
    for key, value in values.items():
        if key not in names:
            continue  # a newer version's setting: kept in the file, ignored here
        if key == "keymap":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise SettingsError(f'{where}: keymap must map binding ids to keys, e.g. quit = "ctrl+q"')
            out[key] = dict(value)
            continue
        if not isinstance(value, str):
            raise SettingsError(f"{where}: {key} is {type(value).__name__}; expected text")
        value = value.strip()
        if key == "language" and value not in LANGUAGES:
            raise SettingsError(f"{where}: language {value!r}; expected one of {', '.join(LANGUAGES)}")
        if key == "bidi" and value not in BIDI_MODES:
            raise SettingsError(f"{where}: bidi {value!r}; expected one of {', '.join(BIDI_MODES)}")
        out[key] = (value.upper() if key == "country" else value) or None
    return out


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(
            f'{path}: not valid TOML: {exc}; expected lines such as language = "fa"'
        ) from None


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """The file's settings with `CRMWB_*` variables on top."""
    environ = dict(os.environ) if environ is None else environ
    path = settings_path()
    values = _checked(_read_file(path), str(path))
    from_env = {key: environ[var] for key, var in ENV.items() if environ.get(var, "").strip()}
    if "language" in from_env:
        from_env["language"] = from_env["language"].strip().lower()[:2]
    values.update(_checked(from_env, "environment"))
    return replace(Settings(), **values)


def save_settings(**changes: Any) -> Settings:
    """Write these settings into the file (atomically, other keys kept); returns the file's settings."""
    from workbench.writers.atomic import write_text_atomic

    path = settings_path()
    current = _read_file(path)
    _checked({k: v for k, v in changes.items() if v is not None}, "settings")
    current.update({k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        current.pop(key, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, _toml(current))
    return replace(Settings(), **_checked(current, str(path)))


def _toml(values: dict[str, Any]) -> str:
    """Flat keys then the [keymap] table: all the TOML these settings need."""
    lines = ["# CRM Workbench settings (see the README, 'Settings'). CRMWB_* variables override them."]
    tables = {k: v for k, v in values.items() if isinstance(v, dict)}
    for key, value in values.items():
        if not isinstance(value, dict):
            lines.append(f"{key} = {_quote(value)}")
    for name, table in tables.items():
        lines += ["", f"[{name}]"] + [f"{_quote(k)} = {_quote(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def _quote(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
