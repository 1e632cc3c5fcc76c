"""The Content-Security-Policy in a real browser: pages across the apps, the API docs and the public pages
load without one refused script or style, and htmx still swaps. Skips without /usr/bin/chromium."""

from __future__ import annotations

from typing import Any

import pytest

from secretariat.accounts.models import User
from tests.browser import playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser

STAFF_PAGES = ["/", "/cases/", "/council/questions/live/", "/council/questions/", "/counters/counter/statistics/",
               "/counters/consultations/", "/media/press/", "/reports/", "/calendar/"]
PUBLIC_PAGES = ["/accounts/login/", "/petitions/new/", "/petitions/answer/", "/press/",
                "/counters/consultations/book/"]


def watched(page: Any) -> list[str]:
    """The errors `page` reports from now on: refused by the policy ("… violates the following Content Security
    Policy directive …"), failed to load (a missing favicon too), or thrown by a script."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def visit_all(page: Any, base_url: str, paths: list[str]) -> list[str]:
    """Open each path in turn (each must answer 2xx) and return the errors the browser reported on the way."""
    problems = watched(page)
    for path in paths:
        response = page.goto(f"{base_url}{path}")
        assert response is not None
        assert response.ok, path
        page.wait_for_load_state("networkidle")
    return problems


@pytest.fixture
def admin(live_site: Any, secretariat_admin: User) -> User:
    return secretariat_admin


def test_staff_pages_load_nothing_the_policy_refuses(admin: User, new_page: Any, live_server: Any) -> None:
    page = new_page()
    sign_in_by_session(page, live_server.url, admin)
    assert visit_all(page, live_server.url, STAFF_PAGES) == []


def test_public_pages_load_nothing_the_policy_refuses(live_site: Any, reference_data: None, new_page: Any) -> None:
    page = new_page()
    assert visit_all(page, live_site.url, PUBLIC_PAGES) == []


def test_the_api_docs_render_from_this_site_alone(admin: User, new_page: Any, live_server: Any) -> None:
    page = new_page()
    sign_in_by_session(page, live_server.url, admin)
    problems = watched(page)
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:") else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("Secretariat API")
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
    assert foreign == []
    assert problems == []
