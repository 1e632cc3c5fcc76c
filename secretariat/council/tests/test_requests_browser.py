"""A councillor's urgent data request in a real browser (Debian's Chromium via Playwright).

鄭議員 files an urgent request in the councillor portal; the Secretariat's clerk assigns it to 交通局, whose head
confirms the date; the liaison drafts the answer and the head (the senior reviewer) releases it; the councillor
reads it with its delivery time, reopens it because it misses the question, the agency answers again and the
head releases it again — and the councillor cannot reopen a second time.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from secretariat.accounts.models import Agency, User
from secretariat.council.tests.request_helpers import make_councillor
from tests.browser import open_step, playwright_or_skip, sign_in, sign_in_by_session
from tests.fixtures import PERSONA_PASSWORD

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser

FIRST_ANSWER = "本局112年公車路線營運資料如附件。"
SECOND_ANSWER = "補充：本局106年至112年公車路線營運資料如附件。"


def take_step(page: Any, base_url: str, case_id: int, name: str, **fields: str) -> None:
    """Open the case page, fill the step's fields and take it; waits for the page to say it is done."""
    page.goto(f"{base_url}/cases/{case_id}/")
    step = open_step(page, name)
    for field, value in fields.items():
        target = step.locator(f"[name={field}]")
        if field == "agency":
            target.select_option(value)
        else:
            target.fill(value)
    step.locator("button[type=submit]").click()
    expect(page.locator("#case-main .flash.success")).to_be_visible()


def test_an_urgent_request_answered_released_reopened_and_answered_again(
        live_site: Any, new_page: Callable[..., Any], councillor: User, secretariat_clerk: User, liaison: User,
        agency_head: User) -> None:
    base = live_site.url
    make_councillor("鄭議員", councillor)

    # The councillor files an urgent request in the portal: 最速件 needs the urgent mark and a reason.
    portal = new_page()
    sign_in(portal, base, councillor.username, PERSONA_PASSWORD)
    portal.goto(f"{base}/council/portal/new/")
    portal.locator("#id_subject").fill("公車路線營運資料")
    portal.locator("#id_content").fill("請提供本市各公車路線近年營運資料，供明日質詢使用。")
    portal.locator("#id_urgency").select_option("urgent")
    portal.locator("#id_marked_urgent").check()
    portal.locator("#id_urgent_reason").fill("明日業務質詢需用")
    portal.locator("main form.card button[type=submit]").click()
    expect(portal).to_have_url(re.compile(r"/council/portal/\d+/$"))
    case_id = int(portal.url.rstrip("/").rsplit("/", 1)[1])
    expect(portal.locator(".badge.warn")).to_be_visible()  # the date is still to be confirmed

    # The Secretariat assigns it; the agency head confirms the date; the liaison drafts; the head releases.
    clerk, agency, head = new_page(), new_page(), new_page()
    sign_in_by_session(clerk, base, secretariat_clerk)
    sign_in_by_session(agency, base, liaison)
    sign_in_by_session(head, base, agency_head)
    traffic = str(Agency.objects.get(short_name="交通局").pk)
    take_step(clerk, base, case_id, "assign", agency=traffic)
    take_step(head, base, case_id, "confirm_due", until="2099-12-31")
    take_step(agency, base, case_id, "answer", answer=FIRST_ANSWER)
    agency.goto(f"{base}/cases/{case_id}/")
    expect(agency.locator("#step-close")).to_have_count(0)  # the drafter cannot release
    take_step(head, base, case_id, "close")

    # The councillor reads the answer with its delivery time, and reopens it once.
    portal.goto(f"{base}/council/portal/{case_id}/")
    expect(portal.locator("#answer")).to_have_text(FIRST_ANSWER)
    expect(portal.locator("#delivered-at")).to_have_text(re.compile(r"\d{3}/\d{2}/\d{2} \d{2}:\d{2}"))
    portal.locator("textarea[name=reason]").fill("未提供106年以前之資料。")
    portal.locator("main form.card button[type=submit]").click()
    expect(portal.locator("#answer")).to_have_count(0)

    # The agency answers again and the head releases again; no second reopen is offered.
    take_step(agency, base, case_id, "answer", answer=SECOND_ANSWER)
    take_step(head, base, case_id, "close")
    portal.goto(f"{base}/council/portal/{case_id}/")
    expect(portal.locator("#answer")).to_have_text(SECOND_ANSWER)
    expect(portal.locator("textarea[name=reason]")).to_have_count(0)
