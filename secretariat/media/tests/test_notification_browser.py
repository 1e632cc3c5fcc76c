"""The incident reaches the agency at once, in a real browser (Debian's Chromium via Playwright).

張媒體 escalates a story about the MRT to 交通局; 交通局's liaison, already signed in, sees the bell's count rise
on the next page, has the mail in the outbox, and opens the incident case from the notification, which is then
read. Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from secretariat.accounts.models import Agency, User
from secretariat.media.services.opinion import opinion_escalate, opinion_item_create
from secretariat.notifications.models import Notification
from tests.browser import playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser
HEADLINE = "捷運文湖線停駛 乘客受困高架軌道"


def test_the_liaison_hears_of_an_escalated_incident_and_opens_it_from_the_bell(
        live_site: Any, new_page: Callable[..., Any], monitor: User, liaison: User) -> None:
    base = live_site.url
    traffic = Agency.objects.get(short_name="交通局")
    page = new_page()
    sign_in_by_session(page, base, liaison)
    page.goto(f"{base}/")
    expect(page.locator(".bell [data-unread]")).to_have_count(0)

    with transaction.atomic():
        item = opinion_item_create(actor=monitor, outlet="北城電視", medium="tv", headline=HEADLINE,
                                   sentiment="negative", reach=350000, agency_ids=[traffic.pk],
                                   seen_at=timezone.now() - dt.timedelta(minutes=5))
    opinion_escalate(actor=monitor, item_id=item.pk, agency_id=traffic.pk)

    page.reload()
    expect(page.locator(".bell [data-unread]")).to_have_text("1")
    assert any(liaison.email in message.to and HEADLINE in message.subject for message in mail.outbox)
    page.locator(".bell").click()
    page.get_by_role("link", name=re.compile(HEADLINE)).click()
    expect(page).to_have_url(re.compile(r"/cases/\d+/$"))
    expect(page.locator("#opinion-item-heading")).to_be_visible()
    expect(page.locator(".bell [data-unread]")).to_have_count(0)
    assert Notification.objects.get(user=liaison, event="media.incident_escalated").read_at is not None
