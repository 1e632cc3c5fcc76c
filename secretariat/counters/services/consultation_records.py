"""Consultations given at the counter: a booked citizen served (or not come), a walk-in recorded, and the
logged reveal of a citizen's personal data to a member of staff."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.audit.services import personal_data_access_record
from secretariat.core.actors import Actor, Person, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.access import desks as desk_access
from secretariat.counters.models import Association, Booking, BookingStatus, Consultation, ConsultationField, Mode

CONSULTATION_FIELDS = ["served_on", "field", "mode", "association", "booking", "is_walk_in", "note"]
BOOKING_PERSONAL = ("name", "phone", "email")
WALK_IN_PERSONAL = ("citizen_name", "citizen_phone")


def _check_recorder(actor: Actor) -> None:
    if not desk_access.can_record(actor):
        raise PermissionRefused()


def _check_kind(field: str, mode: str) -> None:
    if field not in ConsultationField.values:
        raise ValidationFailed(_("Choose a field of consultation."), code="invalid", field="field")
    if mode not in Mode.values:
        raise ValidationFailed(_("Choose on site or remote."), code="invalid_mode", field="mode")


def booking_serve(*, actor: Actor, booking_id: int, note: str = "") -> Consultation:
    """The booked citizen was served: the consultation is recorded with the slot's day, field and mode."""
    _check_recorder(actor)
    with transaction.atomic():
        booking = Booking.objects.select_for_update().select_related("slot").filter(pk=booking_id).first()
        if booking is None:
            raise NotFound()
        if booking.status != BookingStatus.BOOKED:
            raise Conflict(_("Only a booking still waiting can be recorded as served."), code="not_booked")
        slot = booking.slot
        if slot.date > timezone.localdate():
            raise ValidationFailed(_("The slot's day has not come yet."), code="not_yet")
        booking.status = BookingStatus.SERVED
        booking.save(update_fields=["status"])
        consultation = Consultation.objects.create(
            served_on=slot.date, field=slot.field, mode=slot.mode, association_id=slot.association_id,
            booking=booking, note=note.strip()[:300], recorded_by=person_or_none(actor))
        record_change(actor=actor, action="counters.consultation_record", target=consultation,
                      after=snapshot(consultation, CONSULTATION_FIELDS))
    return consultation


def booking_no_show(*, actor: Actor, booking_id: int) -> Booking:
    _check_recorder(actor)
    with transaction.atomic():
        booking = Booking.objects.select_for_update().select_related("slot").filter(pk=booking_id).first()
        if booking is None:
            raise NotFound()
        if booking.status != BookingStatus.BOOKED:
            raise Conflict(_("Only a booking still waiting can be marked as not come."), code="not_booked")
        if booking.slot.date > timezone.localdate():
            raise ValidationFailed(_("The slot's day has not come yet."), code="not_yet")
        booking.status = BookingStatus.NO_SHOW
        booking.save(update_fields=["status"])
        record_change(actor=actor, action="counters.booking_no_show", target=booking,
                      before={"status": BookingStatus.BOOKED}, after={"status": booking.status})
    return booking


def walk_in_record(*, actor: Actor, served_on: dt.date, field: str, mode: str = Mode.ON_SITE,
                   association_id: int | None = None, citizen_name: str = "", citizen_phone: str = "",
                   note: str = "") -> Consultation:
    """A citizen who came without booking was served."""
    _check_recorder(actor)
    _check_kind(field, mode)
    if served_on > timezone.localdate():
        raise ValidationFailed(_("A consultation cannot be recorded for a future day."), code="future_date",
                               field="served_on")
    association = None
    if association_id is not None:
        association = Association.objects.filter(pk=association_id).first()
        if association is None or association.field != field:
            raise ValidationFailed(_("The association does not give this field of consultation."),
                                   code="invalid", field="association")
    with transaction.atomic():
        consultation = Consultation.objects.create(
            served_on=served_on, field=field, mode=mode, association=association, is_walk_in=True,
            citizen_name=citizen_name.strip()[:60], citizen_phone=citizen_phone.strip()[:30],
            note=note.strip()[:300], recorded_by=person_or_none(actor))
        record_change(actor=actor, action="counters.consultation_record", target=consultation,
                      after={**snapshot(consultation, CONSULTATION_FIELDS),
                             "has_citizen": bool(consultation.citizen_name or consultation.citizen_phone)})
    return consultation


def booking_personal_data_reveal(*, actor: Person, booking_id: int, reason: str) -> dict[str, str]:
    """The booked citizen's name, phone and e-mail unmasked, for a stated reason; the view is logged."""
    _check_recorder(actor)
    booking = Booking.objects.filter(pk=booking_id).first()
    if booking is None:
        raise NotFound()
    fields = [name for name in BOOKING_PERSONAL if getattr(booking, name)]
    personal_data_access_record(actor=actor, subject=booking, fields=fields, reason=reason)
    return {name: getattr(booking, name) for name in BOOKING_PERSONAL}


def walk_in_personal_data_reveal(*, actor: Person, consultation_id: int, reason: str) -> dict[str, str]:
    _check_recorder(actor)
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        raise NotFound()
    fields = [name for name in WALK_IN_PERSONAL if getattr(consultation, name)]
    if not fields:
        raise ValidationFailed(_("No personal data was recorded for this consultation."), code="nothing_to_show")
    personal_data_access_record(actor=actor, subject=consultation, fields=fields, reason=reason)
    return {"name": consultation.citizen_name, "phone": consultation.citizen_phone}
