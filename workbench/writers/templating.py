"""Jinja2 rendering for Markdown and HTML deliverables, from the shipped `templates/` folder.

HTML templates (`*.html.j2`) are autoescaped; Markdown ones are not, but text put into Markdown tables
goes through the `md` filter so a `|` or a newline in a requirement cannot break the table.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.domain.locale import format_date, format_number, format_short_date, localize_digits
from workbench.domain.text import RTL_LANGUAGES, tr
from workbench.i18n import _, current_language, ngettext, use_language
from workbench.loading.catalog import resource_dir


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


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
    env.filters["md"] = md_cell
    env.filters["tr"] = tr
    env.filters["num"] = lambda value: format_number(value, current_language())
    env.filters["day"] = lambda value: format_date(value, current_language())
    env.filters["sday"] = lambda value: format_short_date(value, current_language())
    env.filters["digits"] = lambda value: localize_digits(str(value), current_language())
    env.globals["text_direction"] = lambda lang: "rtl" if lang in RTL_LANGUAGES else "ltr"
    env.globals["_"] = _
    env.globals["ngettext"] = ngettext
    return env


def render(name: str, **context: object) -> str:
    """Render a template; fixed text (`_()`), numbers (`num`) and dates (`day`) follow the `lang` the
    context names (the document's language), else the current language."""
    lang = context.get("lang")
    if isinstance(lang, str):
        with use_language(lang):
            return environment().get_template(name).render(**context)
    return environment().get_template(name).render(**context)
