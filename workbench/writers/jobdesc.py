"""Job descriptions as files: Markdown, HTML (Jinja2 templates under templates/jobdesc/) and Word, for one
role or every role with a job profile, in English, Persian or Russian. Files are written atomically and
named `<role>.<lang>.<format>`, e.g. `crm_manager.fa.html`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from workbench.domain.jobdesc import JobDescription, build, profiles_by_role
from workbench.domain.playbook import Playbook
from workbench.domain.text import LANGUAGES
from workbench.loading.catalog import resource_dir
from workbench.writers.atomic import write_text_atomic
from workbench.writers.context import ExportContext, issued_on

FORMATS = ("md", "html", "docx")
LABELS_FILE = "jobdesc/labels.yaml"


class LabelsError(ValueError):
    """templates/jobdesc/labels.yaml is missing a label or a language."""


@lru_cache(maxsize=1)
def all_labels() -> dict[str, dict[str, str]]:
    """key -> {lang: text}; every key must have every language, so no document falls back to English."""
    import yaml

    data = yaml.safe_load((resource_dir("templates") / LABELS_FILE).read_text(encoding="utf-8"))
    for key, texts in data.items():
        missing = [lang for lang in LANGUAGES if not isinstance(texts, dict) or not texts.get(lang)]
        if missing:
            raise LabelsError(f"{LABELS_FILE}: label {key!r} has no text for {', '.join(missing)}")
    return data


def labels_for(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return {key: texts[lang] for key, texts in all_labels().items()}


def roles_with_profiles(pb: Playbook) -> list[str]:
    return list(profiles_by_role(pb))


def describe(pb: Playbook, role_id: str, lang: str, on: date, country: str | None = None) -> JobDescription:
    """The view model for one role; `pb` must be resolved against the client's answers, `country` is the
    client's answered country (pay bands are shown only where they were sourced)."""
    return build(pb, role_id, lang, labels_for(lang), on, country)


def render_md(jd: JobDescription) -> str:
    from workbench.writers.templating import render

    text = render("jobdesc/jobdesc.md.j2", jd=jd)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_html(jd: JobDescription) -> str:
    from workbench.writers.templating import render

    return render("jobdesc/jobdesc.html.j2", jd=jd)


def file_name(role_id: str, lang: str, fmt: str) -> str:
    return f"{role_id}.{lang}.{fmt}"


def write_one(jd: JobDescription, fmt: str, folder: Path) -> Path:
    target = Path(folder) / file_name(jd.role_id, jd.lang, fmt)
    if fmt == "md":
        write_text_atomic(target, render_md(jd))
    elif fmt == "html":
        write_text_atomic(target, render_html(jd))
    elif fmt == "docx":
        from workbench.writers.jobdesc_docx import write_docx

        write_docx(jd, target)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return target


def write_many(
    pb: Playbook,
    roles: Iterable[str],
    langs: Iterable[str],
    formats: Iterable[str],
    folder: Path,
    on: date,
    country: str | None = None,
) -> list[Path]:
    """Every role x language x format; the view model is built once per role and language."""
    written: list[Path] = []
    for role_id in roles:
        for lang in langs:
            jd = describe(pb, role_id, lang, on, country)
            written.extend(write_one(jd, fmt, folder) for fmt in formats)
    return written


def _write_all(ctx: ExportContext, folder: Path, fmt: str) -> list[Path]:
    from workbench.domain.client_calendar import country_answer

    return write_many(
        ctx.playbook,
        roles_with_profiles(ctx.playbook),
        [ctx.lang],
        [fmt],
        Path(folder) / "jobdesc",
        issued_on(),
        country_answer(ctx.answers),
    )


def write_md(ctx: ExportContext, folder: Path) -> list[Path]:
    """Export-registry shape: every role with a profile, in the export's language, under jobdesc/."""
    return _write_all(ctx, folder, "md")


def write_html(ctx: ExportContext, folder: Path) -> list[Path]:
    return _write_all(ctx, folder, "html")


def write_docx(ctx: ExportContext, folder: Path) -> list[Path]:
    return _write_all(ctx, folder, "docx")
