"""The client's country through a real engagement: `crmwb new` with the country answered, then the dates
`task list --json` and `status --json` give. The oracle is the `holidays` package read directly here, not
the product's WorkCalendar, so a plan that forgets the calendar fails."""

from __future__ import annotations

import json
from datetime import date, timedelta

import holidays
import pytest
import yaml

from .lifecycle_helpers import ROOT

NAMES = {"IR": "Iran", "RU": "Russia"}
BUNDLED = sorted(p.stem for p in (ROOT / "playbooks").glob("*.yaml"))
STARTS = {"IR": date(2026, 3, 1), "RU": date(2025, 12, 15)}
"""IR: through Nowruz and Ramadan's end; RU: through the January holidays"""


def _new(run_cli, tmp_path, name, playbook, answers, start, calendar=None):
    answers_file = tmp_path / f"{name}.answers.yaml"
    answers_file.write_text(yaml.safe_dump({"client": name, "answers": answers}), encoding="utf-8")
    folder = tmp_path / name
    code, out, err = run_cli(
        "new", folder, "--playbook", playbook, "--answers", answers_file, "--start", start.isoformat()
    )
    assert (code, err) == (0, ""), err
    if calendar is not None:
        path = folder / "engagement.yaml"
        data = path.read_text(encoding="utf-8") + yaml.safe_dump({"calendar": calendar})
        path.write_text(data, encoding="utf-8")
    return folder, out


def _task_dates(run_cli, folder) -> dict[str, tuple[date, date]]:
    code, out, err = run_cli("task", folder, "list", "--json")
    assert (code, err) == (0, "")
    return {
        t["id"]: (date.fromisoformat(t["planned_start"]), date.fromisoformat(t["due"]))
        for t in json.loads(out)
    }


def _off(country: str, start: date):
    table = holidays.country_holidays(country, years=range(start.year - 1, start.year + 7))
    working = set(getattr(table, "weekend_workdays", ()) or ())
    weekend = {4} if country == "IR" else {5, 6}
    return lambda day: day not in working and (day.weekday() in weekend or day in table)


@pytest.mark.parametrize("country", ["IR", "RU"])
@pytest.mark.parametrize("playbook", BUNDLED)
def test_no_task_starts_or_ends_on_a_weekend_or_public_holiday(run_cli, tmp_path, playbook, country):
    start = STARTS[country]
    folder, out = _new(run_cli, tmp_path, "client", playbook, {"country": country}, start)
    assert f"calendar  {NAMES[country]}: its weekend and public holidays" in out
    dates = _task_dates(run_cli, folder)
    assert len(dates) > 20
    is_off = _off(country, start)
    bad = {tid: (s, d) for tid, (s, d) in dates.items() if is_off(s) or is_off(d)}
    assert bad == {}
    status = json.loads(run_cli("status", folder, "--json", "--today", "2027-06-01")[1])
    assert status["calendar"]["country"] == country and status["late"]
    assert not [t for t in status["late"] if is_off(date.fromisoformat(t["due"]))]


def test_the_plan_moves_around_nowruz_and_the_january_holidays(run_cli, tmp_path):
    """The first task of a plan starting on a holiday starts after it, not on it."""
    ir, _ = _new(run_cli, tmp_path, "tehran", "core", {"country": "IR"}, date(2026, 3, 21))  # 1 Farvardin
    first_ir = min(s for s, _ in _task_dates(run_cli, ir).values())
    ru, _ = _new(run_cli, tmp_path, "moscow", "core", {"country": "RU"}, date(2026, 1, 1))
    first_ru = min(s for s, _ in _task_dates(run_cli, ru).values())
    neutral, _ = _new(run_cli, tmp_path, "elsewhere", "core", {"country": "other"}, date(2026, 1, 1))
    assert first_ir > date(2026, 3, 24) and first_ir.weekday() != 4
    assert first_ru == date(2026, 1, 12)  # 1-8 January off, then a weekend
    assert min(s for s, _ in _task_dates(run_cli, neutral).values()) == date(2026, 1, 1)  # no holidays


def test_a_declared_working_saturday_is_used(run_cli, tmp_path):
    saturday = date(2026, 1, 10)
    plain, _ = _new(run_cli, tmp_path, "plain", "core", {"country": "RU"}, saturday)
    declared, _ = _new(
        run_cli,
        tmp_path,
        "declared",
        "core",
        {"country": "RU"},
        saturday,
        calendar={"working_days": [saturday]},
    )
    assert _task_dates(run_cli, plain)["pre-01-kickoff"][0] == date(2026, 1, 12)
    assert _task_dates(run_cli, declared)["pre-01-kickoff"][0] == saturday


