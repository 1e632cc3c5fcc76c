"""A petition's whole life in a real browser (Debian's Chromium via Playwright), as the people involved see it.

A citizen writes to the mayor on the public form and confirms by e-mail; the Secretariat's clerk routes it with
the suggester's help; the suggested agency (交通局) is not competent and hands it back; the clerk re-routes it
to 工務局, whose liaison answers; the clerk closes it; the citizen reads the answer and rates it. A liaison of a
third agency (衛生局) never sees it.

Skips without /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core import mail

from secretariat.accounts.constants import Role
from secretariat.accounts.models import Agency, User
from secretariat.cases.services import case_transition
from secretariat.petitions.services import petition_register
from secretariat.petitions.services import reference as petitions_reference
from secretariat.petitions.services.routing import routing_model_train
from tests.browser import open_step, playwright_or_skip, sign_in
from tests.fixtures import PERSONA_PASSWORD

sync_api = playwright_or_skip()
expect = sync_api.expect

pytestmark = pytest.mark.browser

# What the Secretariat routed before: traffic signals went to 交通局, street lights and pavements to 工務局.
PAST_ROUTING = {
    "交通局": ["市府路口號誌秒數太短", "松壽路口號誌故障一直閃黃燈", "路口行人號誌時間不足", "號誌桿被貨車撞歪",
               "忠孝東路口號誌時相調整"],
    "工務局": ["公園路燈壞掉", "人行道破損難行走", "道路坑洞害機車摔倒", "巷子路燈閃爍不停"],
    "環保局": ["垃圾車收運時間太早", "巷口垃圾堆積發臭", "夜間施工噪音擾人"],
}
# A street light on a signal pole: the words are 交通局's (路口, 號誌), the light is 工務局's (公燈).
SUBJECT = "市府路口號誌桿上的路燈不亮"
CONTENT = "市長您好：市府路與松壽路口號誌桿上的路燈已經壞了一個星期，晚上路口很暗，行人過馬路很危險，請派人修理。"
CITIZEN_EMAIL = "chen.meiling@example.com"
RETURN_REASON = "號誌桿上的路燈屬工務局公燈處養護，非本局權責。"
ANSWER = "本府工務局公燈處已於今日派員更換市府路與松壽路口的路燈燈具，恢復照明。感謝您的來信。"
RATING_COMMENT = "修得很快，謝謝。"


@dataclass(frozen=True)
class People:
    clerk: User  # 林書記, Secretariat
    traffic: User  # 黃聯絡, liaison of 交通局: suggested first, not competent
    public_works: User  # 邱聯絡, liaison of 工務局: the right agency
    outsider: User  # 周聯絡, liaison of 衛生局: must never see the case


@pytest.fixture
def people(live_site: Any, secretariat_clerk: User, liaison: User, outsider: User,
           make_persona: Callable[..., User]) -> People:
    public_works = make_persona("public-works", "邱聯絡", Role.AGENCY_LIAISON, "工務局")
    return People(clerk=secretariat_clerk, traffic=liaison, public_works=public_works, outsider=outsider)


@pytest.fixture
def trained_router(people: People) -> None:
    """Past petitions the clerk registered and routed, and the suggester trained on them (`petitions_train_router`)."""
    petitions_reference.load()  # the public form's categories
    for short_name, subjects in PAST_ROUTING.items():
        agency = Agency.objects.get(short_name=short_name)
        for subject in subjects:
            registered = petition_register(actor=people.clerk, channel="letter", subject=subject,
                                           content=f"市長您好，{subject}，請儘速處理，謝謝。")
            case_transition(actor=people.clerk, case_id=registered.petition.pk, name="assign",
                            data={"agency": agency})
    assert routing_model_train().model_id is not None


# --- the steps, each as the person taking it sees it ----------------------------------------------------------


def citizen_files_and_confirms(page: Any, base_url: str) -> tuple[str, str]:
    """The public form, the mailed link, the confirm button → (case number, case password)."""
    page.goto(f"{base_url}/petitions/new/")
    page.locator("#id_subject").fill(SUBJECT)
    page.locator("#id_content").fill(CONTENT)
    page.locator("#id_location").fill("市府路與松壽路口")
    page.locator("#id_petitioner_name").fill("陳美玲")
    page.locator("#id_petitioner_email").fill(CITIZEN_EMAIL)
    page.locator("#id_consent").check()
    page.locator("main form.card button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("請查收電子郵件")

    [confirmation] = [message for message in mail.outbox if message.to == [CITIZEN_EMAIL]]
    assert confirmation.subject == "請確認您給市長的陳情"
    link = re.search(r"https?://\S+/petitions/confirm/[\w-]+/", str(confirmation.body))
    assert link is not None, confirmation.body
    page.goto(base_url + urlsplit(link.group()).path)  # the mail names the public site; here it is the live server
    expect(page.locator("main h1")).to_have_text("確認您的陳情")
    page.locator("#confirm-petition").click()

    expect(page.locator("main h1")).to_have_text("您的陳情已成案")
    reference = page.locator("#case-reference").inner_text().strip()
    password = page.locator("#case-password").inner_text().strip()
    assert re.fullmatch(r"P\d+", reference), reference
    assert password
    return reference, password


def open_from_inbox(page: Any, base_url: str, reference: str) -> None:
    page.goto(f"{base_url}/cases/")
    page.get_by_role("link", name=reference, exact=True).click()
    expect(page.locator("#case-main h1")).to_contain_text(reference)


def status_of(page: Any) -> Any:
    return page.locator("#case-main .case-header dd strong")


def clerk_assigns_with_the_suggestion(page: Any, base_url: str, reference: str) -> None:
    open_from_inbox(page, base_url, reference)
    expect(status_of(page)).to_have_text("收件")
    suggestion = page.locator("#routing-panel .routing-suggestion").first
    expect(suggestion.locator(".routing-agency")).to_have_text("交通局")

    suggestion.get_by_role("button", name="分派給交通局").click()

    expect(page.locator("main .flash.success")).to_have_text("已完成：分案。")
    expect(status_of(page)).to_have_text("已分案")
    expect(page.locator("#case-main .case-header")).to_contain_text("交通局")
    expect(page.locator("#routing-panel")).to_have_count(0)  # routed: nothing left to suggest


def liaison_returns_as_not_competent(page: Any, base_url: str, reference: str) -> None:
    open_from_inbox(page, base_url, reference)
    expect(status_of(page)).to_have_text("已分案")
    step = open_step(page, "return")
    step.locator("textarea[name=reason]").fill(RETURN_REASON)

    step.locator("button[type=submit]").click()

    page.wait_for_url(f"{base_url}/cases/")  # the case left this agency's inbox
    expect(page.locator("main .flash.success")).to_contain_text("本案已不在貴機關的收件匣中")
    expect(page.get_by_role("link", name=reference, exact=True)).to_have_count(0)


def clerk_reroutes(page: Any, base_url: str, reference: str) -> None:
    open_from_inbox(page, base_url, reference)
    expect(status_of(page)).to_have_text("退回改分")
    expect(page.locator("#case-main .timeline")).to_contain_text(RETURN_REASON)
    expect(page.locator("#routing-panel")).to_contain_text("交通局 已以非權管業務退回，不再建議。")
    step = open_step(page, "assign")
    step.locator("select[name=agency]").select_option(label="工務局")

    step.locator("button[type=submit]").click()

    expect(page.locator("#case-main .flash.success")).to_have_text("已完成：分案。")
    expect(status_of(page)).to_have_text("已分案")
    expect(page.locator("#case-main .case-header")).to_contain_text("工務局")


def agency_accepts_and_answers(page: Any, base_url: str, reference: str) -> None:
    open_from_inbox(page, base_url, reference)
    open_step(page, "accept").locator("button[type=submit]").click()
    expect(status_of(page)).to_have_text("辦理中")

    step = open_step(page, "answer")
    step.locator("textarea[name=answer]").fill(ANSWER)
    step.locator("button[type=submit]").click()

    expect(page.locator("#case-main .flash.success")).to_have_text("已完成：答復。")
    expect(status_of(page)).to_have_text("已答復")


def clerk_closes(page: Any, base_url: str, reference: str) -> None:
    open_from_inbox(page, base_url, reference)
    expect(status_of(page)).to_have_text("已答復")
    open_step(page, "close").locator("button[type=submit]").click()
    expect(status_of(page)).to_have_text("已結案")


def citizen_reads_and_rates(page: Any, base_url: str, reference: str, password: str) -> None:
    page.goto(f"{base_url}/petitions/answer/")
    page.locator("#id_reference").fill(reference)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="查詢", exact=True).click()

    expect(page.locator("#petition-status")).to_have_text("已結案")
    expect(page.locator("#petition-answer")).to_have_text(ANSWER)
    page.locator("input[name=rating][value='5']").check()
    page.locator("#id_comment").fill(RATING_COMMENT)
    page.get_by_role("button", name="送出評分", exact=True).click()

    expect(page.locator("main .flash.success")).to_have_text("謝謝您，評分已記錄。")
    expect(page.locator("main")).to_contain_text("您的評分：5 / 5。")


def outsider_cannot_see(page: Any, base_url: str, reference: str, case_url: str) -> None:
    response = page.goto(case_url)
    assert response is not None
    assert response.status == 404
    expect(page.locator("main")).to_contain_text("此頁面不存在，或您無權檢視。")

    page.goto(f"{base_url}/cases/?text={reference}")
    expect(page.get_by_role("link", name=reference, exact=True)).to_have_count(0)
    expect(page.locator("table.cases")).to_contain_text("沒有符合條件的案件。")


# --- the journey -----------------------------------------------------------------------------------------------


def test_a_petition_from_the_public_form_to_the_citizens_rating(new_page: Callable[..., Any], live_site: Any,
                                                                  people: People, trained_router: None) -> None:
    base_url = live_site.url
    citizen, clerk = new_page(), new_page()

    reference, password = citizen_files_and_confirms(citizen, base_url)

    sign_in(clerk, base_url, people.clerk.username, PERSONA_PASSWORD)
    clerk_assigns_with_the_suggestion(clerk, base_url, reference)
    case_url = clerk.url

    traffic = new_page()
    sign_in(traffic, base_url, people.traffic.username, PERSONA_PASSWORD)
    liaison_returns_as_not_competent(traffic, base_url, reference)

    clerk_reroutes(clerk, base_url, reference)

    public_works = new_page()
    sign_in(public_works, base_url, people.public_works.username, PERSONA_PASSWORD)
    agency_accepts_and_answers(public_works, base_url, reference)

    clerk_closes(clerk, base_url, reference)
    told = [message for message in mail.outbox if message.to == [CITIZEN_EMAIL] and reference in message.subject]
    assert f"您的陳情案 {reference} 已答復" in [message.subject for message in told]

    citizen_reads_and_rates(citizen, base_url, reference, password)

    outsider = new_page()
    sign_in(outsider, base_url, people.outsider.username, PERSONA_PASSWORD)
    outsider_cannot_see(outsider, base_url, reference, case_url)
