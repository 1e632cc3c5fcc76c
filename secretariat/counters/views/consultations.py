"""Staff pages for consultations: the slots of the coming days (publish, withdraw), the bookings with the
citizens' data masked (served, not come, reveal with a logged reason), and walk-ins."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretariat.core import roc
from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.dates import days_after, days_after_or_none
from secretariat.core.errorpages import refusal_page
from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.core.redirects import redirect_next
from secretariat.counters.access import desks as desk_access
from secretariat.counters.constants import BookingStatus, ConsultationField
from secretariat.counters.forms.consultations import RevealForm, SlotForm, WalkInForm
from secretariat.counters.selectors import consultations as selectors
from secretariat.counters.services import consultation_records, consultation_slots

DAYS_SHOWN = 14


def _day(text: str, default: dt.date) -> dt.date:
    try:
        return roc.parse(text) if text and "-" not in text else dt.date.fromisoformat(text) if text else default
    except (ApplicationError, ValueError):
        return default


def _days(text: str) -> int:
    """How many days the page spans: DAYS_SHOWN unless a shorter span is asked for (the home page's card: one)."""
    return min(int(text), DAYS_SHOWN) if text.isdigit() and int(text) > 0 else DAYS_SHOWN


def _days_shown(start: dt.date, days: int = DAYS_SHOWN) -> tuple[dt.date, dt.date]:
    """The first and last day the page shows from `start`: days the calendar holds, written in ROC years."""
    roc.roc_year(start)
    return start, days_after(start, days - 1, field="start")


def _link(start: dt.date, days: int, shown: int = DAYS_SHOWN) -> dt.date | None:
    """The first day of the page before or after, for the pager: None when that page cannot be shown."""
    other = days_after_or_none(start, days)
    try:
        return _days_shown(other, shown)[0] if other else None
    except ApplicationError:
        return None


def _associations(user: Actor | Viewer) -> Any:
    associations = selectors.associations_active()
    if desk_access.can_record(user):
        return associations
    return associations.filter(pk__in=desk_access.association_ids(user))


@login_required
@require_http_methods(["GET", "POST"])
def overview(request: SignedInRequest) -> HttpResponse:
    """Slots of two weeks (or `days`) from `start`, with the publish form; bookings of those days for the
    Secretariat (only those still standing — booked, served or not come — with `live=1`)."""
    user = request.user
    if not desk_access.can_open_slots(user):
        raise Http404
    today = timezone.localdate()
    days = _days(request.GET.get("days", ""))
    live = request.GET.get("live") == "1"
    try:
        start, end = _days_shown(_day(request.GET.get("start", ""), today), days)
    except ApplicationError as error:
        return refusal_page(request, error)
    associations = _associations(user)
    form = SlotForm(request.POST or None, associations=associations,
                    initial={"date": today + dt.timedelta(days=1), "starts_at": "14:00", "ends_at": "14:30"})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                consultation_slots.slot_publish(actor=user, association_id=data["association"].pk, date=data["date"],
                                                starts_at=data["starts_at"], ends_at=data["ends_at"],
                                                mode=data["mode"])
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("The slot was published."))
                return redirect(f"{request.path}?start={start.isoformat()}")
    may_see_people = desk_access.can_view(user)
    bookings = selectors.booking_list(start=start, end=end, live_only=live, limit=200) if may_see_people else []
    return render(request, "counters/consultations/overview.html", {
        "form": form if associations.exists() else None, "start": start, "end": end,
        "previous": _link(start, -days, days), "next": _link(start, days, days),
        "slots": selectors.slot_list(user=user, start=start, end=end),
        "bookings": [(booking, selectors.masked_booking(booking)) for booking in bookings],
        "can_record": desk_access.can_record(user), "today": today,
    }, status=status)


@login_required
@require_POST
def slot_withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    try:
        consultation_slots.slot_withdraw(actor=request.user, slot_id=pk)
    except ApplicationError as error:
        messages.error(request, error.render())
    else:
        messages.success(request, _("The slot was withdrawn."))
    return redirect("counters:consultations")


@login_required
@require_POST
def booking_step(request: SignedInRequest, pk: int, step: str) -> HttpResponse:
    """`served` or `no_show` for a booking of a day that has come."""
    try:
        if step == "served":
            consultation_records.booking_serve(actor=request.user, booking_id=pk, note=request.POST.get("note", ""))
            messages.success(request, _("The consultation was recorded."))
        elif step == "no_show":
            consultation_records.booking_no_show(actor=request.user, booking_id=pk)
            messages.success(request, _("The booking was marked as not come."))
        else:
            raise Http404
    except ApplicationError as error:
        messages.error(request, error.render())
    return redirect_next(request, "counters:consultations")


@login_required
@require_http_methods(["GET", "POST"])
def booking_reveal(request: SignedInRequest, pk: int) -> HttpResponse:
    """The booked citizen's data, unmasked once a reason is given; each reveal is logged."""
    if not desk_access.can_record(request.user):
        raise Http404
    booking = selectors.booking_find(pk=pk)
    if booking is None:
        raise Http404
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        try:
            revealed = consultation_records.booking_personal_data_reveal(
                actor=request.user, booking_id=pk, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            add_service_error(form, error)
    response = render(request, "counters/consultations/reveal.html", {
        "booking": booking, "masked": selectors.masked_booking(booking), "form": form, "revealed": revealed},
        status=400 if request.method == "POST" and revealed is None else 200)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def walk_in(request: SignedInRequest) -> HttpResponse:
    if not desk_access.can_record(request.user):
        raise Http404
    form = WalkInForm(request.POST or None, initial={"served_on": timezone.localdate(),
                                                     "field": ConsultationField.LEGAL})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation_records.walk_in_record(
                actor=request.user, served_on=data["served_on"], field=data["field"], mode=data["mode"],
                association_id=data["association"].pk if data["association"] else None,
                citizen_name=data["citizen_name"], citizen_phone=data["citizen_phone"], note=data["note"])
        except ApplicationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The consultation was recorded."))
            return redirect("counters:consultation_records")
    return render(request, "counters/consultations/walk_in.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def records(request: HttpRequest) -> HttpResponse:
    """Consultations given, newest first, paged by keyset (`after` = the last id shown)."""
    if not desk_access.can_view(request.user):
        raise Http404
    today = timezone.localdate()
    after = request.GET.get("after", "")
    rows = selectors.consultation_list(start=today - dt.timedelta(days=3650), end=today,
                                       after_id=int(after) if after.isdigit() else None)
    return render(request, "counters/consultations/records.html", {
        "rows": [(row, selectors.masked_walk_in(row)) for row in rows],
        "next_after": rows[-1].pk if len(rows) == selectors.PAGE_SIZE else None,
        "can_record": desk_access.can_record(request.user), "served": BookingStatus.SERVED})