def test_the_engagements_own_weekend_and_days_off(run_cli, tmp_path):
    """An Iranian company on a Saturday-Wednesday week, closed for a week of its own in May."""
    shutdown = [date(2026, 5, d) for d in range(2, 9)]
    folder, _ = _new(
        run_cli,
        tmp_path,
        "fivedays",
        "core",
        {"country": "IR"},
        date(2026, 4, 4),
        calendar={"weekend": ["thu", "fri"], "days_off": shutdown},
    )
    dates = _task_dates(run_cli, folder)
    used = {d for pair in dates.values() for d in pair}
    assert not {d for d in used if d.weekday() in (3, 4)} and not used & set(shutdown)
    assert any(s < shutdown[0] for s, _ in dates.values()) and any(
        s > shutdown[-1] for s, _ in dates.values()
    )


def test_a_wrong_calendar_section_is_located(run_cli, tmp_path):
    folder, _ = _new(run_cli, tmp_path, "bad", "core", {"country": "IR"}, date(2026, 4, 4))
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "calendar:\n  weekend: [thu, fryday]\n  days_off: [2026-05-02, soon]\n  holidays: []\n",
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 1
    code, _, err = run_cli("status", folder)
    assert code == 2 and "Traceback" not in err
    assert f"engagement.yaml:{line + 1}:18: error: calendar.weekend[1]: 'fryday' is not a weekday" in err
    assert f"engagement.yaml:{line + 2}:26: error: calendar.days_off[1]: 'soon' is not a date" in err
    assert f"engagement.yaml:{line + 3}:3: error: calendar.holidays: unknown key 'holidays'" in err


def test_target_date_slip_is_shown_by_new_status_and_report(run_cli, tmp_path):
    folder, out = _new(
        run_cli,
        tmp_path,
        "hurry",
        "financial-services",
        {"country": "RU", "target_go_live_months": 3},
        date(2026, 3, 2),
    )
    said = " ".join(out.split())
    assert "warning: the plan misses the target go-live date 2 June 2026 by" in said
    assert "compress these critical tasks: dep-04-configure" in said
    status = json.loads(run_cli("status", folder, "--json")[1])
    target = status["target"]
    assert target["missed"] and target["target"] == "2026-06-02" and target["slip_days"] > 0
    assert target["slip_days"] == (date.fromisoformat(target["go_live"]) - date(2026, 6, 2)).days
    assert target["compress"][0] == "dep-04-configure" and len(target["compress"]) == 5
    assert any(
        w.startswith(f"the plan misses the target go-live date 2 June 2026 by {target['slip_days']} days")
        for w in status["warnings"]
    )
    code, text, _ = run_cli("status", folder)
    assert code == 0 and f"by {target['slip_days']} days" in " ".join(text.split())
    assert run_cli("report", folder, "--format", "md", "--out", tmp_path / "rep")[0] == 0
    report = " ".join(next((tmp_path / "rep").glob("*.md")).read_text(encoding="utf-8").split())
    assert f"misses the target go-live date 2 June 2026 by {target['slip_days']} days" in report


def test_a_target_the_plan_meets_warns_nothing(run_cli, tmp_path):
    folder, out = _new(
        run_cli, tmp_path, "calm", "core", {"country": "IR", "target_go_live_months": 36}, date(2026, 4, 4)
    )
    status = json.loads(run_cli("status", folder, "--json")[1])
    assert "misses the target" not in out and status["target"]["missed"] is False and status["warnings"] == []


@pytest.mark.parametrize("country, shown", [("RU", True), ("IR", False), ("TR", False)])
def test_job_descriptions_from_an_engagement_show_the_rouble_band_only_in_russia(
    run_cli, tmp_path, country, shown
):
    folder, _ = _new(run_cli, tmp_path, "hr", "core", {"country": country}, date(2026, 4, 4))
    code, _, err = run_cli(
        "jobdesc",
        "crm_manager",
        "--playbook",
        folder,
        "--lang",
        "en,fa",
        "--format",
        "md",
        "--out",
        tmp_path / "jd",
        "--quiet",
    )
    assert (code, err) == (0, "")
    en = (tmp_path / "jd" / "crm_manager.en.md").read_text(encoding="utf-8")
    fa = (tmp_path / "jd" / "crm_manager.fa.md").read_text(encoding="utf-8")
    assert ("RUB a month" in en, "روبل" in fa) == (shown, shown)
    assert ("No sourced pay figure" in en) == (not shown)
    code, _, _ = run_cli("export", folder, "--only", "jobdesc", "--format", "md", "--out", tmp_path / "exp")
    exported = (
        (tmp_path / "exp" / "jobdesc" / "crm_manager.en.md").read_text(encoding="utf-8") if code == 0 else ""
    )
    assert code == 0 and ("RUB a month" in exported) == shown


