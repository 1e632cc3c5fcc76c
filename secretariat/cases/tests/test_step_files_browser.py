"""A liaison answers with a file in a real browser (Debian's Chromium via Playwright): the htmx step sends the
file with the answer, and the swapped-in timeline lists it. Skips without /usr/bin/chromium."""

from __future__ import annotations

import re
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
from tests.files import pdf_bytes

sync_api = playwright_or_skip()

pytestmark = pytest.mark.browser


@pytest.fixture
def people(live_site: Any) -> dict[str, User]:
    core_reference.load()
    accounts_reference.load()
    secretariat, transport = Agency.objects.get(short_name="秘書處"), Agency.objects.get(short_name="交通局")
    clerk = user_create(actor=SYSTEM, username="browser-clerk", password="Browser-test-2024",
                        role="secretariat_staff", agency=secretariat,
                        unit=Unit.objects.get(agency=secretariat, name="機要組"), display_name="林書記")
    liaison = user_create(actor=SYSTEM, username="browser-liaison", password="Browser-test-2024",
                          role="agency_liaison", agency=transport, display_name="黃聯絡")
    return {"clerk": clerk, "liaison": liaison}


@pytest.fixture
def accepted(people: dict[str, User]) -> Case:
    from django.apps import apps

    from secretariat.cases.services import case_open

    case = case_open(actor=people["clerk"], kind_code="petition", title="信義路路燈不亮")
    apps.get_model("petitions", "Petition").objects.create(case=case, channel="letter", subject=case.title,
                                                           content="路燈不亮，請修理。")
    take(people["clerk"], case, "assign", agency=Agency.objects.get(short_name="交通局"))
    return take(people["liaison"], case, "accept")


def test_a_liaison_answers_with_a_file_and_the_timeline_shows_it(new_page: Callable[..., Any], live_server: Any,
                                                                 people: dict[str, User], accepted: Case,
                                                                 tmp_path: Any) -> None:
    page = new_page()
    sign_in_by_session(page, live_server.url, people["liaison"])
    letter = tmp_path / "維修紀錄.pdf"
    letter.write_bytes(pdf_bytes())
    page.goto(f"{live_server.url}/cases/{accepted.pk}/")
    step = open_step(page, "answer")
    step.locator("textarea[name=answer]").fill("路燈已修復，維修紀錄詳如附件。")
    step.locator("input[name=attachments]").set_input_files(str(letter))

    step.locator("button[type=submit]").click()

    sync_api.expect(page.locator("#case-main .flash.success")).to_be_visible()
    files = page.locator(".timeline .step-files")
    sync_api.expect(files).to_contain_text("維修紀錄.pdf")
    sync_api.expect(files.locator("a")).to_have_attribute("href", re.compile(r"^/attachments/"))
    assert Case.objects.get(pk=accepted.pk).status == CaseStatus.ANSWERED
