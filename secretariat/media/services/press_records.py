"""Writes to the press office's records: press events with the mayor, social media posts (planned,
published, reach figures) and spokesperson trainings. Checked, atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.accounts.models import Agency
from secretariat.core.actors import Actor, person_or_none
from secretariat.core.changes import record_change, snapshot
from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.access import press as access
from secretariat.media.models import (
    PUBLIC_STATES,
    EventKind,
    MediaTraining,
    Platform,
    PostType,
    PressEvent,
    PressRelease,
    SocialPost,
    TrainingKind,
)

POST_FIELDS = ["platform", "post_type", "title", "planned_at", "published_at", "link", "reach", "version"]


def _required(value: str, field: str, message: Any) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(message, code="missing_fields", field=field)
    return value


def _check_keeper(actor: Actor) -> None:
    if not access.can_keep_records(actor):
        raise PermissionRefused()


def event_record(*, actor: Actor, kind: str, held_at: dt.datetime, place: str, topic: str, outlets: str = "",
                 agencies: Sequence[Agency] = (), release_id: int | None = None) -> PressEvent:
    _check_keeper(actor)
    if kind not in EventKind.values:
        raise ValidationFailed(_("Choose the kind of event."), code="invalid", field="kind")
    place = _required(place, "place", _("Give the place."))
    topic = _required(topic, "topic", _("Give the topic."))
    release = None
    if release_id is not None:
        release = PressRelease.objects.filter(pk=release_id, status__in=PUBLIC_STATES).first()
        if release is None:
            raise ValidationFailed(_("The accompanying release must be a published press release."),
                                   code="invalid", field="release")
    with transaction.atomic():
        event = PressEvent.objects.create(kind=kind, held_at=held_at, place=place[:120], topic=topic[:200],
                                          outlets=outlets.strip()[:300], release=release,
                                          recorded_by=person_or_none(actor))
        event.agencies.set(agencies)
        record_change(actor=actor, action="media.event_record", target=event, after={
            **snapshot(event, ["kind", "held_at", "place", "topic", "outlets", "release"]),
            "agencies": sorted(agency.pk for agency in agencies)})
    return event


def post_plan(*, actor: Actor, platform: str, post_type: str, title: str, planned_at: dt.datetime,
              link: str = "", published_at: dt.datetime | None = None, reach: int | None = None) -> SocialPost:
    """Put a post on the calendar; with `published_at` it is recorded as already published."""
    _check_keeper(actor)
    if platform not in Platform.values:
        raise ValidationFailed(_("Choose the platform."), code="invalid", field="platform")
    if post_type not in PostType.values:
        raise ValidationFailed(_("Choose the type of post."), code="invalid", field="post_type")
    title = _required(title, "title", _("Give the post a title."))
    if published_at is not None and published_at > timezone.now():
        raise ValidationFailed(_("A publication time cannot be in the future; plan the post instead."),
                               code="invalid", field="published_at")
    _check_reach(reach)
    try:
        with transaction.atomic():
            post = SocialPost.objects.create(
                platform=platform, post_type=post_type, title=title[:200], planned_at=planned_at,
                published_at=published_at, link=link.strip(), reach=reach,
                reach_updated_at=timezone.now() if reach is not None else None, recorded_by=person_or_none(actor))
            record_change(actor=actor, action="media.post_plan", target=post, after=snapshot(post, POST_FIELDS))
    except IntegrityError:
        raise Conflict(_("A post with this link is already recorded."), code="duplicate", field="link") from None
    return post


def _check_reach(reach: int | None) -> None:
    if reach is not None and reach < 0:
        raise ValidationFailed(_("Reach cannot be negative."), code="invalid", field="reach")


def post_update(*, actor: Actor, post_id: int, version: int, published_at: dt.datetime | None = None,
                link: str | None = None, reach: int | None = None) -> SocialPost:
    """Record a post as published (time and link) or update its reach. Optimistic: `version` as read."""
    _check_keeper(actor)
    _check_reach(reach)
    if published_at is not None and published_at > timezone.now():
        raise ValidationFailed(_("A publication time cannot be in the future; plan the post instead."),
                               code="invalid", field="published_at")
    try:
        with transaction.atomic():
            post = SocialPost.objects.select_for_update().filter(pk=post_id).first()
            if post is None:
                raise NotFound()
            if post.version != version:
                raise Conflict()
            before = snapshot(post, POST_FIELDS)
            if published_at is not None:
                post.published_at = published_at
            if link is not None:
                post.link = link.strip()
            if reach is not None:
                if post.published_at is None:
                    raise ValidationFailed(_("Reach is recorded for a published post."), code="invalid",
                                           field="reach")
                post.reach, post.reach_updated_at = reach, timezone.now()
            post.version += 1
            post.save()
            record_change(actor=actor, action="media.post_update", target=post, before=before,
                          after=snapshot(post, POST_FIELDS))
    except IntegrityError:
        raise Conflict(_("A post with this link is already recorded."), code="duplicate", field="link") from None
    return post


def training_record(*, actor: Actor, held_on: dt.date, kind: str, title: str, attendance: int,
                    venue: str = "") -> MediaTraining:
    _check_keeper(actor)
    if kind not in TrainingKind.values:
        raise ValidationFailed(_("Choose workshop or forum."), code="invalid", field="kind")
    title = _required(title, "title", _("A title is required."))
    if attendance < 0:
        raise ValidationFailed(_("Attendance cannot be negative."), code="invalid", field="attendance")
    with transaction.atomic():
        training = MediaTraining.objects.create(held_on=held_on, kind=kind, title=title[:120],
                                                venue=venue.strip()[:120], attendance=attendance,
                                                recorded_by=person_or_none(actor))
        record_change(actor=actor, action="media.training_record", target=training,
                      after=snapshot(training, ["held_on", "kind", "title", "venue", "attendance"]))
    return training
