"""The user's settings in the TUI (workbench/settings.py): read once at start, the theme remembered.

The theme chosen in the palette (or with Ctrl+T) is written to the settings file, atomically and in a
thread worker, so it is the theme of the next start; the keymap is applied with Textual's own keymap
support (`App.set_keymap`, binding id -> keys). A settings file that cannot be used never stops the app:
it starts on the defaults and says which file or variable is wrong."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from workbench.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from textual.app import App
    from textual.theme import Theme


def read_settings() -> tuple[Settings, str | None]:
    """The effective settings, or the defaults and the problem that made the file or a variable unusable."""
    try:
        return load_settings(), None
    except SettingsError as exc:
        return Settings(), str(exc)
    except OSError as exc:
        return Settings(), str(exc)


class ThemeMemory:
    """Saves the app's theme whenever it changes; the newest choice is the one left in the file."""

    def __init__(self, app: App, saved: str | None) -> None:
        self.app = app
        self.saved = saved
        self.wanted = saved
        self._lock = threading.Lock()
        app.theme_changed_signal.subscribe(app, self._changed)

    def _changed(self, theme: Theme) -> None:
        self.wanted = theme.name
        if self.wanted != self.saved:
            self.app.run_worker(
                self._save,
                thread=True,
                group="settings",
                exit_on_error=False,
                name="remember the theme",
                description="remember the theme",
            )

    def _save(self) -> None:
        from workbench.i18n import _
        from workbench.settings import save_settings

        with self._lock:  # one write at a time, each of the newest choice
            name = self.wanted
            if name == self.saved:
                return
            try:
                save_settings(theme=name)
            except (OSError, SettingsError) as exc:
                self.app.call_from_thread(
                    self.app.notify,
                    _("The theme could not be remembered for the next start: {error}").format(error=exc),
                    severity="warning",
                    timeout=6,
                )
                return
            self.saved = name
