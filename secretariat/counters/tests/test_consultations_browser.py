"""A citizen books a legal consultation on the public page in a real browser (Debian's Chromium via
Playwright); a second citizen, who opened the same slot's form at the same time, is told it is taken.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from secretariat.counters.models import Association, Booking
from secretariat.counters.services.reference import consultations as reference_consultations
from secretariat.counters.tests.consultation_helpers import make_slot
from tests.browser import playwright_or_skip

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser


def fill(page: Any, name: str, phone: str) -> None:
    page.locator("#id_name").fill(name)
    page.locator("#id_phone").fill(phone)
    page.locator("#id_email").fill("citizen@example.com")
    page.locator("#id_question").fill("房東不退還押金，應如何處理？")


def test_a_citizen_books_a_legal_slot_and_a_second_booking_is_refused(
        live_site: Any, new_page: Callable[..., Any], reference_data: None) -> None:
    base = live_site.url
    reference_consultations.load()
    slot = make_slot(Association.objects.get(field="legal"), days=4)

    first, second = new_page(), new_page()
    first.goto(f"{base}/counters/consultations/book/?field=legal")
    expect(first.locator("#open-slots")).to_contain_text("臺北律師公會")
    first.locator(f"a[data-slot='{slot.pk}']").click()
    second.goto(f"{base}/counters/consultations/book/{slot.pk}/")  # the same slot, opened at the same time

    fill(first, "陳小華", "0912345678")
    first.locator("main form button[type=submit]").click()
    # zh-Hant once the catalogue is compiled, English before: either way the booking is confirmed.
    expect(first.locator("h1")).to_have_text(re.compile("您的諮詢已預約|Your consultation is booked"))
    expect(first.locator("#cancel-link")).to_be_visible()

    fill(second, "李大同", "0922333444")
    second.locator("main form button[type=submit]").click()
    expect(second.locator("main .error")).to_contain_text(re.compile("已被預約|just booked"))
    assert Booking.objects.filter(slot=slot).count() == 1

    # The slot is no longer offered.
    first.goto(f"{base}/counters/consultations/book/?field=legal")
    expect(first.locator(f"a[data-slot='{slot.pk}']")).to_have_count(0)
