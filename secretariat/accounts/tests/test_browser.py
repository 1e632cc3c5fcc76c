"""Browser journeys through sign-in, language switching and sign-out, in Debian's Chromium via Playwright.

Run with `make browser-deps` done once (Chromium and the CJK fonts); without /usr/bin/chromium the module skips.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed: run `make browser-deps`",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

from secretariat.accounts import reference as accounts_reference  # noqa: E402
from secretariat.accounts.models import Agency, Unit, User  # noqa: E402
from secretariat.accounts.services import user_create  # noqa: E402
from secretariat.audit.models import AuditHead  # noqa: E402
from secretariat.core import reference as core_reference  # noqa: E402
from secretariat.core.changes import SYSTEM  # noqa: E402

pytestmark = pytest.mark.browser

USERNAME = "browser-clerk"
PASSWORD = "Browser-test-2024"
DISPLAY_NAME = "林書記"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 10_000
# A look at the signed-in home page for a human to check: /tmp/home.png unless TMPDIR says otherwise.
HOME_SCREENSHOT = Path(tempfile.gettempdir()) / "home.png"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django refuse database
    # work from it (SynchronousOnlyOperation). The tests only touch the database between browser actions, so
    # allow it, for this module only (the rest of the suite keeps Django's check).
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    # A Taipei clerk's browser asks for Traditional Chinese; each test starts with fresh cookies.
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def clerk(transactional_db: None) -> User:
    # The live server must see committed rows, so each test flushes the database afterwards, taking with it
    # the audit chain's head row that a data migration wrote. Put it back. (django_db_serialized_rollback
    # cannot do it here: with Playwright's loop running, Django hands this thread a fresh connection object
    # that lacks the serialized contents.)
    AuditHead.objects.get_or_create(pk=1)
    core_reference.load()
    accounts_reference.load()
    agency = Agency.objects.get(short_name="秘書處")
    unit = Unit.objects.get(agency=agency, name="機要組")
    return user_create(actor=SYSTEM, username=USERNAME, password=PASSWORD, role="secretariat_staff",
                       agency=agency, unit=unit, display_name=DISPLAY_NAME)


def login_url(live_server: Any) -> str:
    return f"{live_server.url}/accounts/login/"


def sign_in(page: Any, live_server: Any, password: str = PASSWORD) -> None:
    page.goto(login_url(live_server))
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():  # success redirects home; a failure answers the form again (400)
        page.locator("main form button[type=submit]").click()


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
