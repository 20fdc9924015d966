"""A job description as HR publishes it: one role's profile from a RESOLVED playbook, in one language.

Every string in the result is already in that language (labels, playbook text, numbers, dates), and the
sections come in one fixed order, so the Markdown, HTML and Word writers only lay it out and cannot
disagree on content or order. The intake answers act through the resolved playbook: the profile's lines
and reporting line are those that apply to the client. Pay appears only as the playbook gives it, with
its source; nothing here computes or estimates a figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from workbench.domain.fixed_ids import PHASE_IDS
from workbench.domain.job_profiles import JobProfile, PayBand
from workbench.domain.kpis import Kpi
from workbench.domain.locale import (
    format_date,
    format_number,
    format_percent,
    format_year_month,
    localize_digits,
    plural,
)
from workbench.domain.playbook import Playbook
from workbench.domain.text import RTL_LANGUAGES, LocalText, tr

SECTION_ORDER = (
    "purpose",
    "position",
    "duties",
    "education",
    "experience",
    "skills",
    "competencies",
    "qualities",
    "tools",
    "kpis",
    "working_conditions",
    "pay",
)
PHASE_ORDER = (*PHASE_IDS, "ongoing")
LIST_SECTIONS = (
    "education",
    "experience",
    "skills",
    "competencies",
    "qualities",
    "tools",
    "working_conditions",
)
_SPACES = re.compile(r"[ \t\r\n]+")
"""Runs of ordinary whitespace (YAML folding); no-break spaces are kept."""
_TIME_UNITS = {"days": "unit_days", "hours": "unit_hours", "minutes": "unit_minutes"}


class UnknownRole(LookupError):
    """The role has no job profile in the playbook."""


@dataclass(frozen=True)
class DutyGroup:
    phase: str
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class KpiRow:
    kpi_id: str
    name: str
    target: str
    cadence: str


@dataclass(frozen=True)
class PayRow:
    amount: str
    details: tuple[tuple[str, str], ...]
    """(label, value): source, region, currency, as of — always all four."""
    note: str


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str = ""
    lines: tuple[str, ...] = ()
    groups: tuple[DutyGroup, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs, e.g. 'Reports to' and 'Why' in the position section."""
    columns: tuple[str, ...] = ()
    kpis: tuple[KpiRow, ...] = ()
    pay: tuple[PayRow, ...] = ()


@dataclass(frozen=True)
class JobDescription:
    role_id: str
    lang: str
    direction: str
    title: str
    """The role's title, e.g. 'CRM Manager'."""
    heading: str
    """The document's heading, e.g. 'Job description: CRM Manager'."""
    meta: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    playbook_id: str
    playbook_version: str

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def profiles_by_role(pb: Playbook) -> dict[str, JobProfile]:
    return {profile.id: profile for profile in pb.job_profiles}


class _Words:
    """Labels and playbook text in one language, with local digits for Persian."""

    def __init__(self, labels: Mapping[str, str], lang: str) -> None:
        self.labels, self.lang = labels, lang

    def __call__(self, key: str, **values: str) -> str:
        """A label with its {placeholders} filled; values come already localised (an id stays as it is)."""
        return localize_digits(self.labels[key], self.lang).format(**values)

    def text(self, text: LocalText | None) -> str:
        return localize_digits(_SPACES.sub(" ", tr(text, self.lang)).strip(), self.lang)

    def optional(self, key: str, fallback: str) -> str:
        return self(key) if key in self.labels else fallback


def _role_name(pb: Playbook, role_id: str, w: _Words) -> str:
    role = pb.role_map().get(role_id)
    if role is not None:
        return w.text(role.name)
    profile = profiles_by_role(pb).get(role_id)
    return w.text(profile.title) if profile else role_id


def _position(pb: Playbook, profile: JobProfile, w: _Words) -> Section:
    """Whom the role reports to (the line the answers selected) and why; the roles whose job profiles
    report to this one."""
    line = profile.reports_to[0]
    facts = [(w("reports_to"), _role_name(pb, line.to, w))]
    if line.reason:
        facts.append((w("reason"), w.text(line.reason)))
    reports = [
        p.id
        for p in pb.job_profiles
        if p.id != profile.id and p.reports_to and p.reports_to[0].to == profile.id
    ]
    if reports:
        facts.append((w("direct_reports"), w("list_separator").join(_role_name(pb, r, w) for r in reports)))
    return Section("position", w("section_position"), facts=tuple(facts))


def _duties(pb: Playbook, profile: JobProfile, w: _Words) -> Section:
    names: dict[str, str] = {phase.id: w.text(phase.name) for phase in pb.phases}
    groups = []
    for phase in PHASE_ORDER:
        items = tuple(w.text(d.text) for d in profile.duties if d.phase == phase)
        if items:
            heading = names.get(phase) or w(f"phase_{phase}")
            groups.append(DutyGroup(phase, heading, items))
    return Section("duties", w("section_duties"), groups=tuple(groups))


