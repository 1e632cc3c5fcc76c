"""The volunteer roster, the daily counts per post, and the trainings: checked, atomic, audited writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.audit.services import personal_data_access_record
from secretariat.core.actors import Actor, Person, person_or_none
from secretariat.core.changes import SYSTEM, record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.counters.access import desks as desk_access
from secretariat.counters.models import DailyCount, Post, Volunteer, VolunteerTraining

# Phone and e-mail are personal data: the audit trail records that they changed, never their values.
VOLUNTEER_FIELDS = ["name", "skills", "availability", "joined_on", "is_active"]
VOLUNTEER_PERSONAL = ("phone", "email")


def check_recorder(actor: Actor) -> None:
    if not desk_access.can_record(actor):
        raise PermissionRefused()


def _clean_volunteer(name: str, phone: str, email: str) -> tuple[str, str, str]:
    name, phone, email = name.strip(), phone.strip(), email.strip()
    if not name:
        raise ValidationFailed(_("A name is required."), code="missing_fields", field="name")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationFailed(_("The e-mail address is not valid."), code="invalid", field="email") from None
    return name[:60], phone[:30], email


def volunteer_create(*, actor: Actor, name: str, phone: str = "", email: str = "", skills: str = "",
                     availability: str = "", joined_on: dt.date | None = None) -> Volunteer:
    check_recorder(actor)
    name, phone, email = _clean_volunteer(name, phone, email)
    with transaction.atomic():
        volunteer = Volunteer.objects.create(name=name, phone=phone, email=email, skills=skills.strip()[:300],
                                             availability=availability.strip()[:300], joined_on=joined_on)
        record_change(actor=actor, action="counters.volunteer_create", target=volunteer,
                      after={**snapshot(volunteer, VOLUNTEER_FIELDS), "has_phone": bool(phone),
                             "has_email": bool(email)})
    return volunteer


def volunteer_update(*, actor: Actor, volunteer_id: int, name: str, phone: str = "", email: str = "",
                     skills: str = "", availability: str = "", is_active: bool = True) -> Volunteer:
    check_recorder(actor)
    name, phone, email = _clean_volunteer(name, phone, email)
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().filter(pk=volunteer_id).first()
        if volunteer is None:
            raise NotFound()
        before = snapshot(volunteer, VOLUNTEER_FIELDS)
        contacts_changed = (volunteer.phone, volunteer.email) != (phone, email)
        volunteer.name, volunteer.phone, volunteer.email = name, phone, email
        volunteer.skills, volunteer.availability = skills.strip()[:300], availability.strip()[:300]
        volunteer.is_active = is_active
        volunteer.save()
        record_change(actor=actor, action="counters.volunteer_update", target=volunteer, before=before,
                      after={**snapshot(volunteer, VOLUNTEER_FIELDS), "contacts_changed": contacts_changed})
    return volunteer


def volunteer_personal_data_reveal(*, actor: Person, volunteer_id: int, reason: str) -> dict[str, str]:
    """The volunteer's phone and e-mail, for a stated reason; the view is logged."""
    check_recorder(actor)
    volunteer = Volunteer.objects.filter(pk=volunteer_id).first()
    if volunteer is None:
        raise NotFound()
    fields = [name for name in VOLUNTEER_PERSONAL if getattr(volunteer, name)]
    if not fields:
        raise ValidationFailed(_("No contact details are recorded for this volunteer."), code="nothing_to_show")
    personal_data_access_record(actor=actor, subject=volunteer, fields=fields, reason=reason)
    return {"phone": volunteer.phone, "email": volunteer.email}


def _count(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationFailed(_("Counts are whole numbers."), code="invalid", field=field)
    if value < 0:
        raise ValidationFailed(_("A count cannot be negative."), code="negative_count", field=field)
    if value > 1_000_000:
        raise ValidationFailed(_("The count is too large for one post and day."), code="invalid", field=field)
    return value


def daily_count_record(*, actor: Actor, post_id: int, date: dt.date, people_served: int, leaflets: int) -> DailyCount:
    """Set one post's counts for one day (a second entry for the same post and day replaces the first)."""
    check_recorder(actor)
    people_served = _count(people_served, "people_served")
    leaflets = _count(leaflets, "leaflets")
    if date > timezone.localdate():
        raise ValidationFailed(_("Counts cannot be recorded for a future day."), code="future_date", field="date")
    post = Post.objects.filter(pk=post_id, is_active=True).first()
    if post is None:
        raise ValidationFailed(_("Choose a post."), code="invalid", field="post")
    with transaction.atomic():
        row = DailyCount.objects.select_for_update().filter(post=post, date=date).first()
        before = None if row is None else {"people_served": row.people_served, "leaflets": row.leaflets}
        if row is None:
            # get_or_create: two clerks entering the same post and day at once end on one row.
            row, _created = DailyCount.objects.get_or_create(post=post, date=date)
            row = DailyCount.objects.select_for_update().get(pk=row.pk)
        row.people_served, row.leaflets, row.recorded_by = people_served, leaflets, person_or_none(actor)
        row.save()
        record_change(actor=actor, action="counters.daily_count_record", target=row, before=before,
                      after={"post": post.pk, "date": date.isoformat(), "people_served": people_served,
                             "leaflets": leaflets})
    return row


def training_record(*, actor: Actor, held_on: dt.date, title: str, venue: str = "",
                    attendee_ids: Sequence[int] = ()) -> VolunteerTraining:
    check_recorder(actor)
    title = title.strip()
    if not title:
        raise ValidationFailed(_("A title is required."), code="missing_fields", field="title")
    attendees = list(Volunteer.objects.filter(pk__in=set(attendee_ids)))
    if len(attendees) != len(set(attendee_ids)):
        raise ValidationFailed(_("Some of the attendees are not on the roster."), code="invalid", field="attendees")
    with transaction.atomic():
        training = VolunteerTraining.objects.create(held_on=held_on, title=title[:120], venue=venue.strip()[:120],
                                                    recorded_by=person_or_none(actor))
        training.attendees.set(attendees)
        record_change(actor=actor, action="counters.volunteer_training_record", target=training, after={
            "held_on": held_on.isoformat(), "title": training.title, "venue": training.venue,
            "attendees": sorted(volunteer.pk for volunteer in attendees)})
    return training


POST_FIELDS = ["code", "name", "sort_order", "is_active"]


def post_save(*, actor: Actor, post: Post | None = None, code: str, name: str, sort_order: int = 0,
              is_active: bool = True) -> Post:
    """Add or change a volunteer desk (reference data, edited by the administrator in the admin)."""
    if not (actor is SYSTEM or getattr(actor, "has_perm", lambda perm: False)("counters.change_post")):
        raise PermissionRefused()
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationFailed(_("A code and a name are required."), code="missing_fields", field="name")
    clash = Post.objects.filter(Q(code=code) | Q(name=name))
    if post is not None:
        clash = clash.exclude(pk=post.pk)
    if clash.exists():
        raise Conflict(_("Another post already has this code or name."), code="duplicate", field="name")
    with transaction.atomic():
        before = snapshot(post, POST_FIELDS) if post else None
        row = post or Post()
        row.code, row.name, row.sort_order, row.is_active = code[:30], name[:60], sort_order, is_active
        row.save()
        record_change(actor=actor, action="counters.post_save", target=row, before=before,
                      after=snapshot(row, POST_FIELDS))
    return row
