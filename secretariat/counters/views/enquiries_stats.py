"""The counter's statistics page: for a ROC half-year (the current one by default) or any month range, the seed's
two tables (enquiries by category; petition help, individual and collective), a monthly trend chart,
and the downloads (ODS, XLSX, CSV). Thin: figures from counters.selectors.statistics, files from
counters.views.exports.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from secretariat.core import charts
from secretariat.core.errors import ApplicationError
from secretariat.core.roc import Period
from secretariat.counters.selectors import enquiries as selectors
from secretariat.counters.selectors.statistics import (
    MonthRange,
    MonthTable,
    current_period,
    enquiry_table,
    help_table,
)
from secretariat.counters.views import exports

TEMPLATE = "counters/enquiries/statistics.html"
FORMATS = ("ods", "xlsx", "csv")


OFFERED_AT_LEAST = 4
OFFERED_AT_MOST = 20  # ten years of half-years


def _periods() -> list[Period]:
    """The half-years offered in the menu: the current one back to the earliest with enquiries (at least
    four, so a new counter can still look back; at most ten years)."""
    first_day = selectors.first_enquiry_day()
    oldest = Period.containing(first_day) if first_day else current_period()
    options = [current_period()]
    while (options[-1] > oldest or len(options) < OFFERED_AT_LEAST) and len(options) < OFFERED_AT_MOST:
        options.append(options[-1].previous())
    return options


def trend_chart(table: MonthTable, title: str = "") -> charts.Chart:
    """The table's monthly trend: bars for its 合計 row, a line per category; the legend gives each row's
    總計 column."""
    return charts.month_chart(
        title=title or table.title, months=table.month_labels,
        bars=charts.Series(name=table.summary.label, values=table.summary.cells),
        lines=[charts.Series(name=row.label, values=row.cells, total=row.total) for row in table.rows])


def _range(request: HttpRequest) -> MonthRange:
    return MonthRange.parse(period=request.GET.get("period", "")[:20], first=request.GET.get("from", "")[:20],
                            last=request.GET.get("to", "")[:20], default=current_period())


def _form_context(request: HttpRequest) -> dict[str, Any]:
    return {"periods": _periods(), "chosen": request.GET.get("period", "")[:20],
            "may_record": selectors.may_record(request.user)}


@login_required
@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    if not selectors.may_view_statistics(request.user):
        raise Http404
    try:
        months = _range(request)
    except ApplicationError as error:
        return render(request, TEMPLATE, {**_form_context(request), "error": error.render()}, status=400)
    enquiries = enquiry_table(months)
    helped = help_table(months)
    chosen = months.period.code if months.period and not request.GET.get("from") else ""
    return render(request, TEMPLATE, {
        **_form_context(request), "months": months, "chosen": chosen, "tables": [enquiries, helped],
        "chart": trend_chart(enquiries, _("Monthly trend of counter enquiries")),
        "help_chart": trend_chart(helped, _("Monthly trend of petition help")),
        "formats": FORMATS, "query": request.GET.urlencode(),
    })


@login_required
@require_GET
def statistics_download(request: HttpRequest, file_format: str) -> HttpResponse:
    if not selectors.may_view_statistics(request.user):
        raise Http404
    try:
        months = _range(request)
        download = exports.month_tables_download(
            tables=[enquiry_table(months), help_table(months)], file_format=file_format,
            filename_stem=f"counter-statistics-{months.first_text}-{months.last_text}")
    except ApplicationError as error:
        return render(request, TEMPLATE, {**_form_context(request), "error": error.render()}, status=400)
    return download.response()
