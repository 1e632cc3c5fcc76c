"""The work queue in a real browser (Debian's Chromium via Playwright): the clerk routes three fresh petitions
from the "to route" tab with the keyboard alone — j to move, x to select — then one press of the bar's button.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from secretariat.accounts.models import Agency, User
from secretariat.cases.models import Case, CaseStatus
from secretariat.notifications.models import Notification
from tests.browser import playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser
SUBJECTS = ("中山路人行道破損", "公園路燈不亮", "垃圾車未按時收運")


def test_the_clerk_routes_three_fresh_petitions_with_the_keyboard(
        live_site: Any, new_page: Callable[..., Any], secretariat_clerk: User, liaison: User,
        register_petition: Callable[..., Case]) -> None:
    cases = [register_petition(subject, received="2026-12-01") for subject in SUBJECTS]
    page = new_page()
    sign_in_by_session(page, live_site.url, secretariat_clerk)
    page.goto(f"{live_site.url}/cases/?tab=route")
    expect(page.locator("a[data-tab=route] .count")).to_have_text("3")

    for _case in cases:
        page.keyboard.press("j")
        page.keyboard.press("x")
    expect(page.locator("tr[data-queue-row] input[type=checkbox]:checked")).to_have_count(3)
    page.locator("#bulk-assign select").select_option(str(Agency.objects.get(short_name="交通局").pk))
    page.locator("#bulk-assign .bulk-bar button[type=submit]").click()

    expect(page.locator(".flash").first).to_be_visible()
    expect(page.locator("a[data-tab=route] .count")).to_have_text("0")
    assert set(Case.objects.filter(pk__in=[case.pk for case in cases]).values_list("status", flat=True)) == {
        CaseStatus.ASSIGNED}
    assert Notification.objects.filter(user=liaison, event="case.assigned").count() == 3
