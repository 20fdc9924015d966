"""Whether a folder is an engagement: it holds engagement.yaml. Kept apart from store/engagement.py (which
loads YAML and the domain's models) so the start screen, the recent list and the command line can ask
before anything heavy is imported."""

from __future__ import annotations

from pathlib import Path

FILE_NAME = "engagement.yaml"
STORE_NAME = "state.db"


def is_engagement(path: Path | str) -> bool:
    return (Path(path) / FILE_NAME).is_file()
