"""Working days summed in the database (`working_days_by`) are the calendar's own count, span by span."""

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.cases.models import Case
from secretariat.core.calendar import CalendarOutOfRange, working_days_by, working_days_total
from secretariat.core.tests.test_calendar import D, calendar, covered_years_days, random_calendars

TAIPEI = ZoneInfo("Asia/Taipei")
# (group, first day, last day): spans of either direction, grouped under two keys
spans = st.lists(st.tuples(st.sampled_from(["a", "b"]), covered_years_days, covered_years_days),
                 min_size=1, max_size=12)


def as_cases(rows: list[tuple[str, dt.date, dt.date]]) -> None:
    """Any table with two dates will do: the engine's cases, received on the first day, due on the last."""
    Case.objects.all().delete()  # examples share one test's transaction
    Case.objects.bulk_create(
        Case(kind=key, reference=f"W{number}", title="-", received_on=first, due_on=last,
             received_at=dt.datetime.combine(first, dt.time(9), TAIPEI))
        for number, (key, first, last) in enumerate(rows)
    )


@pytest.mark.django_db
@settings(max_examples=50, deadline=None)
@given(random_calendars, spans)
def test_the_database_count_is_the_calendars_count(cal, rows):
    as_cases(rows)
    expected: dict[str, int] = defaultdict(int)
    for key, first, last in rows:
        expected[key] += cal.working_days_between(first, last)
    assert working_days_by(Case.objects.all(), key="kind", start="received_on", end="due_on",
                           calendar=cal) == expected


@pytest.mark.django_db
def test_nothing_to_count_reads_no_calendar(django_assert_num_queries):
    with django_assert_num_queries(1):  # the first GROUP BY finds no rows: no second one, no calendar read
        assert working_days_by(Case.objects.all(), key="kind", start="received_on", end="due_on") == {}


def test_a_span_outside_the_loaded_years_is_refused():
    with pytest.raises(CalendarOutOfRange):
        working_days_total(calendar(years={2023}), started=[("a", D(2023, 12, 29), 1)],
                           ended=[("a", D(2024, 1, 2), 1)])
