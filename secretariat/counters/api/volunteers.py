"""Volunteers over JSON: roster (contacts masked), posts, shifts (plan, attendance, remove), daily counts,
trainings, and hours per volunteer. Endpoints are thin: the services decide."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import NotFound
from secretariat.core.roc import Period
from secretariat.counters.access import desks as desk_access
from secretariat.counters.api.schemas import (
    AttendanceIn,
    CountIn,
    HoursOut,
    ShiftIn,
    ShiftOut,
    VolunteerCountOut,
    VolunteerIn,
    VolunteerOut,
    VolunteerPostOut,
    VolunteerTrainingIn,
    VolunteerTrainingOut,
)
from secretariat.counters.selectors import volunteers as selectors
from secretariat.counters.services import volunteer_roster, volunteer_shifts

if TYPE_CHECKING:
    from secretariat.counters.models import DailyCount, Shift, Volunteer

router = Router(tags=["counters"])


def _check_view(request: HttpRequest) -> None:
    if not desk_access.can_view(request.user):
        raise NotFound()


def _volunteer(volunteer: Volunteer) -> VolunteerOut:
    masked = selectors.masked_contacts(volunteer)
    return VolunteerOut(id=volunteer.pk, name=volunteer.name, phone=masked["phone"], email=masked["email"],
                        skills=volunteer.skills, availability=volunteer.availability, active=volunteer.is_active)


def _shift(shift: Shift) -> ShiftOut:
    return ShiftOut(id=shift.pk, volunteer_id=shift.volunteer_id, volunteer=shift.volunteer.name, post_id=shift.post_id,
                    starts_at=shift.starts_at, ends_at=shift.ends_at, minutes=shift.minutes, attended=shift.attended,
                    attended_minutes=shift.attended_minutes)


def _count(row: DailyCount) -> VolunteerCountOut:
    return VolunteerCountOut(id=row.pk, post_id=row.post_id, date=row.date, people_served=row.people_served,
                    leaflets=row.leaflets)


@router.get("/volunteers", response=list[VolunteerOut], summary="The roster (contacts masked)")
def volunteers(request: HttpRequest, inactive: bool = False) -> list[VolunteerOut]:
    _check_view(request)
    return [_volunteer(row) for row in selectors.volunteer_list(active_only=not inactive)[:1000]]


@router.post("/volunteers", response={201: VolunteerOut}, summary="Add a volunteer")
def volunteer_add(request: SignedInRequest, payload: VolunteerIn) -> Status[VolunteerOut]:
    row = volunteer_roster.volunteer_create(actor=request.user, name=payload.name, phone=payload.phone,
                                            email=payload.email, skills=payload.skills,
                                            availability=payload.availability, joined_on=payload.joined_on)
    return Status(201, _volunteer(row))


@router.get("/volunteer-posts", response=list[VolunteerPostOut], summary="The volunteer desks")
def posts(request: HttpRequest) -> list[VolunteerPostOut]:
    _check_view(request)
    return [VolunteerPostOut(id=post.pk, code=post.code, name=post.name) for post in selectors.post_list()]


@router.get("/volunteer-shifts", response=list[ShiftOut], summary="The shifts of the week holding `week`")
def shifts(request: HttpRequest, week: dt.date | None = None) -> list[ShiftOut]:
    _check_view(request)
    return [_shift(row) for row in selectors.week_shifts(selectors.week_held(week or timezone.localdate()))]


@router.post("/volunteer-shifts", response={201: ShiftOut}, summary="Plan a shift (overlaps refused, 409)")
def shift_add(request: SignedInRequest, payload: ShiftIn) -> Status[ShiftOut]:
    row = volunteer_shifts.shift_plan(actor=request.user, volunteer_id=payload.volunteer_id, post_id=payload.post_id,
                                      starts_at=payload.starts_at, ends_at=payload.ends_at)
    return Status(201, _shift(row))


@router.post("/volunteer-shifts/{shift_id}/attendance", response=ShiftOut, summary="Take attendance")
def attendance(request: SignedInRequest, shift_id: int, payload: AttendanceIn) -> ShiftOut:
    row = volunteer_shifts.shift_attendance_record(actor=request.user, shift_id=shift_id, attended=payload.attended,
                                                   minutes=payload.minutes)
    return _shift(row)


@router.delete("/volunteer-shifts/{shift_id}", response={204: None}, summary="Remove a planned shift")
def shift_remove(request: SignedInRequest, shift_id: int) -> Status[None]:
    volunteer_shifts.shift_remove(actor=request.user, shift_id=shift_id)
    return Status(204, None)


@router.get("/volunteer-counts", response=list[VolunteerCountOut], summary="Daily counts between two days")
def counts(request: HttpRequest, start: dt.date, end: dt.date) -> list[VolunteerCountOut]:
    _check_view(request)
    return [_count(row) for row in selectors.daily_counts(start=start, end=end)[:5000]]


@router.post("/volunteer-counts", response={201: VolunteerCountOut}, summary="Set a post's counts for a day")
def count_set(request: SignedInRequest, payload: CountIn) -> Status[VolunteerCountOut]:
    row = volunteer_roster.daily_count_record(actor=request.user, post_id=payload.post_id, date=payload.date,
                                              people_served=payload.people_served, leaflets=payload.leaflets)
    return Status(201, _count(row))


@router.get("/volunteer-trainings", response=list[VolunteerTrainingOut], summary="Volunteer trainings")
def trainings(request: HttpRequest) -> list[VolunteerTrainingOut]:
    _check_view(request)
    return [VolunteerTrainingOut(id=row.pk, held_on=row.held_on, title=row.title, venue=row.venue,
                        attendees=getattr(row, "attendee_count", 0)) for row in selectors.training_list()[:200]]


@router.post("/volunteer-trainings", response={201: VolunteerTrainingOut}, summary="Record a training")
def training_add(request: SignedInRequest, payload: VolunteerTrainingIn) -> Status[VolunteerTrainingOut]:
    row = volunteer_roster.training_record(actor=request.user, held_on=payload.held_on, title=payload.title,
                                           venue=payload.venue, attendee_ids=payload.attendee_ids)
    return Status(201, VolunteerTrainingOut(id=row.pk, held_on=row.held_on, title=row.title, venue=row.venue,
                                   attendees=len(payload.attendee_ids)))


@router.get("/volunteer-hours", response=list[HoursOut], summary="Hours served per volunteer in a half-year")
def hours(request: HttpRequest, period: str = "") -> list[HoursOut]:
    _check_view(request)
    chosen = Period.parse(period) if period else Period.containing(timezone.localdate())
    return [HoursOut(volunteer_id=row.volunteer_id, name=row.name, shifts=row.shifts, minutes=row.minutes)
            for row in selectors.hours_by_volunteer(start=chosen.start, end=chosen.end)]
