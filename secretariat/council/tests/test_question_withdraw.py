"""Undo of the live entry: the clerk withdraws the last question they typed in error. The number stays
used (gapless), the timeline says who withdrew it, and it no longer counts."""

from __future__ import annotations

import pytest

from secretariat.cases.models import CaseStatus
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.council.selectors.questions import session_question_counts
from secretariat.council.services.questions import question_withdraw
from secretariat.council.tests.question_helpers import record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]


def test_the_last_entry_is_withdrawn_and_no_longer_counted(session, secretariat_clerk):
    kept = record(secretariat_clerk, session=session, topic="公車路網調整")
    typo = record(secretariat_clerk, session=session, topic="打錯的題目")
    question_withdraw(actor=secretariat_clerk, question_id=typo.pk)
    typo.case.refresh_from_db()
    assert typo.case.status == CaseStatus.DECLINED
    assert typo.case.decline_reason == "recorded_in_error"
    assert typo.case.reference > kept.case.reference  # the number stays taken: no gap, no reuse
    assert dict(session_question_counts(Period.parse("112H2")))[session] == 1


def test_an_earlier_entry_cannot_be_withdrawn(session, secretariat_clerk):
    first = record(secretariat_clerk, session=session, topic="第一題")
    record(secretariat_clerk, session=session, topic="第二題")
    with pytest.raises(ValidationFailed):
        question_withdraw(actor=secretariat_clerk, question_id=first.pk)


def test_once_the_agency_takes_it_up_it_stays(session, secretariat_clerk, liaison):
    from secretariat.cases.services import case_transition

    question = record(secretariat_clerk, session=session)
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    with pytest.raises(ValidationFailed):
        question_withdraw(actor=secretariat_clerk, question_id=question.pk)


def test_another_clerk_cannot_withdraw_it(session, secretariat_clerk, secretariat_admin):
    question = record(secretariat_clerk, session=session)
    with pytest.raises(PermissionRefused):
        question_withdraw(actor=secretariat_admin, question_id=question.pk)


def test_an_agency_cannot_decline_a_councillors_question(session, secretariat_clerk, liaison, client_for):
    question = record(secretariat_clerk, session=session)
    response = client_for(liaison).post(f"/api/v1/cases/{question.pk}/steps/decline",
                                        {"reason_code": "recorded_in_error", "version": question.case.version},
                                        content_type="application/json")
    assert response.status_code == 403
    question.case.refresh_from_db()
    assert question.case.status == CaseStatus.ASSIGNED


def test_the_live_page_offers_undo_and_withdraws(session, secretariat_clerk, client_for):
    question = record(secretariat_clerk, session=session, topic="打錯的題目")
    client = client_for(secretariat_clerk)
    assert "live/undo/" in client.get("/council/questions/live/").content.decode()
    response = client.post("/council/questions/live/undo/", {"question": question.pk})
    assert response.status_code == 200
    assert "recorded in error" in response.content.decode() or "誤登" in response.content.decode()
    question.case.refresh_from_db()
    assert question.case.status == CaseStatus.DECLINED
    assert client.post("/council/questions/live/undo/", {"question": question.pk}).status_code == 400


def test_the_api_withdraws_the_last_entry(session, secretariat_clerk, client_for):
    question = record(secretariat_clerk, session=session)
    response = client_for(secretariat_clerk).post(f"/api/v1/council/questions/{question.pk}/withdraw")
    assert response.status_code == 200
    assert client_for(secretariat_clerk).post(f"/api/v1/council/questions/{question.pk}/withdraw").status_code == 400
