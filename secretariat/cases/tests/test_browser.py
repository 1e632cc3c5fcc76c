"""The case page's htmx steps in a real browser (Debian's Chromium via Playwright): a refused step shows
its reason in place, a taken step swaps in the updated case, a stale page is told to reload.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed: run `make browser-deps`",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from secretariat.accounts import reference as accounts_reference  # noqa: E402
from secretariat.accounts.models import Agency, Unit, User  # noqa: E402
from secretariat.accounts.services import user_create  # noqa: E402
from secretariat.audit.models import AuditHead  # noqa: E402
from secretariat.cases.models import Case, CaseStatus  # noqa: E402
from secretariat.cases.tests.stories import take  # noqa: E402
from secretariat.core import reference as core_reference  # noqa: E402
from secretariat.core.changes import SYSTEM  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Playwright's sync API runs an asyncio loop in this thread; the tests touch the database only between
    # browser actions, so Django's async-safety check is relaxed for this module.
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def clerk(transactional_db: None) -> User:
    # The live server sees only committed rows, and each test's flush takes the audit head row with it.
    AuditHead.objects.get_or_create(pk=1)
    core_reference.load()
    accounts_reference.load()
    secretariat = Agency.objects.get(short_name="秘書處")
    return user_create(actor=SYSTEM, username="browser-clerk", password="Browser-test-2024", role="secretariat_staff",
                       agency=secretariat, unit=Unit.objects.get(agency=secretariat, name="機要組"),
                       display_name="林書記")


@pytest.fixture
def page(browser: Any, live_server: Any, clerk: User) -> Iterator[Any]:
    """A browser signed in as the clerk (the session cookie of a test client)."""
    client = Client()
    client.force_login(clerk, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def received(clerk: User) -> Case:
    from django.apps import apps

    from secretariat.cases.services import case_open

    case = case_open(actor=clerk, kind_code="petition", title="信義路路燈不亮")
    apps.get_model("petitions", "Petition").objects.create(case=case, channel="letter", subject=case.title,
                                                           content="路燈不亮，請修理。")
    return case


def open_step(page: Any, name: str) -> Any:
    step = page.locator(f"#step-{name}")
    if step.get_attribute("open") is None:
        step.locator("summary").click()
    return step


def test_a_refused_step_shows_its_reason_in_place(page: Any, live_server: Any, received: Case) -> None:
    page.goto(f"{live_server.url}/cases/{received.pk}/")
    step = open_step(page, "merge")
    step.locator("input[name=into]").fill("P1129999999")

    step.locator("button[type=submit]").click()

    sync_api.expect(page.locator("#step-merge .error")).to_be_visible()
    assert page.url.endswith(f"/cases/{received.pk}/")
    assert Case.objects.get(pk=received.pk).status == CaseStatus.RECEIVED


def test_assigning_swaps_in_the_updated_case(page: Any, live_server: Any, received: Case) -> None:
    page.goto(f"{live_server.url}/cases/{received.pk}/")
    step = open_step(page, "assign")
    step.locator("select[name=agency]").select_option(label="交通局")

    step.locator("button[type=submit]").click()

    sync_api.expect(page.locator("#case-main .flash.success")).to_be_visible()
    sync_api.expect(page.locator("#case-main .case-header")).to_contain_text("交通局")
    sync_api.expect(page.locator("#step-assign")).to_have_count(0)  # no longer a step for a routed case
    assert Case.objects.get(pk=received.pk).status == CaseStatus.ASSIGNED


def test_a_stale_page_is_told_to_reload(page: Any, live_server: Any, received: Case, clerk: User) -> None:
    page.goto(f"{live_server.url}/cases/{received.pk}/")
    take(clerk, received, "assign", agency=Agency.objects.get(short_name="衛生局"))  # someone else, meanwhile
    step = open_step(page, "decline")
    step.locator("select[name=reason_code]").select_option(index=1)

    step.locator("button[type=submit]").click()

    alert = page.locator("#step-decline .flash.error")
    sync_api.expect(alert).to_be_visible()
    sync_api.expect(alert.locator("a")).to_have_attribute("href", f"/cases/{received.pk}/")
    assert Case.objects.get(pk=received.pk).status == CaseStatus.ASSIGNED
