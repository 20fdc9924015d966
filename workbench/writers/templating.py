"""Jinja2 rendering for Markdown and HTML deliverables, from the shipped `templates/` folder.

HTML templates (`*.html.j2`) are autoescaped by Jinja2. Markdown templates (`*.md.j2`) are rendered by an
environment whose every `{{ ... }}` goes through `workbench.writers.markdown.md_inline` unless a filter
already made it Markdown (`md`, `code`, `mermaid`, `safe`), so playbook text, answers and task notes render
as text, never as HTML or markup.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.domain.locale import (
    format_date,
    format_number,
    format_percent,
    format_short_date,
    localize_digits,
)
from workbench.domain.text import RTL_LANGUAGES, tr
from workbench.domain.vocabulary import action_label, level_label, scope_label, severity_label, status_label
from workbench.i18n import _, current_language, ngettext, use_language
from workbench.loading.catalog import resource_dir
from workbench.writers.markdown import md_code, md_finalize, md_inline, md_mermaid

md_cell = md_inline
"""Text safe inside a Markdown table cell (and anywhere else in a line): the one Markdown escaper."""


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["tr"] = tr
    env.filters["num"] = lambda value: format_number(value, current_language())
    env.filters["day"] = lambda value: format_date(value, current_language())
    env.filters["sday"] = lambda value: format_short_date(value, current_language())
    env.filters["digits"] = lambda value: localize_digits(str(value), current_language())
    env.globals["text_direction"] = lambda lang: "rtl" if lang in RTL_LANGUAGES else "ltr"
    env.filters["pct"] = lambda value: format_percent(value, current_language())
    env.globals["_"] = _
    env.globals["ngettext"] = ngettext
    env.globals.update(
        status_label=status_label,
        level_label=level_label,
        scope_label=scope_label,
        action_label=action_label,
        severity_label=severity_label,
    )
    return env


@lru_cache(maxsize=1)
def markdown_environment():
    """The same templates, with every expression escaped for Markdown unless already Markdown.

    Its own template cache: `finalize` is compiled into a template, so a Markdown template must never be
    one the HTML environment compiled. The Markdown filters return markup-safe strings, so they exist
    only here: an HTML template using `| md` fails to compile instead of skipping autoescape."""
    env = environment().overlay(finalize=md_finalize, cache_size=400)
    env.filters = dict(env.filters, md=md_inline, mdtext=md_inline, code=md_code, mermaid=md_mermaid)
    return env


def environment_for(name: str):
    return markdown_environment() if name.endswith(".md.j2") else environment()


def render(name: str, **context: object) -> str:
    """Render a template; fixed text (`_()`), numbers (`num`) and dates (`day`) follow the `lang` the
    context names (the document's language), else the current language."""
    lang = context.get("lang")
    if isinstance(lang, str):
        with use_language(lang):
            return environment_for(name).get_template(name).render(**context)
    return environment_for(name).get_template(name).render(**context)
