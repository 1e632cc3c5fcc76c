"""Working days: Monday–Friday, less national holidays and declared closures, plus make-up workdays.

The arithmetic lives in the immutable `WorkCalendar` so it can be tested without a database and held
by bulk jobs; `work_calendar()` loads the current one. Dates in years whose office calendar has not
been loaded are refused: a deadline must never rest on a guess about holidays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from secretariat.core.errors import ValidationFailed

ONE_DAY = dt.timedelta(days=1)


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
