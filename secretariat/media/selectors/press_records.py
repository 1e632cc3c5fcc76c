"""Reads of the press office's records: events, the mayor's public schedule, social posts (with the month
calendar) and trainings, plus the figures the work report counts (aggregated in the database)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from secretariat.core.actors import Actor, Viewer
from secretariat.core.roc import Period
from secretariat.core.site_settings import setting_get
from secretariat.media.access import press as access
from secretariat.media.models import (
    EventKind,
    MediaTraining,
    PostType,
    PressEvent,
    ScheduleDay,
    ScheduleEntry,
    SocialPost,
)

TAIPEI = ZoneInfo("Asia/Taipei")


def _bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    return (dt.datetime.combine(period.start, dt.time.min, tzinfo=TAIPEI),
            dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=TAIPEI))


def event_list(*, user: Actor | Viewer, kind: str = "") -> QuerySet[PressEvent]:
    if not access.can_view_records(user):
        return PressEvent.objects.none()
    events = PressEvent.objects.select_related("release").prefetch_related("agencies")
    return (events.filter(kind=kind) if kind else events).order_by("-held_at", "-pk")


def post_list(*, user: Actor | Viewer, platform: str = "", post_type: str = "") -> QuerySet[SocialPost]:
    if not access.can_view_records(user):
        return SocialPost.objects.none()
    posts = SocialPost.objects.all()
    if platform:
        posts = posts.filter(platform=platform)
    if post_type:
        posts = posts.filter(post_type=post_type)
    return posts.order_by("-planned_at", "-pk")


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date | None  # None pads the first and last week
    posts: list[SocialPost]


def post_calendar(*, user: Actor | Viewer, year: int, month: int) -> list[list[CalendarDay]]:
    """The month as weeks (Monday first) of days, each with the posts planned for it."""
    first = dt.datetime(year, month, 1, tzinfo=TAIPEI)
    after = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=TAIPEI)
    by_day: dict[dt.date, list[SocialPost]] = {}
    for post in post_list(user=user).filter(planned_at__gte=first, planned_at__lt=after).order_by("planned_at"):
        by_day.setdefault(post.planned_at.astimezone(TAIPEI).date(), []).append(post)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[CalendarDay(day if day.month == month else None, by_day.get(day, []) if day.month == month else [])
             for day in week] for week in weeks]


def training_list(*, user: Actor | Viewer) -> QuerySet[MediaTraining]:
    if not access.can_view_records(user):
        return MediaTraining.objects.none()
    return MediaTraining.objects.order_by("-held_on", "-pk")


def schedule_days(*, user: Actor | Viewer, since: dt.date) -> QuerySet[ScheduleDay]:
    """The staff view: days from `since` on, with their items."""
    if not access.can_view_records(user):
        return ScheduleDay.objects.none()
    return ScheduleDay.objects.filter(day__gte=since).prefetch_related("entries").order_by("day")


def schedule_is_public(day: ScheduleDay | None, on: dt.date, now: dt.datetime | None = None) -> bool:
    """A past day is public; today is public from the morning hour; any day once published explicitly."""
    now = (now or timezone.now()).astimezone(TAIPEI)
    if day is not None and day.published_at is not None:
        return True
    if on < now.date():
        return True
    return on == now.date() and now.hour >= int(setting_get("media.schedule_public_hour"))


def public_schedule(*, on: dt.date, now: dt.datetime | None = None) -> list[ScheduleEntry] | None:
    """The day's public items, or None while the day is not yet public."""
    day = ScheduleDay.objects.filter(day=on).first()
    if not schedule_is_public(day, on, now):
        return None
    return list(ScheduleEntry.objects.filter(day=day).order_by("starts_at", "pk")) if day else []


def public_schedule_days(*, now: dt.datetime | None = None,
                         limit: int = 14) -> list[tuple[dt.date, list[ScheduleEntry]]]:
    """The latest public days (for the feed), newest first."""
    now = (now or timezone.now()).astimezone(TAIPEI)
    days = ScheduleDay.objects.filter(day__lte=now.date() + dt.timedelta(days=7)).order_by("-day")
    public = [day for day in days[: limit + 7] if schedule_is_public(day, day.day, now)][:limit]
    entries: dict[int, list[ScheduleEntry]] = {}
    for entry in ScheduleEntry.objects.filter(day__in=public).order_by("starts_at", "pk"):
        entries.setdefault(entry.day_id, []).append(entry)
    return [(day.day, entries.get(day.pk, [])) for day in public]


# Report figures: not tied to a reader (the platform composes the work report).
def event_counts(*, period: Period) -> dict[str, int]:
    start, end = _bounds(period)
    rows = (PressEvent.objects.filter(held_at__gte=start, held_at__lt=end).values("kind")
            .annotate(n=Count("pk")).values_list("kind", "n"))
    counts = dict.fromkeys(EventKind.values, 0)
    counts.update(dict(rows))
    return counts


def conference_example(*, period: Period) -> PressEvent | None:
    """The period's last city-level press conference, which the report cites as its example."""
    start, end = _bounds(period)
    return (PressEvent.objects.filter(kind=EventKind.CONFERENCE, held_at__gte=start, held_at__lt=end)
            .order_by("-held_at", "-pk").first())


def video_post_counts(*, period: Period) -> tuple[int, dict[str, int]]:
    """Video posts published in the period: the total and the count per platform."""
    start, end = _bounds(period)
    rows = dict(SocialPost.objects.filter(post_type=PostType.VIDEO, published_at__gte=start, published_at__lt=end)
                .values("platform").annotate(n=Count("pk")).values_list("platform", "n"))
    return sum(rows.values()), rows


def trainings_held(*, period: Period) -> list[tuple[dt.date, str, str, int]]:
    """(date, kind, title, attendance) of each training held in the period, in order."""
    return list(MediaTraining.objects.filter(held_on__range=(period.start, period.end)).order_by("held_on", "pk")
                .values_list("held_on", "kind", "title", "attendance"))


def training_attendance(*, period: Period) -> int:
    total = MediaTraining.objects.filter(held_on__range=(period.start, period.end)).aggregate(n=Sum("attendance"))
    return int(total["n"] or 0)
