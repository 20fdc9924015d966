"""What HR needs to write a job description for a role; items can vary with the intake answers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from workbench.domain.base import Id, Item, Strict
from workbench.domain.text import Text


class Duty(Item):
    phase: Literal["pre_deployment", "deployment", "post_deployment", "ongoing"] = "ongoing"
    text: Text


class Line(Item):
    """A text line (skill, education, quality...) that may apply only for some answers."""

    text: Text


class ReportingLine(Item):
    """Whom the role reports to; the first line whose condition holds wins."""

    to: Id
    reason: Text | None = None


class PayBand(Strict):
    """A published salary range. Only ever shown with its source, region, currency and date."""

    region: Text
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    """ISO 3166 code of the country the figure was measured in: the band is shown only to a client of that
    country (a rouble band means nothing to a Tehran employer); None shows it to every client"""
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    min: int = Field(ge=0)
    max: int = Field(ge=0)
    period: Literal["month", "year"]
    source: Text
    as_of: str = Field(pattern=r"^\d{4}(-\d{2})?$")
    note: Text | None = None


class JobProfile(Strict):
    id: Id
    """The id of the role this profile describes."""
    title: Text
    purpose: Text
    reports_to: list[ReportingLine] = Field(min_length=1)
    duties: list[Duty] = Field(min_length=1)
    education: list[Line] = []
    experience: list[Line] = []
    skills: list[Line] = []
    competencies: list[Line] = []
    qualities: list[Line] = []
    tools: list[Line] = []
    working_conditions: list[Line] = []
    pay: list[PayBand] = []
