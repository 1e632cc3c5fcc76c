"""Working days: Monday–Friday, less national holidays and declared closures, plus make-up workdays.

The arithmetic lives in the immutable `WorkCalendar` so it can be tested without a database and held
by bulk jobs; `work_calendar()` loads the current one. Dates in years whose office calendar has not
been loaded are refused: a deadline must never rest on a guess about holidays.

Statistics over many cases do not count day by day per case: `working_days_by` groups the cases by their
first and last day in the database and folds the grouped rows with a day index (`working_days_total`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

ONE_DAY = dt.timedelta(days=1)
Key = TypeVar("Key", bound=Hashable)


class CalendarOutOfRange(ValidationFailed):
    code = "calendar_out_of_range"
    default_message = _("The working-day calendar has no data for this date.")


@dataclass(frozen=True)
class WorkCalendar:
    days_off: frozenset[dt.date]
    """Weekdays that are not worked: holidays and closures."""
    makeup_days: frozenset[dt.date]
    """Weekend days that are worked (補班)."""
    years: frozenset[int]
    """Gregorian years whose official calendar is loaded."""

    def covers(self, day: dt.date) -> bool:
        return day.year in self.years

    def _require(self, day: dt.date) -> None:
        if not self.covers(day):
            raise CalendarOutOfRange(
                _("The working-day calendar has no data for %(year)s (ROC %(roc)s); "
                  "an administrator must import that year first."),
                params={"year": day.year, "roc": day.year - 1911},
            )

    def is_working_day(self, day: dt.date) -> bool:
        self._require(day)
        if day in self.makeup_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `start`, counting from the next day (`count` = 0 → start).

        This is the rule of both documents ("counted from the day after receipt") and petitions
        ("6 working days counted from the next working day"): day 1 is the first working day after
        the day of receipt, whatever kind of day the receipt fell on.
        """
        if count < 0:
            raise ValidationFailed(_("A number of working days cannot be negative."), code="negative_days")
        day = start
        remaining = count
        while remaining:
            day += ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many working days a case took. Negative if end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count


def work_calendar() -> WorkCalendar:
    """The calendar as stored now (one small query: only the exceptions to the weekday rule)."""
    from secretariat.core.models import CalendarDay, CalendarYear, DayKind

    days_off: set[dt.date] = set()
    makeup: set[dt.date] = set()
    for day, kind in CalendarDay.objects.values_list("date", "kind"):
        (makeup if kind == DayKind.MAKEUP_WORKDAY else days_off).add(day)
    years = frozenset(CalendarYear.objects.values_list("year", flat=True))
    return WorkCalendar(days_off=frozenset(days_off), makeup_days=frozenset(makeup), years=years)


def working_day_index(calendar: WorkCalendar, first: dt.date, last: dt.date) -> dict[dt.date, int]:
    """Day → working days in (first, day]. The working days between two days are the difference of
    their indexes, so a sum over many cases needs only the sums of the indexes."""
    index: dict[dt.date, int] = {first: 0}
    count, day = 0, first
    while day < last:
        day += ONE_DAY
        count += calendar.is_working_day(day)
        index[day] = count
    return index


def working_days_total(calendar: WorkCalendar, *, started: Iterable[tuple[Key, dt.date, int]],
                       ended: Iterable[tuple[Key, dt.date, int]]) -> dict[Key, int]:
    """Σ working days in (start, end] per key, from (key, day, how many) rows: how many spans of each
    key start on each day, and how many end on each day. Σ n·index(end) − Σ n·index(start) is the sum
    of the spans' working days, without walking each span. Every day given (a count of 0 included)
    must be in a loaded year, as must the days between them (else CalendarOutOfRange)."""
    started, ended = list(started), list(ended)
    days = [day for _key, day, _n in [*started, *ended]]
    if not days:
        return {}
    index = working_day_index(calendar, min(days), max(days))
    totals: dict[Key, int] = defaultdict(int)
    for key, day, n in ended:
        totals[key] += index[day] * n
    for key, day, n in started:
        totals[key] -= index[day] * n
    return dict(totals)


def working_days_by(rows: QuerySet[Any], *, key: str, start: str, end: str,
                    calendar: WorkCalendar | None = None) -> dict[Any, int]:
    """Working days from `start` to `end` (date fields or annotations of `rows`, both set) summed per
    `key`, as `working_days_between` would sum them row by row. Two GROUP BYs, by (key, start) and by
    (key, end), so the Python side folds grouped rows, never one row per case; the calendar is read
    only when there is something to count."""
    rows = rows.order_by()  # a model's default ordering would split the groups
    started = [(row[key], row[start], row["n"]) for row in rows.values(key, start).annotate(n=Count("pk"))]
    if not started:
        return {}
    ended = [(row[key], row[end], row["n"]) for row in rows.values(key, end).annotate(n=Count("pk"))]
    return working_days_total(calendar or work_calendar(), started=started, ended=ended)
