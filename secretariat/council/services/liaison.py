"""Writes to the liaison records: the officers' roster, caucus briefings and trainings. Each write is
checked, atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency, User
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.council.access import structure as access
from secretariat.council.models import Briefing, Caucus, LiaisonOfficer, Training

OFFICER_FIELDS = ["agency", "user", "name", "title", "phone", "mobile", "email", "is_active"]


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationFailed(_("A name is required."), code="missing_fields", field="name")
    return name


def _check_user(user: User | None, agency: Agency) -> None:
    if user is not None and user.agency_id != agency.pk:
        raise ValidationFailed(_("The account belongs to another agency."), code="invalid", field="user")


def officer_create(*, actor: Actor, agency: Agency, name: str, title: str = "", phone: str = "", mobile: str = "",
                   email: str = "", user: User | None = None) -> LiaisonOfficer:
    if not access.can_edit_officers_of(actor, agency.pk):
        raise PermissionRefused()
    _check_user(user, agency)
    with transaction.atomic():
        officer = LiaisonOfficer.objects.create(agency=agency, user=user, name=_clean_name(name), title=title.strip(),
                                                phone=phone.strip(), mobile=mobile.strip(), email=email.strip())
        record_change(actor=actor, action="council.liaison_officer_create", target=officer,
                      after=snapshot(officer, OFFICER_FIELDS))
    return officer


def officer_update(*, actor: Actor, officer_id: int, name: str, title: str = "", phone: str = "", mobile: str = "",
                   email: str = "", user: User | None = None, is_active: bool = True) -> LiaisonOfficer:
    """Change an officer's details. The officer stays with their agency (a move is a new roster line)."""
    with transaction.atomic():
        officer = LiaisonOfficer.objects.select_for_update().filter(pk=officer_id).first()
        if officer is None or not access.can_edit_officers_of(actor, officer.agency_id):
            raise PermissionRefused()
        _check_user(user, officer.agency)
        before = snapshot(officer, OFFICER_FIELDS)
        officer.name, officer.title = _clean_name(name), title.strip()
        officer.phone, officer.mobile, officer.email = phone.strip(), mobile.strip(), email.strip()
        officer.user, officer.is_active = user, is_active
        officer.save()
        record_change(actor=actor, action="council.liaison_officer_update", target=officer, before=before,
                      after=snapshot(officer, OFFICER_FIELDS))
    return officer


def briefing_record(*, actor: Actor, held_on: dt.date, caucus: Caucus, topics: str,
                    attending_users: Sequence[User] = (), attending_agencies: Sequence[Agency] = (),
                    attendees_note: str = "") -> Briefing:
    if not access.can_record_liaison(actor):
        raise PermissionRefused()
    if not topics.strip():
        raise ValidationFailed(_("Name the bills and topics of the briefing."), code="missing_fields", field="topics")
    if not caucus.term.starts_on <= held_on <= caucus.term.ends_on:
        raise ValidationFailed(_("The date is outside the caucus's council term."), code="invalid", field="held_on")
    with transaction.atomic():
        briefing = Briefing.objects.create(held_on=held_on, caucus=caucus, topics=topics.strip(),
                                           attendees_note=attendees_note.strip(), recorded_by=person_or_none(actor))
        briefing.attending_users.set(attending_users)
        briefing.attending_agencies.set(attending_agencies)
        record_change(actor=actor, action="council.briefing_record", target=briefing, after={
            "held_on": held_on.isoformat(), "caucus": caucus.pk, "topics": briefing.topics,
            "users": sorted(user.pk for user in attending_users),
            "agencies": sorted(agency.pk for agency in attending_agencies)})
    return briefing


def training_record(*, actor: Actor, held_on: dt.date, title: str, venue: str = "",
                    attendees: Sequence[LiaisonOfficer] = ()) -> Training:
    if not access.can_record_liaison(actor):
        raise PermissionRefused()
    if not title.strip():
        raise ValidationFailed(_("A title is required."), code="missing_fields", field="title")
    with transaction.atomic():
        training = Training.objects.create(held_on=held_on, title=title.strip(), venue=venue.strip(),
                                           recorded_by=person_or_none(actor))
        training.attendees.set(attendees)
        record_change(actor=actor, action="council.training_record", target=training, after={
            "held_on": held_on.isoformat(), "title": training.title, "venue": training.venue,
            "attendees": sorted(officer.pk for officer in attendees)})
    return training
