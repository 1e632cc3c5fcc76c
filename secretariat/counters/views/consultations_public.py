"""The citizen's consultation pages, no account needed: the open slots, the booking form, the confirmation
(with the cancel link, also mailed) and cancelling. Cancelling is a button (POST) on the page the link
opens: mail scanners open links, and a GET that cancelled would cancel for them."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from secretariat.core.errors import ApplicationError
from secretariat.core.forms import add_service_error
from secretariat.core.request_context import client_address
from secretariat.counters.constants import ConsultationField
from secretariat.counters.forms.consultations import BookingForm
from secretariat.counters.selectors import consultations as selectors
from secretariat.counters.services import consultation_bookings as services


@require_GET
def slots(request: HttpRequest) -> HttpResponse:
    field = request.GET.get("field", "")
    field = field if field in ConsultationField.values else ""
    return render(request, "counters/consultations/public_slots.html", {
        "slots": selectors.open_slots(field=field)[:200], "field": field, "fields": ConsultationField.choices})


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, slot_id: int) -> HttpResponse:
    slot = selectors.slot_bookable(pk=slot_id)
    if slot is None:
        raise Http404
    form = BookingForm(request.POST or None, initial={"field": slot.field})
    status = 200
    if request.method == "POST":
        status = 400
        if request.POST.get("website"):
            # A robot filled the hidden field: answer as if all went well, book nothing.
            return render(request, "counters/consultations/public_booked.html", {"slot": slot, "cancel_url": ""})
        if form.is_valid():
            data = form.cleaned_data
            try:
                booked = services.booking_create(slot_id=slot.pk, name=data["name"], phone=data["phone"],
                                                 email=data["email"] or "", question=data["question"],
                                                 field=data["field"], client_ip=client_address(request))
            except ApplicationError as error:
                add_service_error(form, error)
                status = error.status
            else:
                response = render(request, "counters/consultations/public_booked.html", {
                    "slot": slot, "cancel_url": services.cancel_url(booked.token),
                    "emailed": bool(booked.booking.email)}, status=201)
                add_never_cache_headers(response)
                return response
    return render(request, "counters/consultations/public_book.html", {"slot": slot, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    try:
        booking = (services.booking_cancel(token=token) if request.method == "POST"
                   else services.booking_for_token(token=token))
    except ApplicationError as error:
        return render(request, "counters/consultations/public_cancel.html", {"error": error.render()},
                      status=error.status)
    response = render(request, "counters/consultations/public_cancel.html", {
        "booking": booking, "slot": booking.slot, "done": request.method == "POST"})
    add_never_cache_headers(response)
    return response
