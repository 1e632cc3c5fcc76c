"""The issue's journey in a real browser: during a live session the clerk records three questions with the
keyboard only; 交通局's liaison drafts the answer to one and the agency head approves it; the clerk builds
the written-answer book and downloads the ODT.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.utils import timezone
from odfdo import Document

from secretariat.accounts.models import User
from secretariat.council.models import Councillor, Question, Session, Term
from tests.browser import open_step, playwright_or_skip, sign_in_by_session

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser

QUESTIONS = [  # councillor, topic, lead agency, other agencies, content
    ("王議員", "捷運延伸線進度", "交通局", "捷運局", "請說明延伸線何時通車。"),
    ("李議員", "校園午餐品質", "教育局", "", "請說明午餐抽驗結果。"),
    ("陳議員", "長照據點布建", "社會局", "衛生局", "請說明各區據點數。"),
]
ANSWER = "本局已完成延伸線土建工程，預計明年底通車。"


@pytest.fixture
def sitting(live_site: Any, secretariat_clerk: User, liaison: User, agency_head: User) -> Session:
    today = timezone.localdate()
    term = Term.objects.create(number=14, starts_on=today - dt.timedelta(days=400),
                               ends_on=today + dt.timedelta(days=800))
    for name in ("王議員", "李議員", "陳議員"):
        Councillor.objects.create(term=term, name=name)
    return Session.objects.create(term=term, number=2, starts_on=today - dt.timedelta(days=10),
                                  ends_on=today + dt.timedelta(days=30))


def record_by_keyboard(page: Any, councillor: str, topic: str, lead: str, others: str, content: str,
                       *, submit_with_ctrl_enter: bool) -> None:
    """The cursor starts in the councillor field; Tab moves on; the kind keeps its default."""
    expect(page.locator("#id_councillor")).to_be_focused()
    keyboard = page.keyboard
    keyboard.type(councillor)
    keyboard.press("Tab")  # kind of question: left as it is
    keyboard.press("Tab")
    keyboard.type(topic)
    keyboard.press("Tab")
    keyboard.type(lead)
    keyboard.press("Tab")
    keyboard.type(others)
    keyboard.press("Tab")
    keyboard.type(content)
    if submit_with_ctrl_enter:
        keyboard.press("Control+Enter")
    else:
        keyboard.press("Shift+Tab")  # back to the other agencies: Enter in a single-line field records
        keyboard.press("Escape")  # closes the browser's suggestion list, if it opened
        keyboard.press("Enter")
    expect(page.locator("#live-area .flash.success")).to_contain_text(topic)


def test_a_clerk_records_three_questions_and_compiles_the_answer_book(
        sitting: Session, new_page: Any, live_server: Any, secretariat_clerk: User, liaison: User,
        agency_head: User) -> None:
    base = live_server.url
    clerk_page = new_page()
    sign_in_by_session(clerk_page, base, secretariat_clerk)
    clerk_page.goto(f"{base}/council/questions/live/")
    for number, (councillor, topic, lead, others, content) in enumerate(QUESTIONS):
        record_by_keyboard(clerk_page, councillor, topic, lead, others, content,
                           submit_with_ctrl_enter=number != 1)
    expect(clerk_page.locator("#recorded-today tbody tr")).to_have_count(3)
    expect(clerk_page.locator("#id_councillor")).to_be_focused()  # ready for the next speaker
    assert Question.objects.count() == 3
    metro = Question.objects.get(topic="捷運延伸線進度")
    assert [agency.short_name for agency in metro.case.co_agencies.all()] == ["捷運局"]

    liaison_page = new_page()
    sign_in_by_session(liaison_page, base, liaison)
    liaison_page.goto(f"{base}/cases/{metro.pk}/")
    open_step(liaison_page, "accept").locator("button[type=submit]").click()
    expect(liaison_page.locator("#case-main .flash.success")).to_be_visible()
    answer = open_step(liaison_page, "answer")
    answer.locator("textarea[name=answer]").fill(ANSWER)
    answer.locator("button[type=submit]").click()
    expect(liaison_page.locator("#question-panel .draft-answer")).to_contain_text(ANSWER)

    head_page = new_page()
    sign_in_by_session(head_page, base, agency_head)
    head_page.goto(f"{base}/cases/{metro.pk}/")
    open_step(head_page, "approve_answer").locator("button[type=submit]").click()
    expect(head_page.locator("#question-panel .approved-answer")).to_contain_text(ANSWER)

    clerk_page.goto(f"{base}/council/questions/?session={sitting.pk}")
    with clerk_page.expect_download() as download_info:
        clerk_page.locator(f"a[href='/council/sessions/{sitting.pk}/answer-book.odt']").click()
    book = Document(io.BytesIO(download_info.value.path().read_bytes()))
    text = book.body.text_recursive
    assert ANSWER in text
    assert "校園午餐品質" not in text  # not yet answered: stays out of the book
