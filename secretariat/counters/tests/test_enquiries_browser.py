"""The issue's journey in a real browser: a counter clerk records five enquiries with the keyboard only,
undoes one, and sees the month's counts change on the counter screen and in the statistics table.

The counter is made open today (a make-up workday if today is not a working day), so the journey runs
on any day. Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.core.models import CalendarDay, CalendarYear, DayKind
from secretariat.counters.models import Enquiry
from secretariat.counters.services.reference import enquiries as reference_enquiries
from secretariat.counters.tests.enquiry_helpers import counter_clerk
from tests.browser import playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

__all__ = ["counter_clerk"]
pytestmark = pytest.mark.browser


@pytest.fixture
def open_counter(live_site: Any, reference_data: None) -> None:
    reference_enquiries.load()
    today = timezone.localdate()
    CalendarYear.objects.get_or_create(year=today.year, defaults={"source": "test"})
    if today.weekday() >= 5 or CalendarDay.objects.filter(date=today).exclude(kind=DayKind.MAKEUP_WORKDAY).exists():
        CalendarDay.objects.update_or_create(date=today, defaults={"kind": DayKind.MAKEUP_WORKDAY, "note": "test"})


def month_cell(page: Any, code: str) -> Any:
    return page.locator(f"#tally-counts tr[data-category='{code}'] td.month")


def test_a_clerk_tallies_five_enquiries_by_keyboard_and_undoes_one(
        open_counter: None, new_page: Any, live_server: Any, counter_clerk: User) -> None:
    base = live_server.url
    page = new_page(width=1024, height=768)  # a tablet at the desk
    sign_in_by_session(page, base, counter_clerk)
    page.goto(f"{base}/counters/counter/")
    expect(month_cell(page, "civil")).to_have_text("0")
    keyboard = page.keyboard
    for number, key in enumerate(["1", "4", "1", "3", "1"], start=1):
        keyboard.press(key)
        expect(page.locator("#tally-month-total")).to_have_text(str(number))
    expect(month_cell(page, "civil")).to_have_text("3")
    expect(month_cell(page, "transport")).to_have_text("1")
    expect(month_cell(page, "education")).to_have_text("1")

    keyboard.press("Backspace")  # undo the last 民政
    expect(page.locator("#tally-undone")).to_be_visible()
    expect(month_cell(page, "civil")).to_have_text("2")
    expect(page.locator("#tally-month-total")).to_have_text("4")
    expect(page.locator("#tally-recent li.undone")).to_have_count(1)
    assert Enquiry.objects.filter(cancelled_at__isnull=True).count() == 4

    today = timezone.localdate()
    page.goto(f"{base}/counters/counter/statistics/?from={today:%Y-%m}&to={today:%Y-%m}")
    row = page.locator("#table-enquiries tr[data-row='civil']")
    expect(row.locator("td.total")).to_have_text("2")
    expect(page.locator("#table-enquiries tr[data-row='all'] td.total")).to_have_text("4")
