"""The question pages as staff and councillors meet them: live entry, the case panel, the answer book."""

from __future__ import annotations

import re

import pytest

from secretariat.cases.models import Case
from secretariat.cases.services import case_transition
from secretariat.council.models import Question
from secretariat.council.tests.question_helpers import answer_and_approve, record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]
LIVE = "/council/questions/live/"


def _entry(session, **changes: str) -> dict[str, str]:
    data = {"session": str(session.pk), "asked_on": "112/10/03", "councillor": "王議員", "kind": "general",
            "topic": "捷運延伸線進度", "content": "請說明", "lead_agency": "交通局", "other_agencies": "工務局、捷運局"}
    return {**data, **changes}


def test_the_clerk_records_a_question_and_gets_an_empty_form_back(session, client_for, secretariat_clerk):
    response = client_for(secretariat_clerk).post(LIVE, _entry(session))
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.lead_agency.short_name == "交通局"
    assert question.case.co_agencies.count() == 2
    page = response.content.decode()
    assert question.case.reference in page
    councillor_input = re.search(r'<input[^>]*name="councillor"[^>]*>', page)
    assert councillor_input is not None
    assert "value=" not in councillor_input.group(0)  # cleared for the next speaker
    assert "autofocus" in councillor_input.group(0)


def test_htmx_gets_only_the_live_area(session, client_for, secretariat_clerk):
    response = client_for(secretariat_clerk).post(LIVE, _entry(session), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="live-area"')
    assert "<html" not in page


@pytest.mark.parametrize(("changes", "message"), [
    ({"councillor": "不存在議員"}, "不存在議員"),
    ({"asked_on": "113/01/05"}, "2024-01-05"),
    ({"topic": ""}, "topic"),
])
def test_bad_entries_are_refused_with_a_message_and_nothing_written(session, client_for, secretariat_clerk, changes,
                                                                    message):
    response = client_for(secretariat_clerk, HTTP_ACCEPT_LANGUAGE="en").post(LIVE, _entry(session, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_an_agency_liaison_has_no_live_entry(session, client_for, liaison):
    assert client_for(liaison).get(LIVE).status_code == 404


def test_the_agency_sees_the_draft_but_the_councillor_only_the_approved_answer(
        session, client_for, secretariat_clerk, liaison, councillor):
    question = record(secretariat_clerk, session=session)
    question.councillor.user = councillor
    question.councillor.save()
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "內部草稿文字"})
    assert "內部草稿文字" in client_for(liaison).get(f"/cases/{question.pk}/").content.decode()
    page = client_for(councillor).get(f"/cases/{question.pk}/")
    assert page.status_code == 200
    assert "內部草稿文字" not in page.content.decode()


def test_the_approved_answer_reaches_the_councillor(session, client_for, secretariat_clerk, liaison, agency_head,
                                                   councillor):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head, text="核定答復文字")
    question.councillor.user = councillor
    question.councillor.save()
    assert "核定答復文字" in client_for(councillor).get(f"/cases/{question.pk}/").content.decode()


def test_an_outsider_cannot_open_another_agencys_question(session, client_for, secretariat_clerk, outsider):
    question = record(secretariat_clerk, session=session)
    assert client_for(outsider).get(f"/cases/{question.pk}/").status_code == 404


def test_the_secretariat_opens_a_follow_up_from_the_case_page(session, client_for, secretariat_clerk, liaison,
                                                             agency_head):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head)
    response = client_for(secretariat_clerk).post(f"/council/questions/{question.pk}/follow-up/",
                                                  {"commitment": "三個月內提出檢討報告"})
    follow_up = Question.objects.get(follow_up_of=question)
    assert response["Location"] == f"/cases/{follow_up.pk}/"


def test_the_answer_book_downloads_from_the_question_list(session, client_for, secretariat_clerk):
    record(secretariat_clerk, session=session)
    listing = client_for(secretariat_clerk).get("/council/questions/", {"session": session.pk}).content.decode()
    assert f"/council/sessions/{session.pk}/answer-book.odt" in listing
    response = client_for(secretariat_clerk).get(f"/council/sessions/{session.pk}/answer-book.odt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"


def test_a_councillor_cannot_download_the_answer_book(session, client_for, councillor):
    assert client_for(councillor).get(f"/council/sessions/{session.pk}/answer-book.odt").status_code == 404
