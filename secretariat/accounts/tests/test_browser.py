"""Browser journeys through sign-in, language switching and sign-out, in Debian's Chromium via Playwright.

Run with `make browser-deps` done once (Chromium and the CJK fonts); without /usr/bin/chromium the module skips.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import reference as accounts_reference
from secretariat.accounts.services import user_create
from secretariat.core import reference as core_reference
from secretariat.core.changes import SYSTEM
from tests import browser as shared

sync_api = shared.playwright_or_skip()

pytestmark = pytest.mark.browser

USERNAME = "browser-clerk"
PASSWORD = "Browser-test-2024"
DISPLAY_NAME = "林書記"
# A look at the signed-in home page for a human to check: /tmp/home.png unless TMPDIR says otherwise.
HOME_SCREENSHOT = Path(tempfile.gettempdir()) / "home.png"


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    # A clerk's browser with fresh cookies for each test.
    return new_page(height=800)


@pytest.fixture
def clerk(live_site: Any) -> User:
    core_reference.load()
    accounts_reference.load()
    agency = Agency.objects.get(short_name="秘書處")
    unit = Unit.objects.get(agency=agency, name="機要組")
    return user_create(actor=SYSTEM, username=USERNAME, password=PASSWORD, role="secretariat_staff",
                       agency=agency, unit=unit, display_name=DISPLAY_NAME)


def login_url(live_server: Any) -> str:
    return f"{live_server.url}/accounts/login/"


def sign_in(page: Any, live_server: Any, password: str = PASSWORD) -> None:
    shared.sign_in(page, live_server.url, USERNAME, password)


def open_menu(page: Any) -> Any:
    menu = page.locator("details.menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    return menu


def test_sign_in_lands_on_home_in_chinese(page: Any, live_server: Any, clerk: User) -> None:
    sign_in(page, live_server)

    assert page.url == f"{live_server.url}/"
    assert page.locator("html").get_attribute("lang").startswith("zh")
    sync_api.expect(page.locator("details.menu summary")).to_have_text(DISPLAY_NAME)
    page.screenshot(path=HOME_SCREENSHOT, full_page=True)
    menu = open_menu(page)
    sync_api.expect(menu.get_by_role("button", name="登出")).to_be_visible()


def test_language_switch_to_english_and_back(page: Any, live_server: Any, clerk: User) -> None:
    sign_in(page, live_server)

    with page.expect_navigation():
        page.locator("header.topbar").get_by_role("button", name="English").click()
    sync_api.expect(page.locator("html")).to_have_attribute("lang", "en")
    open_menu(page)
    sync_api.expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    with page.expect_navigation():
        page.locator("header.topbar").get_by_role("button", name="中文").click()
    sync_api.expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    open_menu(page)
    sync_api.expect(page.get_by_role("button", name="登出")).to_be_visible()


def test_sign_out_returns_to_login(page: Any, live_server: Any, clerk: User) -> None:
    sign_in(page, live_server)

    open_menu(page).get_by_role("button", name="登出").click()
    page.wait_for_url(login_url(live_server))
    sync_api.expect(page.locator("#id_password")).to_be_visible()
    sync_api.expect(page.locator("details.menu")).to_have_count(0)

    page.goto(f"{live_server.url}/")  # the session is really gone: home sends us back to sign in
    assert page.url.startswith(login_url(live_server))


def test_wrong_password_shows_clear_error_and_stays(page: Any, live_server: Any, clerk: User) -> None:
    sign_in(page, live_server, password="Not-the-password-1")

    assert page.url.startswith(login_url(live_server))
    sync_api.expect(page.get_by_role("alert")).to_contain_text("帳號或密碼錯誤")
    sync_api.expect(page.locator("#id_username")).to_have_value(USERNAME)
    sync_api.expect(page.locator("details.menu")).to_have_count(0)
