"""The words of the readiness and staffing advice, in English, Persian and Russian.

Every key maps to a tuple (en, fa, ru) of `str.format` templates; `say(key, lang, **params)` fills one
in and writes digits the Persian way for fa. Reasons, steps and choices live in advice_text_readiness
and advice_text_staffing; headings and labels here. Pure data: no I/O.
"""

from __future__ import annotations

from typing import Any

from workbench.domain.advice_text_readiness import READINESS_TEXTS
from workbench.domain.advice_text_staffing import STAFFING_TEXTS
from workbench.domain.advice_timing import Timing
from workbench.languages import LANGUAGES

LANGS = LANGUAGES  # the order of every text tuple below
_PERSIAN_DIGITS = str.maketrans("0123456789%", "۰۱۲۳۴۵۶۷۸۹٪")

LABELS: dict[str, tuple[str, str, str]] = {
    "readiness_title": ("CRM readiness", "آمادگی برای CRM", "Готовность к CRM"),
    "staffing_title": ("Staffing the CRM function", "تأمین نیروی انسانی CRM", "Кадровое обеспечение CRM"),
    "client": ("Client", "کارفرما", "Клиент"),
    "method": ("Method", "روش", "Методика"),
    "crm_question": ("Does the business need a CRM?", "آیا کسب‌وکار به CRM نیاز دارد؟",
                     "Нужна ли бизнесу CRM?"),
    "manager_question": ("Is a dedicated CRM manager needed?", "آیا به مدیر CRM اختصاصی نیاز است؟",
                         "Нужен ли отдельный CRM-менеджер?"),
    "needed_now": ("CRM needed now", "CRM همین حالا لازم است", "CRM нужна уже сейчас"),
    "prepare_first": ("CRM useful — prepare first", "CRM سودمند است، اما اول مقدمات را فراهم کنید",
                      "CRM будет полезна, но сначала нужна подготовка"),
    "not_yet": ("Not yet", "هنوز زود است", "Пока рано"),
    "needed": ("Dedicated CRM manager needed", "به مدیر CRM اختصاصی نیاز است", "Нужен отдельный CRM-менеджер"),
    "duties_to_specialist": ("Not yet — give this duty to the CRM specialist",
                             "هنوز نه؛ این وظیفه را به کارشناس CRM بسپارید",
                             "Пока нет — поручите эту задачу CRM-специалисту"),
    "not_needed": ("No dedicated CRM manager needed", "فعلاً به مدیر CRM اختصاصی نیازی نیست",
                   "Отдельный CRM-менеджер пока не нужен"),
    "signs_count": ("{yes} of {total} signs", "{yes} نشانه از {total} نشانه", "{yes} из {total} признаков"),
    "situations_count": ("{yes} of {total} situations", "{yes} وضعیت از {total} وضعیت",
                         "{yes} из {total} ситуаций"),
    "crm_rule": (
        ("Rule: at least {now} signs — needed now; {prepare} to {below} — useful, prepare first; "
         "fewer than {prepare} — not yet."),
        ("قاعده: {now} نشانه یا بیشتر یعنی CRM همین حالا لازم است؛ {prepare} تا {below} نشانه یعنی "
         "سودمند است اما اول باید آماده شد؛ کمتر از {prepare} نشانه یعنی هنوز زود است."),
        ("Правило: не менее {now} признаков — CRM нужна сейчас; от {prepare} до {below} — полезна, "
         "но сначала нужна подготовка; меньше {prepare} — пока рано."),
    ),
    "manager_rule": (
        ("Rule: a large, branched business or at least {at} situations — needed; one situation — "
         "give that duty to the CRM specialist; none — not needed."),
        ("قاعده: کسب‌وکار بزرگ و گسترده یا دست‌کم {at} وضعیت یعنی مدیر اختصاصی لازم است؛ یک وضعیت "
         "یعنی آن وظیفه را به کارشناس CRM بسپارید؛ هیچ وضعیتی یعنی نیازی نیست."),
        ("Правило: крупный разветвлённый бизнес или не менее {at} ситуаций — менеджер нужен; одна "
         "ситуация — поручите эту задачу CRM-специалисту; ни одной — не нужен."),
    ),
    "provisional": ("Provisional: answers to the open questions below could still change this verdict.",
                    "موقت: پاسخ پرسش‌های بی‌پاسخ زیر هنوز می‌تواند این نتیجه را تغییر دهد.",
                    "Предварительно: ответы на открытые вопросы ниже ещё могут изменить этот вывод."),
    "no_signs": ("None of the seven signs was answered yes.", "به هیچ‌یک از هفت نشانه پاسخ «بله» داده نشده است.",
                 "Ни на один из семи признаков не получен ответ «да»."),
    "no_situations": ("None of the six situations was answered yes.",
                      "به هیچ‌یک از شش وضعیت پاسخ «بله» داده نشده است.",
                      "Ни на одну из шести ситуаций не получен ответ «да»."),
    "first_steps": ("What to do first", "نخستین گام‌ها", "С чего начать"),
    "unanswered": ("Not answered (counted as no)", "بی‌پاسخ (به‌عنوان «خیر» حساب شده)",
                   "Без ответа (считается как «нет»)"),
    "unanswered_staffing": ("Not answered (no rule could use them)", "بی‌پاسخ (هیچ قاعده‌ای از آنها استفاده نکرد)",
                            "Без ответа (правила их не учитывали)"),
    "meaning": ("What it means for this business", "معنای آن برای این کسب‌وکار", "Что это значит для бизнеса"),
    "step": ("Step", "گام", "Шаг"),
    "based_on": ("Based on", "بر پایه", "Основание"),
    "reason": ("Reason", "دلیل", "Причина"),
    "risks": ("Risks", "ریسک‌ها", "Риски"),
    "risk": ("Risk", "ریسک", "Риск"),
    "no_risks": ("No staffing risks found in the answers.", "در پاسخ‌ها ریسکی در تأمین نیرو دیده نشد.",
                 "В ответах не найдено кадровых рисков."),
    "yes": ("yes", "بله", "да"),
    "no": ("no", "خیر", "нет"),
    "no_answer": ("no answer", "بی‌پاسخ", "нет ответа"),
    "percent": ("{n}%", "{n}%", "{n} %"),
    "topic_team": ("CRM team", "ترکیب تیم CRM", "Состав CRM-команды"),
    "topic_time": ("Time given to the CRM", "سهم وقت برای CRM", "Занятость на CRM"),
    "topic_seniority": ("Experience level", "سطح تجربه", "Уровень опыта"),
    "topic_source": ("Inside or outside hire", "نیروی داخلی یا جذب از بیرون", "Свой сотрудник или внешний найм"),
    "topic_placement": ("Where the role sits", "جایگاه در ساختار سازمانی", "Место в оргструктуре"),
    "topic_analyst": ("CRM manager and CRM analyst", "مدیر CRM و تحلیلگر CRM", "CRM-менеджер и CRM-аналитик"),
}

