"""Consultations over JSON: slots (list, publish, withdraw), the public booking and its cancel (no
account: `auth=None`, rate-limited per address like the page), bookings for staff with the citizen masked,
served / not come, walk-ins, and the month table. Endpoints are thin: the services decide."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from secretariat.core.actors import SignedInRequest
from secretariat.core.dates import days_after
from secretariat.core.errors import NotFound, PermissionRefused
from secretariat.core.request_context import client_address
from secretariat.core.roc import Period
from secretariat.counters.access import desks as desk_access
from secretariat.counters.api.schemas import (
    BookedOut,
    BookingIn,
    BookingOut,
    CancelIn,
    ConsultationOut,
    ConsultationTableOut,
    ServeIn,
    SlotIn,
    SlotOut,
    TableRowOut,
    WalkInIn,
)
from secretariat.counters.selectors import consultations as selectors
from secretariat.counters.selectors.consultation_statistics import consultation_table
from secretariat.counters.selectors.statistics import MonthRange
from secretariat.counters.services import consultation_bookings, consultation_records, consultation_slots

if TYPE_CHECKING:
    from secretariat.counters.models import Booking, Consultation, Slot

router = Router(tags=["counters"])


def _slot(slot: Slot, *, booked: bool | None = None) -> SlotOut:
    taken = booked if booked is not None else bool(getattr(slot, "taken", False))
    return SlotOut(id=slot.pk, association=slot.association.name, field=slot.field, date=slot.date,
                   starts_at=slot.starts_at, ends_at=slot.ends_at, mode=slot.mode, withdrawn=slot.is_withdrawn,
                   booked=taken)


def _booking(booking: Booking) -> BookingOut:
    masked = selectors.masked_booking(booking)
    return BookingOut(id=booking.pk, slot_id=booking.slot_id, date=booking.slot.date, starts_at=booking.slot.starts_at,
                      field=booking.slot.field, status=booking.status, name=masked["name"], phone=masked["phone"],
                      question=booking.question)


def _consultation(row: Consultation) -> ConsultationOut:
    return ConsultationOut(id=row.pk, served_on=row.served_on, field=row.field, mode=row.mode,
                           association=row.association.name if row.association else None, walk_in=row.is_walk_in,
                           booking_id=row.booking_id)


@router.get("/consultations/open-slots", response=list[SlotOut], auth=None, summary="Slots a citizen may book")
def open_slots(request: HttpRequest, field: str = "") -> list[SlotOut]:
    return [_slot(slot, booked=False) for slot in selectors.open_slots(field=field)[:200]]


@router.post("/consultations/bookings", response={201: BookedOut}, auth=None, summary="Book a slot (public)")
def book(request: HttpRequest, payload: BookingIn) -> Status[BookedOut]:
    booked = consultation_bookings.booking_create(
        slot_id=payload.slot_id, name=payload.name, phone=payload.phone, email=payload.email, field=payload.field,
        question=payload.question, client_ip=client_address(request))
    booking = booked.booking
    return Status(201, BookedOut(id=booking.pk, slot=_slot(booking.slot, booked=True), status=booking.status,
                                 cancel_token=booked.token))


@router.post("/consultations/bookings/cancel", response=BookingOut, auth=None, summary="Cancel with the token")
def cancel(request: HttpRequest, payload: CancelIn) -> BookingOut:
    return _booking(consultation_bookings.booking_cancel(token=payload.token))


@router.get("/consultations/slots", response=list[SlotOut], summary="Slots between two days (staff, associations)")
def slots(request: HttpRequest, start: dt.date | None = None, end: dt.date | None = None,
          field: str = "") -> list[SlotOut]:
    if not desk_access.can_open_slots(request.user):
        raise NotFound()
    start = start or timezone.localdate()
    end = end or days_after(start, 30, field="start")
    return [_slot(slot) for slot in selectors.slot_list(user=request.user, start=start, end=end, field=field)[:500]]


@router.post("/consultations/slots", response={201: SlotOut}, summary="Publish a slot")
def publish(request: SignedInRequest, payload: SlotIn) -> Status[SlotOut]:
    slot = consultation_slots.slot_publish(actor=request.user, association_id=payload.association_id,
                                           date=payload.date, starts_at=payload.starts_at, ends_at=payload.ends_at,
                                           mode=payload.mode)
    return Status(201, _slot(slot, booked=False))


@router.post("/consultations/slots/{slot_id}/withdraw", response=SlotOut, summary="Withdraw an open slot")
def withdraw(request: SignedInRequest, slot_id: int) -> SlotOut:
    return _slot(consultation_slots.slot_withdraw(actor=request.user, slot_id=slot_id), booked=False)


@router.get("/consultations/bookings", response=list[BookingOut], summary="Bookings (citizens masked)")
def bookings(request: HttpRequest, start: dt.date | None = None, end: dt.date | None = None, status: str = "",
             after: int | None = None) -> list[BookingOut]:
    """Newest slot first, 50 at a time: pass the last id as `after` for the next page."""
    if not desk_access.can_view(request.user):
        raise NotFound()
    today = timezone.localdate()
    rows = selectors.booking_list(start=start or today - dt.timedelta(days=30),
                                  end=end or today + dt.timedelta(days=60), status=status, after_id=after)
    return [_booking(row) for row in rows]


@router.post("/consultations/bookings/{booking_id}/served", response={201: ConsultationOut},
             summary="Record the booked citizen as served")
def served(request: SignedInRequest, booking_id: int, payload: ServeIn) -> Status[ConsultationOut]:
    row = consultation_records.booking_serve(actor=request.user, booking_id=booking_id, note=payload.note)
    return Status(201, _consultation(row))


@router.post("/consultations/bookings/{booking_id}/no-show", response=BookingOut, summary="The citizen did not come")
def no_show(request: SignedInRequest, booking_id: int) -> BookingOut:
    booking = consultation_records.booking_no_show(actor=request.user, booking_id=booking_id)
    return _booking(selectors.booking_with_slot(pk=booking.pk))


@router.post("/consultations/walk-ins", response={201: ConsultationOut}, summary="Record a walk-in consultation")
def walk_in(request: SignedInRequest, payload: WalkInIn) -> Status[ConsultationOut]:
    row = consultation_records.walk_in_record(
        actor=request.user, served_on=payload.served_on, field=payload.field, mode=payload.mode,
        association_id=payload.association_id, citizen_name=payload.citizen_name,
        citizen_phone=payload.citizen_phone, note=payload.note)
    return Status(201, _consultation(row))


@router.get("/consultations/table", response=ConsultationTableOut, summary="Consultations by month and field")
def table(request: HttpRequest, period: str = "", first: str = "", last: str = "") -> ConsultationTableOut:
    """The seed's table for a half-year (`112H2`) or a span of months (`first`/`last`, e.g. 112/07)."""
    if not desk_access.can_view(request.user):
        raise PermissionRefused()
    months = MonthRange.parse(period=period, first=first, last=last, default=Period.containing(timezone.localdate()))
    built = consultation_table(months)
    return ConsultationTableOut(months=built.month_labels,
                    rows=[TableRowOut(key=row.key, label=row.label, months=list(row.cells), total=row.total)
                          for row in built.all_rows])
