"""Every refusal of the press office's record services (events, social posts, trainings, the mayor's
schedule), each with its code and field, and nothing written. Only the media unit keeps these records."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from secretariat.core.errors import Conflict, NotFound, PermissionRefused, ValidationFailed
from secretariat.media.services import press_records as services
from secretariat.media.services import releases as release_services
from secretariat.media.services import schedule as schedule_services
from secretariat.media.tests.press_helpers import BODY
from secretariat.media.tests.refusal_helpers import assert_refusal, nothing_written

pytestmark = pytest.mark.django_db
TAIPEI = ZoneInfo("Asia/Taipei")
NOT_KEEPERS = ["liaison", "agency_head", "auditor", "councillor", "secretariat_clerk", "secretariat_admin",
               "anonymous"]
HELD = dt.datetime(2023, 9, 1, 15, 0, tzinfo=TAIPEI)


def person(request: Any, name: str) -> Any:
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


def soon(hours: int = 24) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def event(actor: Any, **fields: Any) -> Any:
    values = {"kind": "conference", "held_at": HELD, "place": "市政大樓", "topic": "市政記者會", **fields}
    return services.event_record(actor=actor, **values)


def plan(actor: Any, **fields: Any) -> Any:
    values = {"platform": "facebook", "post_type": "image", "title": "市政貼文", "planned_at": soon(), **fields}
    return services.post_plan(actor=actor, **values)


def training(actor: Any, **fields: Any) -> Any:
    values = {"held_on": dt.date(2023, 10, 19), "kind": "workshop", "title": "新聞聯繫實務研習", "attendance": 30,
              **fields}
    return services.training_record(actor=actor, **values)


RECORDERS = {
    "event": lambda actor: event(actor),
    "post": lambda actor: plan(actor),
    "training": lambda actor: training(actor),
    "schedule": lambda actor: schedule_services.schedule_entry_add(actor=actor, starts_at=soon(), place="市府",
                                                                  event="市政會議"),
    "publish day": lambda actor: schedule_services.schedule_day_publish(actor=actor, day=timezone.localdate()),
    "remove entry": lambda actor: schedule_services.schedule_entry_remove(actor=actor, entry_id=1),
    "post update": lambda actor: services.post_update(actor=actor, post_id=1, version=1, reach=10),
}


@pytest.mark.parametrize("who", NOT_KEEPERS)
@pytest.mark.parametrize("record", list(RECORDERS))
def test_only_the_media_unit_keeps_the_press_offices_records(request, record, who) -> None:
    actor = person(request, who)
    with nothing_written(), pytest.raises(PermissionRefused) as refused:
        RECORDERS[record](actor)
    assert_refusal(refused.value, PermissionRefused, "permission_denied")


# --- Press events --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "code", "field"), [
    ({"kind": "party"}, "invalid", "kind"),
    ({"place": "  "}, "missing_fields", "place"),
    ({"topic": ""}, "missing_fields", "topic"),
    ({"release_id": 987654}, "invalid", "release"),
])
def test_an_event_with_bad_values_is_refused(media_officer, fields, code, field) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        event(media_officer, **fields)
    assert_refusal(refused.value, ValidationFailed, code, field)


def test_an_event_cannot_cite_a_release_that_is_not_public(media_officer, liaison) -> None:
    draft = release_services.release_draft(actor=liaison, title="尚未發布", body=BODY)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        event(media_officer, release_id=draft.pk)
    assert_refusal(refused.value, ValidationFailed, "invalid", "release")


# --- Social posts -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "field"), [
    ({"platform": "myspace"}, "platform"),
    ({"post_type": "hologram"}, "post_type"),
    ({"title": " "}, "title"),
    ({"published_at": soon(2)}, "published_at"),
    ({"reach": -1}, "reach"),
])
def test_a_post_with_bad_values_is_not_planned(media_officer, fields, field) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        plan(media_officer, **fields)
    assert_refusal(refused.value, ValidationFailed, None, field)


def test_a_second_post_with_the_same_link_is_a_conflict(media_officer) -> None:
    plan(media_officer, link="https://www.facebook.com/taipei/posts/1")
    with nothing_written(), pytest.raises(Conflict) as refused:
        plan(media_officer, title="另一篇", link=" https://www.facebook.com/taipei/posts/1 ")
    assert_refusal(refused.value, Conflict, "duplicate", "link")


def test_updating_a_post_that_does_not_exist_is_not_found(media_officer) -> None:
    with nothing_written(), pytest.raises(NotFound):
        services.post_update(actor=media_officer, post_id=987654, version=1, link="https://x.example.tw")


@pytest.mark.parametrize(("fields", "kind", "field"), [
    ({"version": 2, "link": "https://youtu.be/a"}, Conflict, None),
    ({"version": 1, "reach": 100}, ValidationFailed, "reach"),  # not published yet
    ({"version": 1, "reach": -5, "published_at": HELD}, ValidationFailed, "reach"),
    ({"version": 1, "published_at": soon(1)}, ValidationFailed, "published_at"),
])
def test_a_bad_post_update_changes_nothing(media_officer, fields, kind, field) -> None:
    post = plan(media_officer)
    with nothing_written(), pytest.raises(kind) as refused:
        services.post_update(actor=media_officer, post_id=post.pk, **fields)
    assert_refusal(refused.value, kind, None, field)


def test_giving_a_post_another_posts_link_is_a_conflict(media_officer) -> None:
    plan(media_officer, link="https://youtu.be/first")
    second = plan(media_officer, title="第二篇")
    with nothing_written(), pytest.raises(Conflict) as refused:
        services.post_update(actor=media_officer, post_id=second.pk, version=second.version,
                             link="https://youtu.be/first", published_at=HELD)
    assert_refusal(refused.value, Conflict, "duplicate", "link")


# --- Trainings -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "field"), [
    ({"kind": "party"}, "kind"), ({"title": ""}, "title"), ({"attendance": -1}, "attendance"),
])
def test_a_training_with_bad_values_is_not_recorded(media_officer, fields, field) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        training(media_officer, **fields)
    assert_refusal(refused.value, ValidationFailed, None, field)


# --- The mayor's schedule ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("place", "what", "field"), [("", "市政會議", "place"), ("市府", " ", "event")])
def test_a_schedule_item_needs_its_place_and_event(media_officer, place, what, field) -> None:
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        schedule_services.schedule_entry_add(actor=media_officer, starts_at=soon(), place=place, event=what)
    assert_refusal(refused.value, ValidationFailed, "missing_fields", field)


def test_a_naive_time_is_read_as_taipei_time_and_refused_when_past(media_officer) -> None:
    now = timezone.now()
    an_hour_ago = (now - dt.timedelta(hours=1)).astimezone(TAIPEI).replace(tzinfo=None)
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        schedule_services.schedule_entry_add(actor=media_officer, starts_at=an_hour_ago, place="市府",
                                             event="市政會議", now=now)
    assert_refusal(refused.value, ValidationFailed, "in_past", "starts_at")


def test_the_same_event_twice_at_the_same_time_is_a_conflict(media_officer) -> None:
    at = soon(30)
    schedule_services.schedule_entry_add(actor=media_officer, starts_at=at, place="市府", event="市政會議")
    with nothing_written(), pytest.raises(Conflict) as refused:
        schedule_services.schedule_entry_add(actor=media_officer, starts_at=at, place="另一處", event="市政會議")
    assert_refusal(refused.value, Conflict, "duplicate")


def test_a_past_schedule_item_stays_as_history(media_officer) -> None:
    entry = schedule_services.schedule_entry_add(actor=media_officer, starts_at=soon(2), place="市府",
                                                 event="市政會議")
    with nothing_written(), pytest.raises(ValidationFailed) as refused:
        schedule_services.schedule_entry_remove(actor=media_officer, entry_id=entry.pk, now=soon(3))
    assert_refusal(refused.value, ValidationFailed, "in_past")
    with nothing_written(), pytest.raises(NotFound):
        schedule_services.schedule_entry_remove(actor=media_officer, entry_id=entry.pk + 1)


def test_a_day_without_items_cannot_be_published(media_officer) -> None:
    entry = schedule_services.schedule_entry_add(actor=media_officer, starts_at=soon(48), place="市府",
                                                 event="市政會議")
    day = entry.day.day
    schedule_services.schedule_entry_remove(actor=media_officer, entry_id=entry.pk)
    for empty in (day, day + dt.timedelta(days=30)):  # a day emptied again, and a day never planned
        with nothing_written(), pytest.raises(ValidationFailed) as refused:
            schedule_services.schedule_day_publish(actor=media_officer, day=empty)
        assert_refusal(refused.value, ValidationFailed, "empty")
