"""Reading the office calendar: the days that depart from the Monday–Friday rule and the years loaded."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from secretariat.core.models import CalendarDay, CalendarYear, DayKind


def calendar_days_off_upcoming(*, today: dt.date, limit: int = 5) -> list[CalendarDay]:
    """The next holidays and closures from today on; make-up workdays are not days off."""
    return list(CalendarDay.objects.filter(date__gte=today).exclude(kind=DayKind.MAKEUP_WORKDAY)[:limit])


def calendar_year_loaded(*, year: int) -> bool:
    return CalendarYear.objects.filter(year=year).exists()


def calendar_year_list() -> QuerySet[CalendarYear]:
    return CalendarYear.objects.all()


def calendar_day_list(*, year: int, month: int | None = None) -> QuerySet[CalendarDay]:
    days = CalendarDay.objects.filter(date__year=year)
    return days.filter(date__month=month) if month is not None else days


def calendar_closure_list(*, year: int) -> QuerySet[CalendarDay]:
    return CalendarDay.objects.filter(kind=DayKind.CLOSURE, date__year=year)
