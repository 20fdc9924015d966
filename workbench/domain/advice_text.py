"""The words of the readiness and staffing advice, in English, Persian and Russian.

Every key maps to an English `str.format` template marked for the message catalogue (Persian and Russian
are in `workbench/locale/<lang>/LC_MESSAGES/crmwb.po`, with the rest of the fixed text), or, when the text
embeds a count, to a `Counted` text that picks its plural form. `say(key, lang, **params)` translates one,
fills it in and writes digits the Persian way for fa. Reasons, steps and choices live in
advice_text_readiness and advice_text_staffing; headings and labels here. Pure: no I/O beyond reading the
compiled catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from workbench.domain.advice_text_readiness import READINESS_COUNTED, READINESS_TEXTS
from workbench.domain.advice_text_staffing import STAFFING_COUNTED, STAFFING_TEXTS
from workbench.domain.advice_timing import Timing
from workbench.domain.counted_text import Counted
from workbench.i18n import N_, _, use_language
from workbench.languages import LANGUAGES

LANGS = LANGUAGES  # the order of every text tuple below
_PERSIAN_DIGITS = str.maketrans("0123456789%", "۰۱۲۳۴۵۶۷۸۹٪")

LABELS: dict[str, str] = {
    "readiness_title": N_("CRM readiness"),
    "staffing_title": N_("Staffing the CRM function"),
    "client": N_("Client"),
    "method": N_("Method"),
    "crm_question": N_("Does the business need a CRM?"),
    "manager_question": N_("Is a dedicated CRM manager needed?"),
    "needed_now": N_("CRM needed now"),
    "prepare_first": N_("CRM useful — prepare first"),
    "not_yet": N_("Not yet"),
    "needed": N_("Dedicated CRM manager needed"),
    "duties_to_specialist": N_("Not yet — give this duty to the CRM specialist"),
    "not_needed": N_("No dedicated CRM manager needed"),
    "signs_count": N_("{yes} of {total} signs"),
    "situations_count": N_("{yes} of {total} situations"),
    "crm_rule": N_(
        "Rule: at least {now} signs — needed now; {prepare} to {below} — useful, prepare first; "
        "fewer than {prepare} — not yet."
    ),
    "manager_rule": N_(
        "Rule: a large, branched business or at least {at} situations — needed; one situation — "
        "give that duty to the CRM specialist; none — not needed."
    ),
    "provisional": N_("Provisional: answers to the open questions below could still change this verdict."),
    "no_signs": N_("None of the seven signs was answered yes."),
    "no_situations": N_("None of the six situations was answered yes."),
    "first_steps": N_("What to do first"),
    "unanswered": N_("Not answered (counted as no)"),
    "unanswered_staffing": N_("Not answered (no rule could use them)"),
    "meaning": N_("What it means for this business"),
    "step": N_("Step"),
    "based_on": N_("Based on"),
    "reason": N_("Reason"),
    "risks": N_("Risks"),
    "risk": N_("Risk"),
    "no_risks": N_("No staffing risks found in the answers."),
    "yes": N_("yes"),
    "no": N_("no"),
    "no_answer": N_("no answer"),
    "percent": N_("{n}%"),
    "topic_team": N_("CRM team"),
    "topic_time": N_("Time given to the CRM"),
    "topic_seniority": N_("Experience level"),
    "topic_source": N_("Inside or outside hire"),
    "topic_placement": N_("Where the role sits"),
    "topic_analyst": N_("CRM manager and CRM analyst"),
    "topic_merged_roles": N_("Roles this client does not have"),
    "merged_role": N_("Role"),
    "role_merged": N_(
        "{role}: not a separate role for this client; its duties, tasks and rights go to {target}."
    ),
}

TIMING_TEXTS: dict[str, str] = {
    # `{when}` of the advice that names a time: where the plan puts the task it is about (advice_timing)
    # `{task}` is the plan task's id in English and empty in Persian and Russian, whose reports carry no
    # Latin codes: there the phase and plan week say when
    "when_in": N_(" ({phase}, plan week {week}: task {task})"),
    "when_before": N_(" (before task {task} starts: {phase}, plan week {week})"),
    "when_unplanned": N_(" (task {task}, not in this client's plan)"),
    "phase_pre_deployment": N_("pre-deployment"),
    "phase_deployment": N_("deployment, before go-live"),
    "phase_post_deployment": N_("after go-live"),
}

ENGLISH: dict[str, str] = {**LABELS, **READINESS_TEXTS, **STAFFING_TEXTS, **TIMING_TEXTS}
"""key -> English template of every plain text (the msgid in the catalogue)"""
COUNTED: dict[str, Counted] = {**READINESS_COUNTED, **STAFFING_COUNTED}
"""key -> the texts that embed a count"""
MANY = 5
"""a count that takes the plural form in every language (Russian "5 каналов"): what `TEXTS` shows"""


def template(key: str, lang: str = "en", **params: Any) -> str:
    """The `str.format` template for `key` in `lang`; a counted text in the form for its count in
    `params`. An unknown key or language raises KeyError."""
    if lang not in LANGS:
        raise KeyError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    with use_language(lang):
        if key in COUNTED:
            return COUNTED[key].template(params)
        return _(ENGLISH[key])


class _Templates(Mapping[str, tuple[str, str, str]]):
    """key -> its (en, fa, ru) templates, read from the catalogue when asked (never at import, so no
    language is frozen in); a counted text shows its form for `MANY`."""

    def __getitem__(self, key: str) -> tuple[str, str, str]:
        if key not in ENGLISH and key not in COUNTED:
            raise KeyError(key)
        counts = {COUNTED[key].count: MANY} if key in COUNTED else {}
        en, fa, ru = (template(key, lang, **counts) for lang in LANGS)
        return en, fa, ru

    def __iter__(self) -> Iterator[str]:
        return iter((*ENGLISH, *COUNTED))

    def __len__(self) -> int:
        return len(ENGLISH) + len(COUNTED)


TEXTS: Mapping[str, tuple[str, str, str]] = _Templates()
"""every text as (en, fa, ru) templates: for checks and tools; `say` is what reports use"""


def local_digits(text: str, lang: str) -> str:
    """Persian text uses Persian digits and the Persian percent sign; other languages are unchanged."""
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


def say(key: str, lang: str = "en", **params: Any) -> str:
    """The text for `key` in `lang` with `params` filled in; an unknown key or language raises KeyError.

    A Timing parameter (`when`) becomes the plan's words for it; a text with `{when}` said without one
    (no plan at hand) simply leaves it out. Task ids keep their Latin digits in Persian text."""
    text_template = template(key, lang, **params)
    if "{when}" in text_template:
        params.setdefault("when", "")
    timings = {name: value for name, value in params.items() if isinstance(value, Timing)}
    params.update({name: f"\x00{name}\x00" for name in timings})
    text = local_digits(text_template.format(**params), lang)
    for name, timing in timings.items():
        text = text.replace(f"\x00{name}\x00", when_text(timing, lang))
    return text


def when_text(timing: Timing, lang: str = "en") -> str:
    """' (after go-live, plan week 38: task post-10-crm-manager-position)' in `lang`."""
    key = "when_unplanned" if timing.week is None else f"when_{timing.relation}"
    phase = template("phase_" + timing.phase, lang)
    task = timing.task if lang == "en" else ""
    text = local_digits(template(key, lang).format(phase=phase, week=timing.week, task="\x01"), lang)
    return text.replace("\x01", task)


def number(value: Any, lang: str = "en") -> str:
    """A number as people write it: no trailing .0, Persian digits in fa."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return local_digits(str(value), lang)