def test_intake_offers_the_country_of_the_language_and_never_assumes_it(monkeypatch, capsys):
    import sys

    from workbench.cli.intake_cmd import _SKIP, ask
    from workbench.loading.playbooks import load_playbook

    from .test_lifecycle_intake_cli import Typist

    country = next(q for q in load_playbook("core").playbook.questions if q.id == "country")
    for lang, offered in (("fa", "IR"), ("ru", "RU"), ("en", _SKIP)):
        monkeypatch.setattr(sys, "stdin", Typist([""], interrupt=False))
        assert ask(country, None, "3/35", lang) == offered  # Enter takes what the prompt shows
        shown = capsys.readouterr().out
        assert ("[" in shown.splitlines()[-1]) == (offered is not _SKIP)
    monkeypatch.setattr(sys, "stdin", Typist([""], interrupt=False))
    assert ask(country, "TR", "3/35", "fa") == "TR"  # an answer given is kept


def test_new_suggests_a_country_without_answering_it(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CRMWB_LANG", "ru")
    folder, out = _new(run_cli, tmp_path, "msk", "core", {}, date(2026, 4, 6))
    assert "предлагается: RU" in out and "--set country=RU" in out
    assert (
        "country" not in yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))["answers"]
    )
    dates = _task_dates(run_cli, folder)
    assert min(s for s, _ in dates.values()) == date(2026, 4, 6)  # no country: Saturday-Sunday, no holidays


def test_a_due_date_on_a_day_off_is_kept_with_a_warning(run_cli, tmp_path):
    folder, _ = _new(run_cli, tmp_path, "due", "core", {"country": "IR"}, date(2026, 4, 4))
    code, out, err = run_cli("task", folder, "due", "pre-01-kickoff", "2026-04-10")  # a Friday
    assert code == 0 and "pre-01-kickoff: due 2026-04-10" in out
    assert "2026-04-10 is not a working day" in err and "the next working day is 2026-04-11" in err
    assert _task_dates(run_cli, folder)["pre-01-kickoff"][1] == date(2026, 4, 10)  # kept as chosen
    code, _, err = run_cli("task", folder, "due", "pre-01-kickoff", "2026-04-11")
    assert code == 0 and err == ""


def test_recertification_dates_follow_the_engagements_calendar(run_cli, tmp_path):
    import re

    folder, _ = _new(run_cli, tmp_path, "review", "core", {"country": "IR"}, date(2026, 3, 1))
    code, out, err = run_cli("recertify", folder, "--out", tmp_path / "rc", "--date", "2026-03-15")
    assert code == 0, err
    due = date.fromisoformat(re.search(r"due (\d{4}-\d\d-\d\d)", out).group(1))
    nexts = [date.fromisoformat(d) for d in re.search(r"next: ([\d\-, ]+)", out).group(1).split(", ")]
    is_off = _off("IR", date(2026, 3, 1))
    assert len(nexts) == 3 and not [d for d in [due, *nexts] if is_off(d)]
    window = int(re.search(r"\((\d+) working days\)", out).group(1))
    counted = [date(2026, 3, 15) + timedelta(days=n) for n in range(1, (due - date(2026, 3, 15)).days + 1)]
    assert len([d for d in counted if not is_off(d)]) == window  # Nowruz and Fridays do not count
    assert due - date(2026, 3, 15) > timedelta(days=window + window // 5 * 2)  # longer than a plain week


def test_a_hand_written_calendar_section_survives_an_answer_change(run_cli, tmp_path):
    saturday = date(2026, 1, 10)
    folder, _ = _new(
        run_cli, tmp_path, "keep", "core", {"country": "RU"}, saturday, calendar={"working_days": [saturday]}
    )
    code, _, err = run_cli("diff", folder, "--set", "company_size=small", "--apply")
    assert code == 0, err
    data = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    assert data["calendar"] == {"working_days": [saturday]} and data["answers"]["company_size"] == "small"
    assert _task_dates(run_cli, folder)["pre-01-kickoff"][0] == saturday
