"""The week grid of shifts (posts × days) with the planning form, attendance and removal; the daily counts
per post; the trainings."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from secretariat.core import roc
from secretariat.core.actors import SignedInRequest
from secretariat.core.dates import days_after_or_none
from secretariat.core.errorpages import refusal_page
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.counters.access import desks as desk_access
from secretariat.counters.forms.volunteers import DailyCountForm, ShiftForm, TrainingForm
from secretariat.counters.selectors import volunteers as selectors
from secretariat.counters.services import volunteer_roster, volunteer_shifts


def _monday(text: str) -> dt.date:
    """The Monday of the week asked for (this week when the address names no day that there is)."""
    try:
        day = dt.date.fromisoformat(text) if text else timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    return _shown(day)


def _shown(day: dt.date) -> dt.date:
    """The Monday of `day`'s week, refused when the week runs past either end of the calendar or begins
    before 1912 (the page writes its days in ROC years)."""
    monday = selectors.week_held(day)
    roc.roc_year(monday)
    return monday


def _week_link(monday: dt.date, days: int) -> dt.date | None:
    """The Monday of the week before or after, for the pager: None when that week cannot be shown."""
    other = days_after_or_none(monday, days)
    try:
        return _shown(other) if other else None
    except ApplicationError:
        return None


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


@login_required
@require_http_methods(["GET", "POST"])
def week(request: SignedInRequest) -> HttpResponse:
    if not desk_access.can_view(request.user):
        raise Http404
    try:
        monday = _monday(request.GET.get("week", ""))
    except ApplicationError as error:
        return refusal_page(request, error)
    can_record = desk_access.can_record(request.user)
    form = ShiftForm(request.POST or None, initial={"date": monday, "starts_at": "09:00", "ends_at": "12:00"})
    status = 200
    if request.method == "POST":
        if not can_record:
            raise Http404
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                shift = volunteer_shifts.shift_plan(
                    actor=request.user, volunteer_id=data["volunteer"].pk, post_id=data["post"].pk,
                    starts_at=_at(data["date"], data["starts_at"]), ends_at=_at(data["date"], data["ends_at"]))
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("The shift was planned."))
                week_of = selectors.week_start(timezone.localtime(shift.starts_at).date())
                return redirect(f"{request.path}?week={week_of.isoformat()}")
    return render(request, "counters/volunteers/week.html", {
        "grid": selectors.week_grid(monday), "monday": monday, "form": form if can_record else None,
        "previous": _week_link(monday, -7), "next": _week_link(monday, 7),
        "can_record": can_record, "now": timezone.now()}, status=status)


@login_required
@require_POST
def shift_step(request: SignedInRequest, pk: int, step: str) -> HttpResponse:
    """`present`, `absent` or `remove` for one shift, back to its week."""
    try:
        if step == "remove":
            volunteer_shifts.shift_remove(actor=request.user, shift_id=pk)
            messages.success(request, _("The shift was removed."))
        elif step in ("present", "absent"):
            minutes = request.POST.get("minutes", "")
            volunteer_shifts.shift_attendance_record(actor=request.user, shift_id=pk, attended=step == "present",
                                                     minutes=int(minutes) if minutes.isdigit() else None)
            messages.success(request, _("Attendance was recorded."))
        else:
            raise Http404
    except ApplicationError as error:
        messages.error(request, error.render())
    return redirect(f"{reverse('counters:volunteer_week')}?week={request.POST.get('week', '')}")


@login_required
@require_http_methods(["GET", "POST"])
def daily_counts(request: SignedInRequest) -> HttpResponse:
    if not desk_access.can_view(request.user):
        raise Http404
    today = timezone.localdate()
    form = DailyCountForm(request.POST or None, initial={"date": today})
    status = 200
    if request.method == "POST":
        if not desk_access.can_record(request.user):
            raise Http404
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                volunteer_roster.daily_count_record(actor=request.user, post_id=data["post"].pk, date=data["date"],
                                                    people_served=data["people_served"], leaflets=data["leaflets"])
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("The counts were saved."))
                return redirect("counters:volunteer_counts")
    return render(request, "counters/volunteers/counts.html", {
        "form": form if desk_access.can_record(request.user) else None,
        "rows": selectors.daily_counts(start=today - dt.timedelta(days=30), end=today)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def trainings(request: SignedInRequest) -> HttpResponse:
    if not desk_access.can_view(request.user):
        raise Http404
    form = TrainingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not desk_access.can_record(request.user):
            raise Http404
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                volunteer_roster.training_record(actor=request.user, held_on=data["held_on"], title=data["title"],
                                                 venue=data["venue"],
                                                 attendee_ids=[volunteer.pk for volunteer in data["attendees"]])
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("The training was recorded."))
                return redirect("counters:volunteer_trainings")
    return render(request, "counters/volunteers/trainings.html", {
        "form": form if desk_access.can_record(request.user) else None,
        "trainings": selectors.training_list()[:100]}, status=status)
