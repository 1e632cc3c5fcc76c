"""A press release in a real browser (Debian's Chromium via Playwright).

交通局's liaison drafts a release and sends it on; the agency head approves it; the Secretariat's media unit
approves and publishes it; an anonymous reader finds it on the public list, opens it, and a newsroom's
feed reader sees it in the Atom feed. Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from secretariat.accounts.models import User
from tests.browser import playwright_or_skip, sign_in, sign_in_by_session
from tests.fixtures import PERSONA_PASSWORD

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser

TITLE = "市民大道夜間施工交通管制"


def act(page: Any, base: str, release_path: str, button: str) -> None:
    page.goto(f"{base}{release_path}")
    page.locator(button).click()
    expect(page.locator(".flash.success")).to_be_visible()


def test_a_release_is_drafted_approved_twice_published_and_read(
        live_site: Any, new_page: Callable[..., Any], liaison: User, agency_head: User, media_officer: User) -> None:
    base = live_site.url
    writer = new_page()
    sign_in(writer, base, liaison.username, PERSONA_PASSWORD)
    writer.goto(f"{base}/media/press/")
    writer.locator("#new-release").click()
    writer.locator("#id_title").fill(TITLE)
    writer.locator("#id_body").fill("本局訂於本週五晚間實施市民大道夜間施工。\n\n請用路人改道行駛。")
    writer.locator("#save-release").click()
    expect(writer).to_have_url(re.compile(r"/media/press/\d+/$"))
    path = writer.url.removeprefix(base)
    writer.locator("#submit-release").click()
    expect(writer.locator("#release-status")).to_have_attribute("data-status", "submitted")

    head, media = new_page(), new_page()
    sign_in_by_session(head, base, agency_head)
    sign_in_by_session(media, base, media_officer)
    act(head, base, path, "#approve-release")
    act(media, base, path, "#approve-release")
    act(media, base, path, "#publish-release")
    expect(media.locator("#release-status")).to_have_attribute("data-status", "published")

    reader = new_page()
    reader.goto(f"{base}/press/")
    reader.get_by_role("link", name=TITLE).click()
    expect(reader.locator("#release-title")).to_have_text(TITLE)
    expect(reader.locator("#release-body")).to_contain_text("請用路人改道行駛。")
    feed = reader.request.get(f"{base}/press/feeds/releases.atom")
    assert feed.ok
    assert TITLE in feed.text()
