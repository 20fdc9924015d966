"""Advice and plan agree: every piece of advice that names a time takes it from the plan task it is about
(the readiness report used to say "create the CRM manager position before the rollout starts" while the
plan put that task after go-live), and the recertification cadence is said once."""

from __future__ import annotations

import re
from datetime import date

import pytest

from workbench.domain.advice_text import LANGS, TEXTS, say
from workbench.domain.advice_timing import STEP_TASKS, step_timings
from workbench.domain.cadence import every_months
from workbench.domain.plan import schedule
from workbench.domain.resolve import resolve
from workbench.loading.playbooks import load_playbook

from .conftest import EXAMPLES, core, example

PHASE_WORDS = {
    "pre_deployment": "pre-deployment",
    "deployment": "deployment, before go-live",
    "post_deployment": "after go-live",
}
FREE_TIMINGS = (
    "go-live",
    "go live",
    "rollout starts",
    "project starts",
    "deployment phase",
    "pre-deployment work",
    "is migrated",
    "talking to vendors",
    "only after it",
    "take over the crm work",
)
"""words that place advice in the plan: only texts whose `{when}` comes from the plan may use them"""


@pytest.mark.parametrize("key", sorted(STEP_TASKS))
def test_every_timed_text_takes_its_time_from_the_plan(key):
    task_id, relation = STEP_TASKS[key]
    assert relation in ("in", "before")
    assert all("{when}" in TEXTS[key][i] for i in range(len(LANGS)))
    for pid in ("core", "b2b-sales", "b2c-retail-loyalty", "financial-services"):
        assert task_id in load_playbook(pid).playbook.task_map(), (pid, task_id)


def test_no_other_text_names_a_time_in_its_own_words():
    offenders = {
        key: word
        for key, texts in TEXTS.items()
        if key not in STEP_TASKS and not key.startswith(("when_", "phase_"))  # the plan's own words
        for word in FREE_TIMINGS
        if word in texts[0].lower()
    }
    assert offenders == {}


@pytest.mark.parametrize("answers", ["retail-chain", "b2b-software", "bank"])
def test_each_pair_matches_the_plans_task(answers):
    pb, given = core(), example(answers)
    plan = schedule(resolve(pb, given), date(2026, 1, 5))  # a Monday: plan weeks start with it
    scheduled = {t.id: t for t in plan.tasks}
    timings = step_timings(pb, given)
    assert set(timings) == set(STEP_TASKS)
    for key, (task_id, relation) in STEP_TASKS.items():
        timing = timings[key]
        task = scheduled.get(task_id)
        if task is None:  # the answers dropped it: the advice says so instead of inventing a date
            text = say(key, "en", when=timing, share=40, yes=5, total=7)
            assert timing.week is None and "not in this client's plan" in text
            continue
        working_days = sum(
            1
            for n in range((task.start - plan.start).days)
            if date.fromordinal(plan.start.toordinal() + n).weekday() < 5
        )
        assert (timing.task, timing.phase, timing.week) == (task_id, task.phase, working_days // 5 + 1)
        text = say(key, "en", when=timing, share=40, yes=5, total=7)
        phase = PHASE_WORDS[task.phase]
        expected = (
            f" ({phase}, plan week {timing.week}: task {task_id})"
            if relation == "in"
            else f" (before task {task_id} starts: {phase}, plan week {timing.week})"
        )
        assert expected in text, (key, text)


def test_readiness_report_puts_the_manager_position_where_the_plan_does(run_cli):
    pb, given = core(), example("retail-chain")
    plan = schedule(resolve(pb, given), date(2026, 1, 5))
    task = next(t for t in plan.tasks if t.id == "post-10-crm-manager-position")
    assert task.phase == "post_deployment"
    code, out, _ = run_cli("readiness", "core", "--answers", EXAMPLES / "retail-chain.answers.yaml")
    flat = " ".join(out.split())
    week = task.early_start // 5 + 1
    assert code == 0
    assert (
        f"Create the CRM manager position (after go-live, plan week {week}: task "
        "post-10-crm-manager-position): have HR write the job description"
    ) in flat
    assert "before the rollout starts" not in flat
    fa = " ".join(
        run_cli("readiness", "core", "--answers", EXAMPLES / "retail-chain.answers.yaml", "--lang", "fa")[
            1
        ].split()
    )
    assert "جایگاه مدیر CRM را ایجاد کنید (پس از راه‌اندازی، هفته " in fa and "پیش از شروع استقرار" not in fa


@pytest.mark.parametrize(
    ("pid", "months"), [("core", 6), ("b2b-sales", 6), ("b2c-retail-loyalty", 6), ("financial-services", 3)]
)
def test_recertification_cadence_is_said_once(pid, months):
    pb = load_playbook(pid).playbook
    assert pb.governance.recertification_months == months
    task = pb.task_map()["post-08-access-recertification"]
    assert str(task.name) == f"Recertify user access {every_months(months)}"
    assert str(task.description).startswith(f"Once {every_months(months)} ")
    words = {3: ("quarter",), 6: ("six-month", "6 months")}[months]
    wrong = {3: ("six-month", "6 months"), 6: ("quarter",)}[months]
    recert = [s for s in _english(pb.model_dump()) if "recertif" in s.lower()]
    assert recert and not [s for s in recert if any(w in s.lower() for w in wrong)]
    assert any(w in s.lower() for s in recert for w in words + (every_months(months),))


def test_recertify_command_says_the_same_cadence(run_cli, tmp_path):
    code, out, _ = run_cli(
        "recertify",
        "financial-services",
        "--answers",
        EXAMPLES / "bank.answers.yaml",
        "--out",
        tmp_path / "rc",
    )
    assert code == 0 and "  cadence     every 3 months (governance.recertification_months)" in out


@pytest.mark.parametrize(
    ("months", "lang", "text"),
    [
        (1, "en", "every month"),
        (3, "en", "every 3 months"),
        (6, "fa", "هر ۶ ماه"),
        (3, "ru", "раз в 3 месяца"),
        (6, "ru", "раз в 6 месяцев"),
        (1, "ru", "раз в месяц"),
        (12, "ru", "раз в 12 месяцев"),
        (21, "ru", "раз в 21 месяц"),
        (24, "ru", "раз в 24 месяца"),
        (1, "fa", "هر ماه"),
        (24, "fa", "هر ۲۴ ماه"),
        (21, "en", "every 21 months"),
    ],
)
def test_cadence_words(months, lang, text):
    assert every_months(months, lang) == text


def _english(value) -> list[str]:
    if isinstance(value, str):
        return [value] if not re.search(r"[\u0600-\u06ff\u0400-\u04ff]", value) else []
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("fa", "ru") for s in _english(v)]
    if isinstance(value, list):
        return [s for v in value for s in _english(v)]
    return []
