"""What the browser tests share: Debian's Chromium driven by Playwright's sync API against pytest-django's live
server, a Taiwanese browser (zh-TW), and signing in.

Loaded as a pytest plugin (conftest.py), so `browser`, `new_page` and `live_site` are fixtures everywhere; a
test module opts in with `sync_api = playwright_or_skip()`, which skips the whole module when Chromium
(`make browser-deps`) or the playwright package is missing. Playwright is imported only then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from secretariat.accounts.models import User
from secretariat.audit.models import AuditHead

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 10_000
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def playwright_or_skip() -> ModuleType:
    """Playwright's sync API; call at module level: skips the calling module without Chromium or Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed: run `make browser-deps`",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module."""
    sync_api = playwright_or_skip()
    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django refuse database
    # work from it (SynchronousOnlyOperation). The tests touch the database only between browser actions, so
    # allow it while a browser module runs; the rest of the suite keeps Django's check.
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """`new_page()`: a page in a browser context of its own — its own cookies, as another person at another
    desk — that asks for Traditional Chinese, as a Taipei browser does. Closed after the test."""
    contexts: list[Any] = []

    def make(*, width: int = 1280, height: int = 900) -> Any:
        context = browser.new_context(locale="zh-TW", viewport={"width": width, "height": height})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


def restore_flushed_rows() -> None:
    """Put back what a data migration wrote and the previous live-server test's flush took: the audit chain's
    head row. (django_db_serialized_rollback cannot: with Playwright's loop running, Django hands this thread a
    fresh connection object that lacks the serialized contents.)"""
    AuditHead.objects.get_or_create(pk=1)


@pytest.fixture
def live_site(live_server: Any, transactional_db: None) -> Any:
    """The live server, over a database the test's own rows are committed to (it is flushed afterwards).

    Ask for it before any fixture that writes (personas), so the flushed rows are back first."""
    restore_flushed_rows()
    return live_server


def sign_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Sign in on the login page as a person would; waits for the page the form leads to."""
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():  # success redirects; a failure answers the form again (400)
        page.locator("main form button[type=submit]").click()


def sign_in_by_session(page: Any, base_url: str, user: User) -> None:
    """Give the page's browser a session for `user` without the login form (for tests about something else)."""
    client = Client()
    client.force_login(user, backend=LOGIN_BACKEND)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])


def open_step(page: Any, name: str) -> Any:
    """The case page's step `name` (a <details>), opened."""
    step = page.locator(f"#step-{name}")
    if step.get_attribute("open") is None:
        step.locator("summary").click()
    return step
