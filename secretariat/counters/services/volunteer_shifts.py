"""Shift planning and attendance. A volunteer cannot be in two places at once: a shift overlapping
another of the same volunteer is refused, checked while the volunteer's row is locked so that two planners
placing the same person at once cannot both succeed."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.core import roc
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, ValidationFailed
from secretariat.counters.models import Post, Shift, Volunteer
from secretariat.counters.services.volunteer_roster import check_recorder

SHIFT_FIELDS = ["volunteer", "post", "starts_at", "ends_at", "minutes", "attended", "attended_minutes"]
LONGEST_SHIFT = dt.timedelta(hours=12)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _minutes(starts_at: dt.datetime, ends_at: dt.datetime) -> int:
    return int((ends_at - starts_at).total_seconds() // 60)


def shift_plan(*, actor: Actor, volunteer_id: int, post_id: int, starts_at: dt.datetime,
               ends_at: dt.datetime) -> Shift:
    """Place a volunteer at a post for a time. Refused: ends before it starts, longer than 12 hours, an
    inactive volunteer or post, or an overlap with another shift of the same volunteer (409)."""
    check_recorder(actor)
    starts_at, ends_at = _aware(starts_at), _aware(ends_at)
    if ends_at <= starts_at:
        raise ValidationFailed(_("The shift must end after it starts."), code="invalid_times", field="ends_at")
    if ends_at - starts_at > LONGEST_SHIFT:
        raise ValidationFailed(_("A shift lasts at most 12 hours."), code="invalid_times", field="ends_at")
    post = Post.objects.filter(pk=post_id, is_active=True).first()
    if post is None:
        raise ValidationFailed(_("Choose a post."), code="invalid", field="post")
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().filter(pk=volunteer_id, is_active=True).first()
        if volunteer is None:
            raise ValidationFailed(_("Choose a volunteer on the roster."), code="invalid", field="volunteer")
        clash = (Shift.objects.filter(volunteer=volunteer, starts_at__lt=ends_at, ends_at__gt=starts_at)
                 .select_related("post").first())
        if clash is not None:
            local = timezone.localtime(clash.starts_at)
            raise Conflict(
                _("%(name)s already has a shift at %(post)s on %(day)s from %(start)s to %(end)s."),
                code="shift_overlap", field="starts_at",
                params={"name": volunteer.name, "post": clash.post.name, "day": roc.format_words(local.date()),
                        "start": f"{local:%H:%M}", "end": f"{timezone.localtime(clash.ends_at):%H:%M}"})
        shift = Shift.objects.create(volunteer=volunteer, post=post, starts_at=starts_at, ends_at=ends_at,
                                     minutes=_minutes(starts_at, ends_at), planned_by=person_or_none(actor))
        record_change(actor=actor, action="counters.shift_plan", target=shift, after=snapshot(shift, SHIFT_FIELDS))
    return shift


def shift_remove(*, actor: Actor, shift_id: int) -> None:
    """Take a shift off the plan; one whose attendance was taken stays (it counts for the hours)."""
    check_recorder(actor)
    with transaction.atomic():
        shift = Shift.objects.select_for_update().filter(pk=shift_id).first()
        if shift is None:
            raise NotFound()
        if shift.attended is not None:
            raise Conflict(_("Attendance was taken for this shift; it cannot be removed."), code="shift_attended")
        before = snapshot(shift, SHIFT_FIELDS)
        record_change(actor=actor, action="counters.shift_remove", target=shift, before=before)
        shift.delete()


def shift_attendance_record(*, actor: Actor, shift_id: int, attended: bool, minutes: int | None = None) -> Shift:
    """Take attendance: present (for the planned time, or `minutes` when they stayed shorter or longer) or
    absent (0 minutes). Not before the shift has begun."""
    check_recorder(actor)
    with transaction.atomic():
        shift = Shift.objects.select_for_update().filter(pk=shift_id).first()
        if shift is None:
            raise NotFound()
        if shift.starts_at > timezone.now():
            raise ValidationFailed(_("Attendance can be taken once the shift has begun."), code="not_yet")
        served = 0
        if attended:
            served = shift.minutes if minutes is None else minutes
            if isinstance(served, bool) or not isinstance(served, int) or not 0 < served <= 12 * 60:
                raise ValidationFailed(_("Give the minutes served, between 1 and 720."), code="invalid",
                                       field="minutes")
        before = snapshot(shift, SHIFT_FIELDS)
        shift.attended, shift.attended_minutes = attended, served
        shift.save(update_fields=["attended", "attended_minutes"])
        record_change(actor=actor, action="counters.shift_attendance", target=shift, before=before,
                      after=snapshot(shift, SHIFT_FIELDS))
    return shift
