"""The fixed words deliverables print for the model's own values: access scopes and actions, task
statuses, severities, risk levels, RACI letters, review decisions.

The values themselves (`own`, `not_started`, `keep`) are ids that files and commands keep in English; a
document shows the word in its client's language, translated when called (inside the writer's
`use_language`). A context (`pgettext`) keeps short words such as "all" or "open" apart from the same
English word elsewhere in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from workbench.i18n import pgettext


def scope_label(scope: str) -> str:
    """own / team / all / none, as a matrix cell shows it."""
    labels = {
        "none": pgettext("access scope", "none"),
        "own": pgettext("access scope", "own"),
        "team": pgettext("access scope", "team"),
        "all": pgettext("access scope", "all"),
    }
    return labels.get(scope, scope)


def scope_meaning(scope: str) -> str:
    labels = {
        "none": pgettext("access scope", "no access"),
        "own": pgettext("access scope", "records the user owns"),
        "team": pgettext("access scope", "records of the user's team"),
        "all": pgettext("access scope", "every record"),
    }
    return labels.get(scope, scope)


def action_label(action: str) -> str:
    labels = {
        "create": pgettext("access action", "create"),
        "read": pgettext("access action", "read"),
        "update": pgettext("access action", "update"),
        "delete": pgettext("access action", "delete"),
        "assign": pgettext("access action", "assign"),
        "export": pgettext("access action", "export"),
        "import": pgettext("access action", "import"),
    }
    return labels.get(action, action)


def status_label(status: str) -> str:
    labels = {
        "not_started": pgettext("task status", "not started"),
        "in_progress": pgettext("task status", "in progress"),
        "blocked": pgettext("task status", "blocked"),
        "done": pgettext("task status", "done"),
        "skipped": pgettext("task status", "skipped"),
    }
    return labels.get(status, status.replace("_", " "))


def severity_label(severity: str) -> str:
    labels = {
        "error": pgettext("severity", "error"),
        "warning": pgettext("severity", "warning"),
        "info": pgettext("severity", "info"),
    }
    return labels.get(severity, severity)


def level_label(level: str) -> str:
    """A risk's level."""
    labels = {"high": pgettext("risk level", "high"), "medium": pgettext("risk level", "medium")}
    return labels.get(level, level)


def raci_meaning(letter: str) -> str:
    labels = {
        "R": pgettext("RACI", "Responsible: does the work"),
        "A": pgettext("RACI", "Accountable: signs it off (exactly one)"),
        "C": pgettext("RACI", "Consulted before"),
        "I": pgettext("RACI", "Informed after"),
    }
    return labels.get(letter, letter)


def decision_label(decision: str) -> str:
    """A recertification decision as the reviewer picks it from the checklist's drop-down."""
    labels = {
        "keep": pgettext("review decision", "keep"),
        "revoke": pgettext("review decision", "revoke"),
        "change": pgettext("review decision", "change"),
    }
    return labels.get(decision, decision)


def reading_back(label_of: Callable[[str], str], values: Iterable[str]) -> dict[str, str]:
    """casefolded label in any language (and the id itself) -> id: a file written in one language is read
    back whatever the reader's language, and an English or hand-typed id still works."""
    from workbench.i18n import use_language
    from workbench.languages import LANGUAGES

    found: dict[str, str] = {}
    for value in values:
        found[value.casefold()] = value
        for lang in LANGUAGES:
            with use_language(lang):
                found.setdefault(" ".join(label_of(value).split()).casefold(), value)
    return found
