"""The case page's htmx steps in a real browser (Debian's Chromium via Playwright): a refused step shows
its reason in place, a taken step swaps in the updated case, a stale page is told to reload.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from secretariat.accounts.models import Agency, Unit, User
from secretariat.accounts.services import reference as accounts_reference
from secretariat.accounts.services import user_create
from secretariat.cases.models import Case, CaseStatus
from secretariat.cases.tests.stories import take
from secretariat.core import reference as core_reference
from secretariat.core.changes import SYSTEM
from tests.browser import open_step, playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()

pytestmark = pytest.mark.browser


@pytest.fixture
def clerk(live_site: Any) -> User:
    core_reference.load()
    accounts_reference.load()
    secretariat = Agency.objects.get(short_name="秘書處")
    return user_create(actor=SYSTEM, username="browser-clerk", password="Browser-test-2024", role="secretariat_staff",
                       agency=secretariat, unit=Unit.objects.get(agency=secretariat, name="機要組"),
                       display_name="林書記")


@pytest.fixture
def page(new_page: Callable[..., Any], live_server: Any, clerk: User) -> Any:
    """A browser signed in as the clerk (the session cookie of a test client)."""
    page = new_page()
    sign_in_by_session(page, live_server.url, clerk)
    return page


@pytest.fixture
def received(clerk: User) -> Case:
    from django.apps import apps

    from secretariat.cases.services import case_open

    case = case_open(actor=clerk, kind_code="petition", title="信義路路燈不亮")
    apps.get_model("petitions", "Petition").objects.create(case=case, channel="letter", subject=case.title,
                                                           content="路燈不亮，請修理。")
    return case


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