def _quantity(value: float | int, unit: str, w: _Words) -> str:
    if unit == "percent":
        return format_percent(value, w.lang)
    number = format_number(value, w.lang)
    if unit in _TIME_UNITS:
        return f"{number} {plural(value, w.labels[_TIME_UNITS[unit]], w.lang)}"
    return number


def kpi_target(kpi: Kpi, w: _Words) -> str:
    """'at least 90% within 3 months of go-live', in the document's language."""
    value = _quantity(kpi.target, kpi.unit, w)
    target = w("target_up" if kpi.direction == "up" else "target_down", value=value)
    if kpi.target_months:
        months = kpi.target_months
        noun = plural(months, w.labels["unit_months"], w.lang)
        target = w("target_deadline", target=target, months=f"{format_number(months, w.lang)} {noun}")
    return target


def _kpis(pb: Playbook, role_id: str, w: _Words) -> Section:
    rows = tuple(
        KpiRow(k.id, w.text(k.name), kpi_target(k, w), w(f"cadence_{k.cadence}"))
        for k in pb.kpis
        if k.owner == role_id
    )
    return Section(
        "kpis", w("section_kpis"), columns=(w("kpi_name"), w("kpi_target"), w("kpi_cadence")), kpis=rows
    )


def _pay_row(band: PayBand, w: _Words) -> PayRow:
    code = band.currency
    short = w.optional(f"currency_{code}_short", code)
    amount = w(
        f"pay_{band.period}",
        min=format_number(band.min, w.lang),
        max=format_number(band.max, w.lang),
        currency=short,
    )
    details = (
        (w("source"), w.text(band.source)),
        (w("region"), w.text(band.region)),
        (w("currency"), w.optional(f"currency_{code}_name", code)),
        (w("as_of"), format_year_month(band.as_of, w.lang)),
    )
    return PayRow(amount, details, w.text(band.note))


def _pay(pb: Playbook, profile: JobProfile, country: str | None, w: _Words) -> Section:
    """Only bands sourced in the client's country, in its currency; when the profile has bands but none
    for this country, a note says no sourced figure exists rather than showing a foreign one."""
    bands = [b for b in profile.pay if b.country is None or b.country == country]
    if bands or not profile.pay:
        return Section("pay", w("section_pay"), pay=tuple(_pay_row(b, w) for b in bands))
    if country is None or country == "OTHER":
        key = "pay_none_unknown" if country is None else "pay_none_other"
        return Section("pay", w("section_pay"), text=w(key))
    return Section("pay", w("section_pay"), text=w("pay_none_country", country=_country_name(pb, country, w)))


def _country_name(pb: Playbook, country: str, w: _Words) -> str:
    question = next((q for q in pb.questions if q.id == "country"), None)
    option = next((o for o in (question.options or ()) if o.id == country), None) if question else None
    return w.text(option.label) if option is not None else country


def build(
    pb: Playbook, role_id: str, lang: str, labels: Mapping[str, str], on: date, country: str | None = None
) -> JobDescription:
    """The job description of `role_id`; `pb` must already be resolved against the client's answers, and
    `country` is the client's (the answered ISO code, 'OTHER', None when unknown) for the pay band."""
    profile = profiles_by_role(pb).get(role_id)
    if profile is None:
        raise UnknownRole(
            f"role {role_id!r} has no job profile; roles with one: "
            f"{', '.join(profiles_by_role(pb)) or 'none'}"
        )
    w = _Words(labels, lang)
    title = w.text(profile.title)
    sections: dict[str, Section] = {
        "purpose": Section("purpose", w("section_purpose"), text=w.text(profile.purpose)),
        "position": _position(pb, profile, w),
        "duties": _duties(pb, profile, w),
        "kpis": _kpis(pb, role_id, w),
        "pay": _pay(pb, profile, country, w),
    }
    for key in LIST_SECTIONS:
        lines = tuple(w.text(line.text) for line in getattr(profile, key))
        sections[key] = Section(key, w(f"section_{key}"), lines=lines)
    kept = tuple(sections[k] for k in SECTION_ORDER if _has_content(sections[k]))
    meta = (
        (w("date"), format_date(on, lang)),
        (
            w("playbook"),
            w("playbook_ref", name=w.text(pb.name), id=pb.id, version=localize_digits(pb.version, lang)),
        ),
    )
    return JobDescription(
        role_id,
        lang,
        "rtl" if lang in RTL_LANGUAGES else "ltr",
        title,
        w("title", title=title),
        meta,
        kept,
        pb.id,
        pb.version,
    )


def _has_content(section: Section) -> bool:
    return any((section.text, section.lines, section.groups, section.facts, section.kpis, section.pay))
