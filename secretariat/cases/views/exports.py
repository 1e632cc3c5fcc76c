"""The inbox's filtered list as a download: ODS (ODF 1.2, the government's standard), XLSX or CSV.

No personal data goes out: a row names the case by number, kind and subject — the subject as the person may
read it, 「密件」 for a confidential case outside its readers — never by the person who asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import tablib
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from secretariat.cases.constants import CaseStatus
from secretariat.cases.kinds import all_kinds
from secretariat.cases.selectors import case_title_for
from secretariat.cases.selectors.inbox import case_inbox_export
from secretariat.cases.views.queue import read_inbox_filter
from secretariat.core import roc
from secretariat.core.actors import Actor, Viewer
from secretariat.core.downloads import CONTENT_TYPES, Download

if TYPE_CHECKING:
    import datetime as dt

    from secretariat.cases.models import Case


def export_headers() -> list[str]:
    return [_("Case number"), _("Kind"), _("Subject"), _("Status"), _("Lead agency"), _("Received on"),
            _("Assigned on"), _("Due on"), _("Due state")]


def _roc(day: dt.date | None) -> str:
    return roc.format_slash(day) if day else ""


def _due_state(value: str) -> str:
    return {"overdue": _("Overdue"), "soon": _("Due soon")}.get(value, "")


def inbox_sheet(user: Actor | Viewer, rows: Sequence[Case]) -> tablib.Dataset:
    kinds = {kind.code: str(kind.label) for kind in all_kinds()}
    statuses = dict(CaseStatus.choices)
    sheet = tablib.Dataset(headers=export_headers())
    sheet.title = _("Cases")
    for case in rows:
        sheet.append([case.reference, kinds.get(case.kind, case.kind), case_title_for(user, case),
                      str(statuses.get(case.status, case.status)),
                      case.lead_agency.short_name if case.lead_agency else "", _roc(case.received_on),
                      _roc(case.assigned_on), _roc(case.due_on), _due_state(getattr(case, "due_state", ""))])
    return sheet


def inbox_download(user: Actor | Viewer, rows: Sequence[Case], file_format: str) -> Download:
    sheet = inbox_sheet(user, rows)
    filename = f"cases-{timezone.localdate():%Y%m%d}.{file_format}"
    if file_format == "csv":
        # With a byte-order mark, spreadsheet programs open the UTF-8 Chinese text correctly.
        return Download(sheet.export("csv").encode("utf-8-sig"), CONTENT_TYPES["csv"], filename)
    return Download(sheet.export(file_format), CONTENT_TYPES[file_format], filename)


@login_required
@require_GET
def inbox_export(request: HttpRequest) -> HttpResponse:
    """`/cases/export/?format=ods|xlsx|csv` plus the inbox's own query: the whole filtered list, from the first
    row, in the list's order (at most selectors.inbox.EXPORT_ROWS rows)."""
    file_format = request.GET.get("format", "ods")
    if file_format not in CONTENT_TYPES:
        return HttpResponse(_("Downloads come as ODS, XLSX or CSV."), status=400, content_type="text/plain")
    form, filters = read_inbox_filter(request)
    if filters is None:
        problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponse(problems, status=400, content_type="text/plain; charset=utf-8")
    rows = case_inbox_export(user=request.user, filters=filters)
    return inbox_download(request.user, rows, file_format).response()
