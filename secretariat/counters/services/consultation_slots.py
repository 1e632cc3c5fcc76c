"""Publishing consultation slots: by the Secretariat or by a partner association's own account."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.access import desks as desk_access
from secretariat.counters.models import Association, BookingStatus, ConsultationField, Mode, Slot

SLOT_FIELDS = ["association", "field", "date", "starts_at", "ends_at", "mode", "is_withdrawn"]


def _check_times(*, date: dt.date, starts_at: dt.time, ends_at: dt.time, mode: str) -> None:
    if mode not in Mode.values:
        raise ValidationFailed(_("Choose on site or remote."), code="invalid_mode", field="mode")
    if ends_at <= starts_at:
        raise ValidationFailed(_("The slot must end after it starts."), code="invalid_times", field="ends_at")
    if date < timezone.localdate():
        raise ValidationFailed(_("A slot cannot be published for a past day."), code="past_date", field="date")


def slot_publish(*, actor: Actor, association_id: int, date: dt.date, starts_at: dt.time, ends_at: dt.time,
                 mode: str = Mode.ON_SITE) -> Slot:
    """Publish one bookable slot (one citizen). The same association, day, start and mode once only."""
    association = Association.objects.filter(pk=association_id, is_active=True).first()
    if association is None:
        raise ValidationFailed(_("Choose a partner association."), code="invalid", field="association")
    if not desk_access.can_publish_for(actor, association.pk):
        raise PermissionRefused()
    _check_times(date=date, starts_at=starts_at, ends_at=ends_at, mode=mode)
    try:
        with transaction.atomic():
            slot = Slot.objects.create(association=association, field=association.field, date=date,
                                       starts_at=starts_at, ends_at=ends_at, mode=mode,
                                       published_by=person_or_none(actor))
            record_change(actor=actor, action="counters.slot_publish", target=slot,
                          after=snapshot(slot, SLOT_FIELDS))
    except IntegrityError:
        raise Conflict(_("This association already has a slot starting then."), code="slot_exists",
                       field="starts_at") from None
    return slot


def slot_withdraw(*, actor: Actor, slot_id: int) -> Slot:
    """Take a slot off the public page. A booked slot cannot be withdrawn: the citizen cancels, or staff
    record them as served or not come."""
    with transaction.atomic():
        slot = Slot.objects.select_for_update().filter(pk=slot_id).first()
        if slot is None or not desk_access.can_publish_for(actor, slot.association_id):
            raise NotFound()
        if slot.bookings.filter(status=BookingStatus.BOOKED).exists():
            raise Conflict(_("The slot is booked; it cannot be withdrawn."), code="slot_booked")
        before = snapshot(slot, SLOT_FIELDS)
        slot.is_withdrawn = True
        slot.save(update_fields=["is_withdrawn"])
        record_change(actor=actor, action="counters.slot_withdraw", target=slot, before=before,
                      after=snapshot(slot, SLOT_FIELDS))
    return slot


ASSOCIATION_FIELDS = ["name", "field", "is_active", "sort_order"]


def association_save(*, actor: Actor, association: Association | None = None, name: str, field: str,
                     is_active: bool = True, sort_order: int = 0) -> Association:
    """Add or change a partner association (reference data, edited by the administrator in the admin)."""
    if not (actor is SYSTEM or getattr(actor, "has_perm", lambda perm: False)("counters.change_association")):
        raise PermissionRefused()
    name = name.strip()
    if not name:
        raise ValidationFailed(_("A name is required."), code="missing_fields", field="name")
    if field not in ConsultationField.values:
        raise ValidationFailed(_("Choose a field of consultation."), code="invalid", field="field")
    same_name = Association.objects.filter(name=name)
    if association is not None:
        same_name = same_name.exclude(pk=association.pk)
    if same_name.exists():
        raise Conflict(_("Another association already has this name."), code="duplicate", field="name")
    with transaction.atomic():
        before = snapshot(association, ASSOCIATION_FIELDS) if association else None
        row = association or Association()
        row.name, row.field, row.is_active, row.sort_order = name[:80], field, is_active, sort_order
        row.save()
        record_change(actor=actor, action="counters.association_save", target=row, before=before,
                      after=snapshot(row, ASSOCIATION_FIELDS))
    return row
