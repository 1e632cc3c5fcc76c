"""The issue's journey in a real browser: a Secretariat clerk opens the work report, picks the period,
writes the closing text, sees it in the preview with the figures linked to their records, and downloads
the ODT.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from odfdo import Document

from secretariat.accounts.models import User
from tests.browser import playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser


def test_the_clerk_previews_the_report_writes_the_closing_and_downloads_the_odt(
        live_site: Any, secretariat_clerk: User, new_page: Any, counters_registered: None) -> None:
    page = new_page()
    sign_in_by_session(page, live_site.url, secretariat_clerk)
    page.goto(f"{live_site.url}/reports/")
    page.locator("#id_period").fill("112年下半年")
    page.locator("main form button[type=submit]").click()

    expect(page.get_by_role("heading", name="臺北市政府秘書處工作報告")).to_be_visible()
    figure = page.locator("a.figure", has_text="340")
    expect(figure).to_have_attribute("href", "/counters/enquiries/?period=112H2")

    page.locator("#place-參 a[href$='/text/closing/']").click()
    page.locator("#id_text").fill("感謝貴會支持，本處將持續努力。")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#place-參")).to_contain_text("感謝貴會支持，本處將持續努力。")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="ODT").click()
    download = download_info.value
    assert download.suggested_filename == "work-report-112H2.odt"
    text = Document(io.BytesIO(Path(download.path()).read_bytes())).body.text_recursive
    assert "感謝貴會支持，本處將持續努力。" in text
    assert "綜合諮詢服務統計表" in text