TIMING_TEXTS: dict[str, tuple[str, str, str]] = {
    # `{when}` of the advice that names a time: where the plan puts the task it is about (advice_timing)
    # `{task}` is the plan task's id in English and empty in Persian and Russian, whose reports carry no
    # Latin codes: there the phase and plan week say when
    "when_in": (" ({phase}, plan week {week}: task {task})", " ({phase}، هفته {week} برنامه{task})",
                " ({phase}, неделя {week} плана{task})"),
    "when_before": (" (before task {task} starts: {phase}, plan week {week})",
                    " (پیش از کار مربوط در برنامه{task}: {phase}، هفته {week})",
                    " (до соответствующей задачи плана{task}: {phase}, неделя {week})"),
    "when_unplanned": (" (task {task}, not in this client's plan)",
                       " (این کار{task} در برنامه این کارفرما نیست)", " (этой задачи{task} нет в плане клиента)"),
    "phase_pre_deployment": ("pre-deployment", "پیش از استقرار", "подготовительный этап"),
    "phase_deployment": ("deployment, before go-live", "استقرار، پیش از راه‌اندازی", "внедрение, до запуска"),
    "phase_post_deployment": ("after go-live", "پس از راه‌اندازی", "после запуска"),
}

TEXTS: dict[str, tuple[str, str, str]] = {**LABELS, **READINESS_TEXTS, **STAFFING_TEXTS, **TIMING_TEXTS}


def local_digits(text: str, lang: str) -> str:
    """Persian text uses Persian digits and the Persian percent sign; other languages are unchanged."""
    return text.translate(_PERSIAN_DIGITS) if lang == "fa" else text


def say(key: str, lang: str = "en", **params: Any) -> str:
    """The text for `key` in `lang` with `params` filled in; an unknown key or language raises KeyError.

    A Timing parameter (`when`) becomes the plan's words for it; a text with `{when}` said without one
    (no plan at hand) simply leaves it out. Task ids keep their Latin digits in Persian text."""
    if lang not in LANGS:
        raise KeyError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    template = TEXTS[key][LANGS.index(lang)]
    if "{when}" in template:
        params.setdefault("when", "")
    timings = {name: value for name, value in params.items() if isinstance(value, Timing)}
    params.update({name: f"\x00{name}\x00" for name in timings})
    text = local_digits(template.format(**params), lang)
    for name, timing in timings.items():
        text = text.replace(f"\x00{name}\x00", when_text(timing, lang))
    return text


def when_text(timing: Timing, lang: str = "en") -> str:
    """' (after go-live, plan week 38: task post-10-crm-manager-position)' in `lang`."""
    key = "when_unplanned" if timing.week is None else f"when_{timing.relation}"
    template = TEXTS[key][LANGS.index(lang)]
    phase = TEXTS["phase_" + timing.phase][LANGS.index(lang)]
    task = timing.task if lang == "en" else ""
    text = local_digits(template.format(phase=phase, week=timing.week, task="\x01"), lang)
    return text.replace("\x01", task)


def number(value: Any, lang: str = "en") -> str:
    """A number as people write it: no trailing .0, Persian digits in fa."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return local_digits(str(value), lang)
