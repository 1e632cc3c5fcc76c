"""Rules of the counter that services and selectors both read: who may tally and who may read the
statistics (roles grant the permissions; agency staff never hold them), and whether the counter is open
on a day (the office calendar: working days, make-up workdays included)."""

from __future__ import annotations

import datetime as dt

from secretariat.core.actors import Actor, Viewer
from secretariat.core.calendar import WorkCalendar
from secretariat.core.models import CalendarDay, CalendarYear, DayKind

RECORD_PERM = "counters.record_enquiry"
VIEW_PERM = "counters.view_enquiry"


def may_record(user: Actor | Viewer) -> bool:
    """Counter clerks of the Secretariat: tally enquiries and record petition help."""
    return bool(getattr(user, "is_active", False) and user.has_perm(RECORD_PERM))


def may_view_statistics(user: Actor | Viewer) -> bool:
    return bool(getattr(user, "is_active", False) and user.has_perm(VIEW_PERM))


def statistics_only(user: Actor | Viewer) -> bool:
    """Who sees the statistics' own menu entry."""
    # A clerk reaches the statistics from the counter screen; one menu entry each is enough.
    return may_view_statistics(user) and not may_record(user)


def counter_open_on(day: dt.date) -> bool:
    """Whether `day` is a working day of the office calendar (a make-up workday counts).

    Reads only that day's exception and its year's row, not the whole calendar: the tally asks on
    every click. Raises CalendarOutOfRange for a year whose calendar is not loaded."""
    exceptions = dict(CalendarDay.objects.filter(date=day).values_list("date", "kind"))
    years = frozenset(CalendarYear.objects.filter(year=day.year).values_list("year", flat=True))
    calendar = WorkCalendar(
        days_off=frozenset(date for date, kind in exceptions.items() if kind != DayKind.MAKEUP_WORKDAY),
        makeup_days=frozenset(date for date, kind in exceptions.items() if kind == DayKind.MAKEUP_WORKDAY),
        years=years)
    return calendar.is_working_day(day)
