"""The report pages: choose a period, preview the report (figures link to their records), download it in
any format, compare it with the previous period, and the dashboard of monthly charts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from secretariat.core.errorpages import refusal_page
from secretariat.core.errors import ApplicationError
from secretariat.core.roc import Period
from secretariat.reporting import access
from secretariat.reporting.forms import PeriodForm
from secretariat.reporting.report.compare import report_compare
from secretariat.reporting.report.composer import report_compose
from secretariat.reporting.report.exports import FORMATS, filename, format_get
from secretariat.reporting.report.render.html import report_context
from secretariat.reporting.selectors.periods import periods_with_records
from secretariat.reporting.views.dashboard import monthly_charts


def period_or_404(request: HttpRequest, code: str) -> Period:
    if not access.can_view_report(request.user):
        raise Http404
    try:
        return Period.parse(code)
    except ApplicationError:
        raise Http404 from None


@login_required
@require_GET
def report_index(request: HttpRequest) -> HttpResponse:
    """The periods with records, and a form for any other period."""
    if not access.can_view_report(request.user):
        raise Http404
    form = PeriodForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("reporting:preview", code=form.cleaned_data["period"].code)
    return render(request, "reporting/index.html", {"form": form, "periods": periods_with_records()},
                  status=400 if request.GET else 200)


@login_required
@require_GET
def report_preview(request: HttpRequest, code: str) -> HttpResponse:
    period = period_or_404(request, code)
    report = report_compose(period=period)
    return render(request, "reporting/preview.html", {
        **report_context(report), "period": period, "formats": list(FORMATS),
        "edit_prose": access.can_edit_prose(request.user)})


@login_required
@require_GET
def report_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    period = period_or_404(request, code)
    try:
        chosen = format_get(fmt)
    except ApplicationError:
        raise Http404 from None
    try:
        data = chosen.render(report_compose(period=period))
    except ApplicationError as error:  # a PDF without LibreOffice: the user is told to take the ODT
        return render(request, "error.html", {"status": error.status, "message": error.render()},
                      status=error.status)
    response = HttpResponse(data, content_type=chosen.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(period, chosen)}"'
    return response


@login_required
@require_GET
def report_comparison(request: HttpRequest, code: str) -> HttpResponse:
    period = period_or_404(request, code)
    try:
        previous = period.previous()
    except ApplicationError as error:  # 1H1, the first period there is
        return refusal_page(request, error)
    changes = report_compare(report_compose(period=period, prose={}), report_compose(period=previous, prose={}))
    return render(request, "reporting/compare.html", {"period": period, "previous": previous, "changes": changes})


@login_required
@require_GET
def report_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    period = period_or_404(request, code)
    return render(request, "reporting/dashboard.html", {
        "period": period, "charts": monthly_charts(report_compose(period=period, prose={}))})
