"""Record a KPI value: the value as the consultant writes it (72,5 in Russian, ۷۲٫۵ in Persian, 72.5),
the day it was measured (today unless told), where the number comes from and a remark. Checked with
app.kpi_record, the code `crmwb kpi record` runs; the KPIs tab writes what it returns."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from workbench.app.kpi_record import KpiRecordError, read_measurement
from workbench.domain.date_input import DateInputError, parse_day
from workbench.domain.kpi_values import range_text
from workbench.domain.locale import format_number, format_short_date, localize_digits
from workbench.domain.tracking import Measurement
from workbench.i18n import N_, _, current_language
from workbench.tui.bidi import visual
from workbench.tui.screens.form_dialog import FormDialog
from workbench.tui.widgets.bidi_text import BidiText
from workbench.tui.widgets.kpi_table import KpiRow


class KpiValueDialog(FormDialog[Measurement | None]):
    HELP = N_(
        "Record a measured KPI value; decimal comma or point, Persian digits too. It is checked "
        "against the KPI's valid range and saved with its date, source and your name."
    )

    def __init__(self, row: KpiRow, today: date) -> None:
        super().__init__(_("Record a value: {kpi}").format(kpi=row.line.name))
        self.row, self.today = row, today
        self.initial_date = format_short_date(today, current_language())

    def compose_form(self) -> ComposeResult:
        lang = current_language()
        line, latest = self.row.line, self.row.trend.latest
        facts = [
            _("Unit: {unit}; target {target}; valid: {range}").format(
                unit=line.unit_label,
                target=line.target_label,
                range=localize_digits(range_text(line.kpi), lang),
            )
        ]
        if latest is not None:
            facts.append(
                _("Latest: {value} on {date}").format(
                    value=format_number(latest.value, lang), date=format_short_date(latest.measured_on, lang)
                )
            )
        yield BidiText("\n".join(facts), classes="dialog-text")
        yield Label(visual(_("Value")))
        yield Input(
            placeholder=visual(_("e.g. {example}").format(example=format_number(72.5, lang))),
            id="kpi-value-input",
            compact=True,
        )
        yield Label(visual(_("Measured on")))
        yield Input(self.initial_date, id="kpi-date-input", compact=True)
        yield Label(visual(_("Source (optional)")))
        yield Input(
            placeholder=visual(_("e.g. the CRM's monthly login report")), id="kpi-source-input", compact=True
        )
        yield Label(visual(_("Note (optional)")))
        yield Input(
            placeholder=visual(_("e.g. measured after the second training wave")),
            id="kpi-note-input",
            compact=True,
        )

    def on_mount(self) -> None:
        self.query_one("#kpi-value-input", Input).focus()

    def ok_label(self) -> str:
        return _("Record")

    def _value(self, field: str) -> str:
        return self.query_one(f"#kpi-{field}-input", Input).value.strip()

    def is_dirty(self) -> bool:
        return bool(
            self._value("value")
            or self._value("source")
            or self._value("note")
            or self._value("date") != self.initial_date
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        lang = current_language()
        try:
            when = parse_day(self._value("date"), lang) if self._value("date") else None
        except DateInputError as exc:
            self._refuse("date", str(exc))
            return
        try:
            measurement = read_measurement(
                self.row.line.kpi,
                self._value("value"),
                when,
                self.today,
                self._value("source"),
                self._value("note"),
            )
        except KpiRecordError as exc:
            if exc.field == "date" and when is not None:
                self._refuse(
                    "date",
                    _("{date} is in the future; expected the day it was measured").format(
                        date=format_short_date(when, lang)
                    ),
                )
            elif exc.value is not None:
                self._refuse(
                    "value",
                    _("{value} is outside the valid range of this KPI; expected {range}").format(
                        value=format_number(exc.value, lang),
                        range=localize_digits(range_text(self.row.line.kpi), lang),
                    ),
                )
            else:
                self._refuse("value", localize_digits(str(exc), lang))
            return
        self.dismiss(measurement)

    def _refuse(self, field: str, message: str) -> None:
        self.show_error(message)
        self.query_one(f"#kpi-{field}-input", Input).focus()
