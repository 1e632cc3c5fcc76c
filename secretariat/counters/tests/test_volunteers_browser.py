"""A Secretariat clerk plans a volunteer's shift on the week grid in a real browser (Debian's Chromium via
Playwright), then tries to place the same volunteer at another gate at an overlapping time and is refused.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from secretariat.accounts.models import User
from secretariat.core.changes import SYSTEM
from secretariat.counters.models import Post, Shift
from secretariat.counters.services.reference import volunteers as reference_volunteers
from secretariat.counters.services.volunteer_roster import volunteer_create
from tests.browser import playwright_or_skip, sign_in
from tests.fixtures import PERSONA_PASSWORD

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser


def plan(page: Any, volunteer_id: int, post_id: int, day: dt.date, start: str, end: str) -> None:
    details = page.locator("#plan")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.locator("#id_volunteer").select_option(str(volunteer_id))
    page.locator("#id_post").select_option(str(post_id))
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_starts_at").fill(start)
    page.locator("#id_ends_at").fill(end)
    page.locator("#plan button[type=submit]").click()


def test_a_clerk_plans_a_shift_and_an_overlap_is_refused(live_site: Any, new_page: Callable[..., Any],
                                                          secretariat_clerk: User) -> None:
    base = live_site.url
    reference_volunteers.load()
    volunteer = volunteer_create(actor=SYSTEM, name="張志明", phone="0933123456")
    east, west = Post.objects.get(code="east-gate"), Post.objects.get(code="west-gate")
    day = timezone.localdate() + dt.timedelta(days=7)

    page = new_page()
    sign_in(page, base, secretariat_clerk.username, PERSONA_PASSWORD)
    page.goto(f"{base}/counters/volunteers/week/?week={day.isoformat()}")
    plan(page, volunteer.pk, east.pk, day, "09:00", "12:00")
    expect(page.locator(".flash.success")).to_be_visible()
    expect(page.locator("#week-grid")).to_contain_text("09:00–12:00 張志明")

    plan(page, volunteer.pk, west.pk, day, "11:00", "13:00")
    expect(page.locator("#plan .error")).to_contain_text("張志明")
    assert Shift.objects.count() == 1
