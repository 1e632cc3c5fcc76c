"""The consultations table for any span of months, on screen and as ODS/XLSX/CSV (the counters' shared
downloads)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from secretariat.core.errors import ApplicationError
from secretariat.core.roc import Period
from secretariat.counters.access import desks as desk_access
from secretariat.counters.selectors.consultation_statistics import consultation_table
from secretariat.counters.selectors.statistics import MonthRange
from secretariat.counters.views.exports import month_tables_download


@login_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    if not desk_access.can_view(request.user):
        raise Http404
    try:
        months = MonthRange.parse(period=request.GET.get("period", ""), first=request.GET.get("from", ""),
                                  last=request.GET.get("to", ""), default=Period.containing(timezone.localdate()))
    except ApplicationError as error:
        return render(request, "counters/consultations/stats.html", {"error": error.render()}, status=error.status)
    table = consultation_table(months)
    file_format = request.GET.get("format", "")
    if file_format:
        try:
            download = month_tables_download(tables=[table], file_format=file_format,
                                             filename_stem=f"consultations-{months.first_text}-{months.last_text}")
        except ApplicationError as error:
            return render(request, "counters/consultations/stats.html", {"error": error.render()},
                          status=error.status)
        return download.response()
    return render(request, "counters/consultations/stats.html", {"table": table, "months": months,
                                                                 "query": request.GET.urlencode()})
