"""What the counter's tests share: the categories, a counter clerk of 市民服務組, and a fixed moment on a
working day (the tests never depend on the day they run)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from secretariat.accounts.constants import Role
from secretariat.accounts.models import User
from secretariat.counters.models import EnquiryCategory
from secretariat.counters.services.reference import enquiries as reference_enquiries

TAIPEI = ZoneInfo("Asia/Taipei")
WORKING_DAY = dt.date(2023, 10, 3)  # a Tuesday
SUNDAY = dt.date(2023, 9, 24)
HOLIDAY = dt.date(2023, 9, 29)  # 中秋節
MAKEUP_SATURDAY = dt.date(2023, 9, 23)  # 補行上班


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TAIPEI)


@pytest.fixture
def categories(reference_data: None) -> dict[str, EnquiryCategory]:
    reference_enquiries.load()
    return {category.code: category for category in EnquiryCategory.objects.all()}


@pytest.fixture
def counter_clerk(make_persona: Callable[..., User]) -> User:
    return make_persona("counter", "陳櫃台", Role.SECRETARIAT_STAFF, "秘書處", "市民服務組")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime], None]:
    """`clock(moment)`: from now on, the platform's "now" is `moment` (pages and services alike)."""
    def set_to(moment: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(dt.UTC))

    return set_to


@pytest.fixture
def on_working_day(clock: Callable[[dt.datetime], None]) -> dt.date:
    clock(at(WORKING_DAY))
    return WORKING_DAY
