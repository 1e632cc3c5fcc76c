"""The press office's records over JSON: press events, the mayor's public schedule (staff writes and the
public day without sign-in), social media posts and trainings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from ninja import Router, Status

from secretariat.accounts.selectors import agency_list_by_ids
from secretariat.core.actors import SignedInRequest
from secretariat.core.errors import NotFound, ValidationFailed
from secretariat.media.api.schemas import (
    EventIn,
    PostIn,
    PostUpdateIn,
    PressEventOut,
    PressTrainingIn,
    PressTrainingOut,
    PublicDayOut,
    ScheduleIn,
    ScheduleOut,
    SocialPostOut,
)
from secretariat.media.constants import EventKind, Platform, PostType
from secretariat.media.selectors import press_records as selectors
from secretariat.media.services import press_records as services
from secretariat.media.services import schedule as schedule_services

if TYPE_CHECKING:
    from secretariat.media.models import PressEvent, SocialPost

router = Router(tags=["media: press office"])
LIST_LIMIT = 200


def _event(event: PressEvent) -> dict[str, Any]:
    return {"id": event.pk, "kind": event.kind, "held_at": event.held_at, "place": event.place, "topic": event.topic,
            "outlets": event.outlets, "agency_ids": sorted(agency.pk for agency in event.agencies.all()),
            "release_id": event.release_id}


def _post(post: SocialPost) -> dict[str, Any]:
    return {field: getattr(post, field) for field in SocialPostOut.model_fields} | {"id": post.pk}


@router.get("/press-events", response=list[PressEventOut])
def event_list(request: HttpRequest, kind: EventKind | None = None) -> Any:
    return [_event(event) for event in selectors.event_list(user=request.user, kind=kind or "")[:LIST_LIMIT]]


@router.post("/press-events", response={201: PressEventOut})
def event_record(request: SignedInRequest, payload: EventIn) -> Any:
    agencies = agency_list_by_ids(ids=payload.agency_ids)
    if len(agencies) != len(set(payload.agency_ids)):
        raise ValidationFailed(field="agency_ids")
    event = services.event_record(actor=request.user, kind=payload.kind, held_at=payload.held_at,
                                  place=payload.place, topic=payload.topic, outlets=payload.outlets,
                                  agencies=agencies, release_id=payload.release_id)
    return Status(201, _event(event))


@router.post("/mayor-schedule", response={201: ScheduleOut})
def schedule_entry_add(request: SignedInRequest, payload: ScheduleIn) -> Any:
    """Add a coming public item to the mayor's schedule (an item in the past is refused)."""
    entry = schedule_services.schedule_entry_add(actor=request.user, starts_at=payload.starts_at,
                                                 place=payload.place, event=payload.event)
    return Status(201, {"id": entry.pk, "starts_at": entry.starts_at, "place": entry.place, "event": entry.event})


@router.post("/mayor-schedule/{day}/publish", response=PublicDayOut)
def schedule_day_publish(request: SignedInRequest, day: dt.date) -> Any:
    schedule_services.schedule_day_publish(actor=request.user, day=day)
    return _public_day(day)


@router.get("/public/mayor-schedule/{day}", response=PublicDayOut, auth=None)
def public_schedule(request: HttpRequest, day: dt.date) -> Any:
    """A day's public schedule; `public` is false (and no entries) until the day is published. No sign-in."""
    return _public_day(day)


def _public_day(day: dt.date) -> dict[str, Any]:
    entries = selectors.public_schedule(on=day)
    return {"day": day, "public": entries is not None,
            "entries": [{"id": entry.pk, "starts_at": entry.starts_at, "place": entry.place, "event": entry.event}
                        for entry in entries or []]}


@router.get("/social-posts", response=list[SocialPostOut])
def post_list(request: HttpRequest, platform: Platform | None = None, post_type: PostType | None = None) -> Any:
    posts = selectors.post_list(user=request.user, platform=platform or "", post_type=post_type or "")
    return [_post(post) for post in posts[:LIST_LIMIT]]


@router.get("/social-posts/calendar", response=dict[str, list[SocialPostOut]])
def post_calendar(request: HttpRequest, year: int, month: int) -> Any:
    """Posts planned in a month, by day (YYYY-MM-DD)."""
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise ValidationFailed(field="month")
    weeks = selectors.post_calendar(user=request.user, year=year, month=month)
    return {cell.day.isoformat(): [_post(post) for post in cell.posts]
            for week in weeks for cell in week if cell.day is not None and cell.posts}


@router.post("/social-posts", response={201: SocialPostOut})
def post_plan(request: SignedInRequest, payload: PostIn) -> Any:
    post = services.post_plan(actor=request.user, platform=payload.platform, post_type=payload.post_type,
                              title=payload.title, planned_at=payload.planned_at, link=payload.link,
                              published_at=payload.published_at, reach=payload.reach)
    return Status(201, _post(post))


@router.patch("/social-posts/{post_id}", response=SocialPostOut)
def post_update(request: SignedInRequest, post_id: int, payload: PostUpdateIn) -> Any:
    """Record publication (time, link) or the reach figure; send the `version` you read."""
    if not selectors.post_list(user=request.user).filter(pk=post_id).exists():
        raise NotFound()
    post = services.post_update(actor=request.user, post_id=post_id, version=payload.version,
                                published_at=payload.published_at, link=payload.link, reach=payload.reach)
    return _post(post)


@router.get("/trainings", response=list[PressTrainingOut])
def training_list(request: HttpRequest) -> Any:
    return list(selectors.training_list(user=request.user)[:LIST_LIMIT])


@router.post("/trainings", response={201: PressTrainingOut})
def training_record(request: SignedInRequest, payload: PressTrainingIn) -> Any:
    training = services.training_record(actor=request.user, held_on=payload.held_on, kind=payload.kind,
                                        title=payload.title, venue=payload.venue, attendance=payload.attendance)
    return Status(201, training)
