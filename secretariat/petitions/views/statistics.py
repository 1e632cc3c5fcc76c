"""The petition statistics page (for the Secretariat and, for their own agency, agency staff) and its
downloads. Thin: the figures come from selectors.statistics, the files from views.exports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from secretariat.core import charts
from secretariat.core.errors import ApplicationError, PermissionRefused
from secretariat.core.roc import Period
from secretariat.petitions.selectors import statistics as stats

OVERDUE_SHOWN = 100


def received_chart(months: list[stats.MonthCount]) -> charts.Chart:
    """Bars of petitions received per month, each with its number over it."""
    title = _("Petitions received by month")
    return charts.month_chart(title=title, months=[f"{month.month}月" for month in months],
                              bars=charts.Series(name=title, values=[month.received for month in months]))


def _scope(request: HttpRequest) -> set[int] | None:
    try:
        return stats.stats_scope(request.user)
    except PermissionRefused:
        raise PermissionDenied from None


def _period(request: HttpRequest) -> Period:
    """The chosen half-year; the current one (Asia/Taipei) when none is chosen."""
    text = request.GET.get("period", "").strip()[:20]
    return Period.parse(text) if text else Period.containing(timezone.localdate())


@login_required
@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    options = stats.periods_on_record(agency_ids=scope)
    try:
        period = _period(request)
    except ApplicationError as error:
        return render(request, "petitions/stats.html", {"error": error.render(), "options": options,
                                                        "chosen": request.GET.get("period", "")[:20]}, status=400)
    today = timezone.localdate()
    rows = stats.by_agency(period=period, agency_ids=scope)
    months = stats.by_month(period=period, agency_ids=scope)
    overdue_total, overdue_rows = stats.overdue(period=period, agency_ids=scope, today=today, limit=OVERDUE_SHOWN)
    return render(request, "petitions/stats.html", {
        "period": period, "chosen": period.code, "options": options if period in options else [period, *options],
        "rows": rows, "pairs": stats.two_columns(rows), "total": stats.total_of(rows),
        "months": months, "chart": received_chart(months),
        "overdue_total": overdue_total, "overdue_rows": overdue_rows, "today": today,
        "scoped": scope is not None, "formats": ("ods", "xlsx", "csv"),
    })


@login_required
@require_GET
def statistics_download(request: HttpRequest, file_format: str) -> HttpResponse:
    from secretariat.petitions.views.exports import statistics_download as build

    scope = _scope(request)
    try:
        download = build(period=_period(request), agency_ids=scope, file_format=file_format)
    except ApplicationError as error:
        return render(request, "petitions/stats.html", {"error": error.render(), "chosen": request.GET.get(
            "period", "")[:20], "options": stats.periods_on_record(agency_ids=scope)}, status=400)
    return download.response()
