"""Reads for volunteers: the roster (contacts masked), a week's shifts as a grid, service hours per
volunteer for a period, the period's daily-count totals and its trainings. Sums run in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from secretariat.core.dates import days_after, local_midnight
from secretariat.core.roc import Period
from secretariat.counters.models import DailyCount, Post, Shift, Volunteer, VolunteerTraining
from secretariat.petitions.access.personal_data import mask_email, mask_phone


def volunteer_list(*, active_only: bool = True) -> QuerySet[Volunteer]:
    volunteers = Volunteer.objects.all()
    return volunteers.filter(is_active=True) if active_only else volunteers


def volunteer_find(*, pk: int) -> Volunteer | None:
    return Volunteer.objects.filter(pk=pk).first()


def masked_contacts(volunteer: Volunteer) -> dict[str, str]:
    return {"phone": mask_phone(volunteer.phone), "email": mask_email(volunteer.email)}


def post_list() -> QuerySet[Post]:
    return Post.objects.filter(is_active=True)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_held(day: dt.date, *, field: str = "week") -> dt.date:
    """The Monday of the week holding `day`, refused (`date_out_of_range` on `field`) when the week runs past
    either end of the calendar: its eight midnights must all be days there are, in Taipei and in UTC."""
    monday = week_start(day)
    local_midnight(monday, field=field)
    days_after(monday, 7, field=field)
    return monday


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def week_shifts(monday: dt.date) -> list[Shift]:
    """The shifts beginning in the week from `monday` (Taipei time)."""
    return list(Shift.objects.select_related("volunteer", "post")
                .filter(starts_at__gte=_local_midnight(monday),
                        starts_at__lt=_local_midnight(monday + dt.timedelta(days=7)))
                .order_by("starts_at", "post__sort_order", "volunteer__name"))


@dataclass(frozen=True)
class WeekGrid:
    """Posts as rows, the seven days as columns, each cell the shifts of that post and day."""

    days: list[dt.date]
    rows: list[tuple[Post, list[list[Shift]]]]


def week_grid(monday: dt.date) -> WeekGrid:
    days = [monday + dt.timedelta(days=offset) for offset in range(7)]
    posts = list(post_list())
    cells: dict[tuple[int, dt.date], list[Shift]] = {}
    for shift in week_shifts(monday):
        cells.setdefault((shift.post_id, timezone.localtime(shift.starts_at).date()), []).append(shift)
    return WeekGrid(days=days, rows=[(post, [cells.get((post.pk, day), []) for day in days]) for post in posts])


@dataclass(frozen=True)
class Hours:
    volunteer_id: int
    name: str
    shifts: int
    minutes: int

    @property
    def hours(self) -> str:
        """Hours with one decimal, as certificates write them (90 minutes → 1.5)."""
        return f"{self.minutes / 60:.1f}"


def _between(start: dt.date, end: dt.date) -> Q:
    return Q(shifts__starts_at__gte=_local_midnight(start),
             shifts__starts_at__lt=_local_midnight(end + dt.timedelta(days=1)), shifts__attended=True)


def hours_by_volunteer(*, start: dt.date, end: dt.date, volunteer_id: int | None = None) -> list[Hours]:
    """Attended shifts and minutes served per volunteer, for shifts beginning between two days."""
    within = _between(start, end)
    rows = Volunteer.objects.annotate(
        shift_count=Count("shifts", filter=within), served=Sum("shifts__attended_minutes", filter=within))
    rows = rows.filter(pk=volunteer_id) if volunteer_id is not None else rows.filter(shift_count__gt=0)
    return [Hours(volunteer_id=row.pk, name=row.name, shifts=row.shift_count, minutes=row.served or 0)
            for row in rows.order_by("name", "pk")]


@dataclass(frozen=True)
class ServiceTotals:
    people_served: int
    leaflets: int
    days: int


def service_totals(period: Period) -> ServiceTotals:
    """People served and leaflets handed out at every post in the period, and on how many post-days."""
    totals = DailyCount.objects.filter(date__gte=period.start, date__lte=period.end).aggregate(
        people=Sum("people_served"), leaflets=Sum("leaflets"), rows=Count("pk"))
    return ServiceTotals(people_served=totals["people"] or 0, leaflets=totals["leaflets"] or 0, days=totals["rows"])


def daily_counts(*, start: dt.date, end: dt.date) -> QuerySet[DailyCount]:
    return DailyCount.objects.select_related("post").filter(date__gte=start, date__lte=end)


def trainings_held(*, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days volunteer trainings were held between two days, in order."""
    return list(VolunteerTraining.objects.filter(held_on__gte=start, held_on__lte=end)
                .order_by("held_on").values_list("held_on", flat=True))


def training_list() -> QuerySet[VolunteerTraining]:
    return VolunteerTraining.objects.annotate(attendee_count=Count("attendees")).order_by("-held_on", "-pk")
