"""The bi-weekly review list (研考會's meeting) as a download: ODS (ODF 1.2, the government's standard) or
XLSX, one row per open or overdue question, grouped by lead agency, with the last decision taken on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import tablib
from django.utils.translation import gettext as _

from secretariat.core import roc
from secretariat.core.downloads import CONTENT_TYPES, Download
from secretariat.core.errors import ValidationFailed
from secretariat.council.selectors.questions import ReviewRow

FORMATS = ("ods", "xlsx")  # the formats the review list is offered in (its refusal names them)


def review_sheet(rows: list[ReviewRow]) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=[_("Lead agency"), _("Case number"), _("Councillor"), _("Session"),
                                    _("Asked on"), _("Topic"), _("Status"), _("Due on"), _("Overdue"),
                                    _("Last review decision")])
    sheet.title = _("Review list")
    for row in rows:
        question, case = row.question, row.question.case
        sheet.append([
            case.lead_agency.short_name if case.lead_agency else "", case.reference, question.councillor.name,
            str(question.session), roc.format_slash(question.asked_on), question.topic, case.get_status_display(),
            roc.format_slash(case.due_on) if case.due_on else "", _("Yes") if row.overdue else "",
            row.last_decision,
        ])
    return sheet


def review_download(*, rows: list[ReviewRow], file_format: str, today: dt.date) -> Download:
    if file_format not in FORMATS:
        raise ValidationFailed(_("Downloads come as ODS or XLSX."), code="unknown_format")
    content: Any = review_sheet(rows).export(file_format)
    return Download(bytes(content), CONTENT_TYPES[file_format], f"review-list-{today.isoformat()}.{file_format}")
