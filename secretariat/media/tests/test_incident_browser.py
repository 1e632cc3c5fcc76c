"""An opinion incident in a real browser (Debian's Chromium via Playwright).

張媒體, the media unit's monitor, records a negative story about the MRT, escalates it to 交通局; 交通局's
liaison opens it from the list, records a clarification release, and the incident case closes.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from secretariat.accounts.models import Agency, User
from secretariat.cases.models import CaseStatus
from secretariat.media.models.opinion import OpinionItem
from tests.browser import playwright_or_skip, sign_in, sign_in_by_session
from tests.fixtures import PERSONA_PASSWORD

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser
HEADLINE = "捷運板南線號誌故障 尖峰通勤族受困月臺"


def test_a_monitor_escalates_an_incident_and_the_agencys_response_closes_it(
        live_site: Any, new_page: Callable[..., Any], monitor: User, liaison: User) -> None:
    base = live_site.url
    traffic = str(Agency.objects.get(short_name="交通局").pk)
    seen = timezone.localtime() - dt.timedelta(minutes=30)

    desk = new_page()
    sign_in(desk, base, monitor.username, PERSONA_PASSWORD)
    desk.goto(f"{base}/media/opinion/new/")
    desk.locator("#id_outlet").fill("北城電視")
    desk.locator("#id_medium").select_option("tv")
    desk.locator("#id_headline").fill(HEADLINE)
    desk.locator("#id_sentiment").select_option("negative")
    desk.locator("#id_reach").fill("350000")
    desk.locator("#id_agencies").select_option([traffic])
    desk.locator("#id_seen_at").fill(seen.strftime("%Y-%m-%dT%H:%M"))
    desk.locator("main form.card button[type=submit]").click()
    expect(desk).to_have_url(re.compile(r"/media/opinion/\d+/$"))
    expect(desk.locator(".flash.success")).to_be_visible()

    # Escalating without choosing the agency is refused on the form; with it, the incident is opened.
    escalate_form = desk.locator("form[action$='/escalate/']")
    escalate_form.locator("button[type=submit]").click()
    expect(desk.locator("form[action$='/escalate/'] .error")).to_be_visible()
    desk.locator("form[action$='/escalate/'] #id_agency").select_option(traffic)
    desk.locator("form[action$='/escalate/'] button[type=submit]").click()
    expect(desk.locator("#incident")).to_contain_text("M")

    # 交通局's liaison finds it at the top of the ranked list and records the clarification release.
    agency = new_page()
    sign_in_by_session(agency, base, liaison)
    agency.goto(f"{base}/media/opinion/")
    agency.get_by_role("link", name=HEADLINE).click()
    respond = agency.locator("form[action$='/respond/']")
    respond.locator("#id_kind").select_option("clarification")
    respond.locator("#id_text").fill("交通局澄清：號誌已於30分鐘內修復，班距恢復正常。")
    respond.locator("#id_link").fill("https://www.gov.taipei/News/1")
    respond.locator("button[type=submit]").click()
    expect(agency.locator("#responses")).to_contain_text("交通局澄清")

    item = OpinionItem.objects.select_related("case").get(headline=HEADLINE)
    assert item.case is not None
    assert item.case.status == CaseStatus.CLOSED
    agency.goto(f"{base}/cases/{item.case.pk}/")
    expect(agency.locator("#opinion-item-heading")).to_be_visible()
