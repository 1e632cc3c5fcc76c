"""The mayor's public schedule for the press: staff enter a day's items; the day is public from the
configured morning hour (`media.schedule_public_hour`, 07:00) or earlier when published explicitly."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.access import press as access
from secretariat.media.models import ScheduleDay, ScheduleEntry
from secretariat.media.services import public_cache

TAIPEI = ZoneInfo("Asia/Taipei")


def schedule_entry_add(*, actor: Actor, starts_at: dt.datetime, place: str, event: str,
                       now: dt.datetime | None = None) -> ScheduleEntry:
    """Add a public item to the mayor's schedule. An item in the past is refused."""
    if not access.can_keep_records(actor):
        raise PermissionRefused()
    place, event = (place or "").strip(), (event or "").strip()
    if not place or not event:
        raise ValidationFailed(_("Give the place and the event."), code="missing_fields",
                               field="place" if not place else "event")
    if timezone.is_naive(starts_at):
        starts_at = starts_at.replace(tzinfo=TAIPEI)
    if starts_at <= (now or timezone.now()):
        raise ValidationFailed(_("The time is in the past: the schedule lists coming events only."),
                               code="in_past", field="starts_at")
    try:
        with transaction.atomic():
            day, _created = ScheduleDay.objects.get_or_create(day=starts_at.astimezone(TAIPEI).date())
            entry = ScheduleEntry.objects.create(day=day, starts_at=starts_at, place=place[:120], event=event[:200],
                                                 recorded_by=person_or_none(actor))
            record_change(actor=actor, action="media.schedule_entry_add", target=entry,
                          after=snapshot(entry, ["starts_at", "place", "event"]))
    except IntegrityError:
        raise Conflict(_("This event is already on the schedule at that time."), code="duplicate") from None
    transaction.on_commit(public_cache.bump)
    return entry


def schedule_entry_remove(*, actor: Actor, entry_id: int, now: dt.datetime | None = None) -> None:
    """Take a coming item off the schedule (a past item is history and stays)."""
    if not access.can_keep_records(actor):
        raise PermissionRefused()
    with transaction.atomic():
        entry = ScheduleEntry.objects.select_for_update().filter(pk=entry_id).first()
        if entry is None:
            raise NotFound()
        if entry.starts_at <= (now or timezone.now()):
            raise ValidationFailed(_("A past schedule item cannot be removed."), code="in_past")
        record_change(actor=actor, action="media.schedule_entry_remove", target=entry,
                      before=snapshot(entry, ["starts_at", "place", "event"]))
        entry.delete()
    transaction.on_commit(public_cache.bump)


def schedule_day_publish(*, actor: Actor, day: dt.date) -> ScheduleDay:
    """Make a day's schedule public now, before the morning hour."""
    if not access.can_keep_records(actor):
        raise PermissionRefused()
    with transaction.atomic():
        row = ScheduleDay.objects.select_for_update().filter(day=day).first()
        if row is None or not row.entries.exists():
            raise ValidationFailed(_("The day has no schedule items to publish."), code="empty")
        if row.published_at is None:
            row.published_at, row.published_by = timezone.now(), person_or_none(actor)
            row.save(update_fields=["published_at", "published_by"])
            record_change(actor=actor, action="media.schedule_day_publish", target=row,
                          after={"day": day.isoformat(), "published_at": row.published_at.isoformat()})
    transaction.on_commit(public_cache.bump)
    return row
