"""Flood limits: the count within the window, and the wait until the oldest counted row leaves it."""

import datetime as dt

import pytest

from secretariat.core.flood import flood_wait, minutes_until
from secretariat.core.models import PeriodicRun

NOW = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)


def stamped(*minutes_ago: int) -> None:
    """Any table with a time stamp will do: the scheduler's runs, one a row."""
    PeriodicRun.objects.bulk_create(PeriodicRun(name=f"job-{number}", last_run_at=NOW - dt.timedelta(minutes=ago))
                                    for number, ago in enumerate(minutes_ago))


def wait(limit: int) -> int | None:
    return flood_wait(PeriodicRun.objects.all(), stamp="last_run_at", limit=limit, now=NOW)


@pytest.mark.django_db
def test_under_the_limit_nothing_is_refused():
    stamped(10, 20, 90)  # the one 90 minutes ago is outside the hour
    assert wait(3) is None


@pytest.mark.django_db
def test_at_the_limit_the_wait_is_until_the_oldest_in_the_window_leaves_it():
    stamped(10, 45, 90)
    assert wait(2) == 15


def test_the_wait_is_rounded_up_and_never_zero():
    assert minutes_until(NOW + dt.timedelta(seconds=61), NOW) == 2
    assert minutes_until(NOW - dt.timedelta(seconds=5), NOW) == 1
