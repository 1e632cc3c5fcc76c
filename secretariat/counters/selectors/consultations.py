"""Reads for consultations: slots (public and staff), bookings with masked personal data, and the
monthly counts by field that the statistics table and the work report print.

Everything here is the Secretariat's own record; callers check `desk_access` first. Counts aggregate in the
database (one GROUP BY over month and field), never by looping over rows.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from secretariat.core.actors import Actor, Viewer
from secretariat.counters.access import desks as desk_access
from secretariat.counters.models import Association, Booking, BookingStatus, Consultation, Slot
from secretariat.petitions.access.personal_data import mask_email, mask_name, mask_phone

PUBLIC_DAYS_AHEAD = 60
PAGE_SIZE = 50
# Bookings still standing for their day: a cancelled one brings nobody to the desk.
LIVE_BOOKINGS = (BookingStatus.BOOKED, BookingStatus.SERVED, BookingStatus.NO_SHOW)


def _active_booking() -> Exists:
    return Exists(Booking.objects.filter(slot=OuterRef("pk"),
                                         status__in=[BookingStatus.BOOKED, BookingStatus.SERVED]))


def open_slots(*, field: str = "", today: dt.date | None = None, days: int = PUBLIC_DAYS_AHEAD) -> QuerySet[Slot]:
    """Slots a citizen may still book: from now on (a slot of today only if it has not begun), not withdrawn,
    not taken."""
    now = timezone.localtime()
    today = today or now.date()
    slots = (Slot.objects.select_related("association")
             .filter(is_withdrawn=False, date__gte=today, date__lte=today + dt.timedelta(days=days))
             .exclude(date=now.date(), starts_at__lte=now.time())
             .annotate(taken=_active_booking()).filter(taken=False))
    if field:
        slots = slots.filter(field=field)
    return slots.order_by("date", "starts_at", "association__sort_order")


def slot_bookable(*, pk: int) -> Slot | None:
    """The slot a citizen asks to book, unless it was withdrawn (whether it is still free is the service's)."""
    return Slot.objects.select_related("association").filter(pk=pk, is_withdrawn=False).first()


def associations_active() -> QuerySet[Association]:
    return Association.objects.filter(is_active=True)


def booking_find(*, pk: int) -> Booking | None:
    return Booking.objects.select_related("slot__association").filter(pk=pk).first()


def booking_with_slot(*, pk: int) -> Booking:
    """A booking just written, read again with its slot."""
    return Booking.objects.select_related("slot").get(pk=pk)


def slot_list(*, user: Actor | Viewer, start: dt.date, end: dt.date, field: str = "") -> QuerySet[Slot]:
    """Slots between two days for the staff page: the Secretariat sees all, an association its own."""
    slots = (Slot.objects.select_related("association").filter(date__gte=start, date__lte=end)
             .annotate(taken=_active_booking()).order_by("date", "starts_at", "association__sort_order"))
    if not desk_access.can_view(user):
        slots = slots.filter(association_id__in=desk_access.association_ids(user))
    return slots.filter(field=field) if field else slots


def _bookings(start: dt.date, end: dt.date, *, status: str = "", live_only: bool = False) -> QuerySet[Booking]:
    rows = Booking.objects.filter(slot__date__gte=start, slot__date__lte=end)
    if status:
        rows = rows.filter(status=status)
    return rows.filter(status__in=LIVE_BOOKINGS) if live_only else rows


def booking_list(*, start: dt.date, end: dt.date, status: str = "", live_only: bool = False,
                 after_id: int | None = None, limit: int = PAGE_SIZE) -> list[Booking]:
    """Bookings of slots between two days, newest slot first, paged by keyset (`after_id`: the last id
    of the previous page, in the same order). `live_only`: not the cancelled ones."""
    rows = (_bookings(start, end, status=status, live_only=live_only).select_related("slot__association")
            .order_by("-slot__date", "-slot__starts_at", "-pk"))
    if after_id is not None:
        last = Booking.objects.select_related("slot").filter(pk=after_id).first()
        if last is not None:
            rows = rows.filter(Q(slot__date__lt=last.slot.date)
                               | Q(slot__date=last.slot.date, slot__starts_at__lt=last.slot.starts_at)
                               | Q(slot__date=last.slot.date, slot__starts_at=last.slot.starts_at, pk__lt=last.pk))
    return list(rows[:limit])


def booking_live_count(*, day: dt.date) -> int:
    """The home page's count of the day's bookings still standing (what `booking_list(live_only=True)` lists):
    one COUNT."""
    return _bookings(day, day, live_only=True).count()


def masked_booking(booking: Booking) -> dict[str, str]:
    """The citizen as staff see them unless they reveal (logged)."""
    return {"name": mask_name(booking.name), "phone": mask_phone(booking.phone), "email": mask_email(booking.email)}


def masked_walk_in(consultation: Consultation) -> dict[str, str]:
    return {"name": mask_name(consultation.citizen_name), "phone": mask_phone(consultation.citizen_phone)}


def consultation_list(*, start: dt.date, end: dt.date, after_id: int | None = None,
                      limit: int = PAGE_SIZE) -> list[Consultation]:
    rows = Consultation.objects.select_related("association").filter(served_on__gte=start, served_on__lte=end)
    if after_id is not None:
        rows = rows.filter(pk__lt=after_id)
    return list(rows.order_by("-pk")[:limit])


def consultation_counts(*, start: dt.date, end: dt.date) -> dict[tuple[tuple[int, int], str], int]:
    """Consultations given between two days, as {((year, month), field): count} (one GROUP BY)."""
    rows = (Consultation.objects.filter(served_on__gte=start, served_on__lte=end)
            .annotate(month=TruncMonth("served_on")).values("month", "field").annotate(n=Count("pk")))
    return {((row["month"].year, row["month"].month), row["field"]): row["n"] for row in rows}
