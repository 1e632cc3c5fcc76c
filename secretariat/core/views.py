"""Home dashboard (the cards of the user's role), the working-day calendar, health check and attachment downloads."""

from __future__ import annotations

import calendar as month_grid
import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.core.actors import Actor, SignedInRequest, Viewer, is_signed_in
from secretariat.core.attachments import attachment_open_for, download_response
from secretariat.core.calendar import CalendarOutOfRange, work_calendar
from secretariat.core.dashboards import cards_for, landing_for
from secretariat.core.errors import ApplicationError, NotFound, PermissionRefused
from secretariat.core.forms import CheckedForm, RocDateField, add_service_error
from secretariat.core.selectors import (
    calendar_closure_list,
    calendar_day_list,
    calendar_days_off_upcoming,
    calendar_year_list,
    calendar_year_loaded,
)
from secretariat.core.services import closure_declare, closure_withdraw

if TYPE_CHECKING:
    from secretariat.core.models import CalendarDay


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _upcoming_days_off(today: dt.date) -> list[CalendarDay]:
    return calendar_days_off_upcoming(today=today)


def _coverage_warning(today: dt.date) -> int | None:
    """The next year, when its office calendar is missing and the year ends within 60 days."""
    next_year = today.year + 1
    if (dt.date(next_year, 1, 1) - today).days <= 60 and not calendar_year_loaded(year=next_year):
        return next_year
    return None


def _administers(user: Actor | Viewer) -> bool:
    """Those who may use the administration site (administrators, auditors): the ones who can act on a missing
    calendar, or chase whoever should. The rest could do nothing about it."""
    return is_signed_in(user) and bool(user.is_staff)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    landing = landing_for(request.user)
    if landing is not None:  # a councillor works in the portal, not among the staff's queues
        return redirect(landing)
    today = timezone.localdate()
    calendar = work_calendar()
    try:
        is_working = calendar.is_working_day(today)
        next_working = calendar.next_working_day(today)
    except CalendarOutOfRange:
        is_working, next_working = None, None
    missing_year = _coverage_warning(today) if _administers(request.user) else None
    return render(request, "core/home.html", {
        "today": today, "is_working": is_working, "next_working": next_working,
        "days_off": _upcoming_days_off(today), "missing_year": missing_year,
        "missing_roc_year": missing_year - 1911 if missing_year else None,
        "cards": cards_for(request.user),
    })


class ClosureForm(CheckedForm):
    date = RocDateField(label=_("Date"), help_text=_("2024-07-24 or 113/07/24"))
    note = forms.CharField(label=_("Reason"), max_length=200, help_text=_("For example: 凱米颱風停止上班"))


def _month_weeks(year: int, month: int) -> list[list[dict[str, Any]]]:
    special = {day.date: day for day in calendar_day_list(year=year, month=month)}
    calendar = work_calendar()
    weeks = []
    for week in month_grid.Calendar(firstweekday=6).monthdatescalendar(year, month):
        cells = []
        for day in week:
            covered = calendar.covers(day)
            cells.append({"date": day, "in_month": day.month == month, "entry": special.get(day),
                          "working": calendar.is_working_day(day) if covered else None})
        weeks.append(cells)
    return weeks


def _parse_month(request: HttpRequest) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        dt.date(year, month, 1)
    except (ValueError, OverflowError):  # OverflowError: a year of more digits than a C long holds
        raise Http404(_("No such month.")) from None
    if not 1912 <= year <= 2200:
        raise Http404(_("No such month."))
    return year, month


@login_required
@require_http_methods(["GET", "POST"])
def calendar_month(request: SignedInRequest) -> HttpResponse:
    year, month = _parse_month(request)
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            day = closure_declare(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The closure on %(date)s is recorded; deadlines now skip it.")
                             % {"date": day.date.isoformat()})
            return redirect(f"{reverse('core:calendar')}?year={day.date.year}&month={day.date.month}")
    status = 400 if request.method == "POST" else 200
    first = dt.date(year, month, 1)
    previous = first - dt.timedelta(days=1)
    following = first + dt.timedelta(days=32)
    return render(request, "core/calendar.html", {
        "month_label": _("%(roc)s年%(month)s月 (%(year)s)") % {"roc": year - 1911, "month": month, "year": year},
        "weekdays": [_("Sun"), _("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat")],
        "year": year, "month": month, "first": first, "weeks": _month_weeks(year, month), "form": form,
        "previous": previous, "following": following, "loaded": calendar_year_list(),
        "can_manage": request.user.has_perm("core.manage_calendar"),
        "closures": calendar_closure_list(year=year),
    }, status=status)


@login_required
@require_POST
def calendar_closure_withdraw(request: SignedInRequest, date: str) -> HttpResponse:
    try:
        day = dt.date.fromisoformat(date)
        closure_withdraw(actor=request.user, date=day)
    except ValueError:
        raise Http404 from None
    except ApplicationError as error:
        messages.error(request, error.render())
        return redirect("core:calendar")
    messages.success(request, _("The closure was withdrawn."))
    return redirect(f"{reverse('core:calendar')}?year={day.year}&month={day.month}")


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: Any) -> HttpResponseBase:
    try:
        opened = attachment_open_for(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    except PermissionRefused as refusal:  # a personal-data file without an approval: say what is needed
        return render(request, "error.html", {"status": 403, "message": refusal.render()}, status=403)
    return download_response(opened)
