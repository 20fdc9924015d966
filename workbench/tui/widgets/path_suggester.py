"""Typing a folder: completion of the last path segment, and a validator for engagement folders."""

from __future__ import annotations

from pathlib import Path

from textual.suggester import Suggester
from textual.validation import ValidationResult, Validator


class PathSuggester(Suggester):
    """Suggest the first folder (or, with `files`, file) whose name starts with what was typed."""

    def __init__(self, files: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.files = files

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed = Path(value).expanduser()
        folder, stem = (typed, "") if value.endswith(("/", "\\")) else (typed.parent, typed.name)
        try:
            names = sorted(
                p.name
                for p in folder.iterdir()
                if (self.files or p.is_dir()) and p.name.startswith(stem) and not p.name.startswith(".")
            )
        except OSError:
            return None
        if not names or (names[0] == stem and not value.endswith("/")):
            return None
        return value + names[0][len(stem) :]


class EngagementFolder(Validator):
    """The folder must hold an engagement.yaml."""

    def validate(self, value: str) -> ValidationResult:
        from workbench.store.engagement import is_engagement

        path = Path(value.strip()).expanduser()
        if not value.strip():
            return self.failure("Type the folder of an engagement.")
        if is_engagement(path):
            return self.success()
        return self.failure(f"{path} holds no engagement.yaml; start one with New engagement.")
