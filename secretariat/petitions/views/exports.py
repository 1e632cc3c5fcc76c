"""Petition statistics as downloads: ODS (the government's standard, ODF 1.2), XLSX and CSV.

The workbook has three sheets — by agency, by month, the overdue list; CSV holds one table, so it
carries the by-agency sheet. No personal data goes out: the overdue list names cases by number and
subject (masked for petitions needing secrecy), never by petitioner.
"""

from __future__ import annotations

import datetime as dt

import tablib
from django.utils.translation import gettext as _

from secretariat.core import roc
from secretariat.core.downloads import CONTENT_TYPES, Download
from secretariat.core.errors import ValidationFailed
from secretariat.core.roc import Period
from secretariat.petitions.selectors import statistics as stats

OVERDUE_ROWS = 5000  # the sheet lists this many, soonest due first; the page says how many there are


def agency_sheet(rows: list[stats.AgencyRow]) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=[_("Agency"), _("Petitions received"), _("Answered"), _("On time"), _("Late"),
                                    _("On-time rate"), _("Average working days to answer")])
    sheet.title = _("By agency")
    labelled = [(row.name if row.agency_id is not None else _("Not yet assigned"), row) for row in rows]
    for name, row in [*labelled, (_("Total"), stats.total_of(rows))]:
        sheet.append([name, row.received, row.answered, row.on_time, row.late, row.on_time_rate,
                      row.average_working_days if row.average_working_days is not None else ""])
    return sheet


def month_label(month: stats.MonthCount) -> str:
    """`112年7月`."""
    return f"{roc.roc_year(dt.date(month.year, month.month, 1))}年{month.month}月"


def month_sheet(months: list[stats.MonthCount]) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=[_("Month"), _("Petitions received")])
    sheet.title = _("By month")
    for month in months:
        sheet.append([month_label(month), month.received])
    return sheet


def overdue_sheet(rows: list[stats.OverdueRow]) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=[_("Case number"), _("Subject"), _("Lead agency"), _("Received on"),
                                    _("Due on"), _("Working days overdue")])
    sheet.title = _("Overdue petitions")
    for row in rows:
        sheet.append([row.reference, row.subject, row.agency, roc.format_slash(row.received_on),
                      roc.format_slash(row.due_on),
                      row.working_days_overdue if row.working_days_overdue is not None else ""])
    return sheet


def statistics_download(*, period: Period, agency_ids: set[int] | None, file_format: str,
                        today: dt.date | None = None) -> Download:
    """The period's statistics, limited to `agency_ids` (None: all), as `file_format`."""
    if file_format not in CONTENT_TYPES:
        raise ValidationFailed(_("Downloads come as ODS, XLSX or CSV."), code="unknown_format")
    agencies = agency_sheet(stats.by_agency(period=period, agency_ids=agency_ids))
    filename = f"petition-statistics-{period.code}.{file_format}"
    if file_format == "csv":
        # With a byte-order mark, spreadsheet programs open the UTF-8 Chinese text correctly.
        return Download(agencies.export("csv").encode("utf-8-sig"), CONTENT_TYPES["csv"], filename)
    months = month_sheet(stats.by_month(period=period, agency_ids=agency_ids))
    _total, late = stats.overdue(period=period, agency_ids=agency_ids, today=today, limit=OVERDUE_ROWS)
    content = tablib.Databook([agencies, months, overdue_sheet(late)]).export(file_format)
    return Download(content, CONTENT_TYPES[file_format], filename)
