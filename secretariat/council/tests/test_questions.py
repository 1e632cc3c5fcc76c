"""Questions as tracked cases: recording refuses bad input whole; the agency drafts, only its head
approves, and the Secretariat compiles only approved answers; commitments become follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.cases.models import Case, CaseEvent, CaseStatus
from secretariat.cases.services import case_transition
from secretariat.core.errors import PermissionRefused, ValidationFailed
from secretariat.core.roc import Period
from secretariat.council.models import Question
from secretariat.council.selectors.questions import question_get_for, session_question_counts, visible_questions
from secretariat.council.services.questions import question_follow_up
from secretariat.council.tests.question_helpers import answer_and_approve, record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]


def test_a_recorded_question_is_routed_to_the_agencies_asked_with_the_first_leading(session, secretariat_clerk):
    question = record(secretariat_clerk, session=session, agencies=("交通局", "工務局"))
    case = question.case
    assert case.status == CaseStatus.ASSIGNED
    assert case.lead_agency is not None
    assert case.lead_agency.short_name == "交通局"
    assert [a.short_name for a in case.co_agencies.all()] == ["工務局"]
    assert case.reference.startswith("Q112")


def test_the_answer_is_due_seven_calendar_days_after_assignment_by_default(session, secretariat_clerk):
    question = record(secretariat_clerk, session=session)
    assert question.case.due_on == dt.date(2023, 10, 10)


def test_the_sessions_own_answer_days_set_the_due_date(session, secretariat_clerk):
    session.answer_days = 10
    session.save()
    assert record(secretariat_clerk, session=session).case.due_on == dt.date(2023, 10, 13)


@pytest.mark.parametrize(("field", "value", "code"), [
    ("councillor", "不存在議員", "unknown_councillor"),
    ("asked_on", dt.date(2024, 1, 5), "session_closed"),
    ("topic", "   ", "topic_required"),
    ("agencies", ("不存在局",), "unknown_agency"),
])
def test_bad_input_is_refused_and_nothing_is_written(session, secretariat_clerk, field, value, code):
    with pytest.raises(ValidationFailed) as refused:
        record(secretariat_clerk, session=session, **{field: value})
    assert refused.value.code == code
    assert not Question.objects.exists()
    assert not Case.objects.exists()


def test_an_agency_liaison_may_not_record_questions(session, liaison):
    with pytest.raises(PermissionRefused):
        record(liaison, session=session)


def test_only_the_lead_agencys_head_approves_the_draft(session, secretariat_clerk, liaison, agency_head):
    question = record(secretariat_clerk, session=session)
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "草稿答復"})
    with pytest.raises(PermissionRefused):
        case_transition(actor=liaison, case_id=question.pk, name="approve_answer")
    with pytest.raises(PermissionRefused):
        case_transition(actor=secretariat_clerk, case_id=question.pk, name="approve_answer")
    case_transition(actor=agency_head, case_id=question.pk, name="approve_answer")
    question.refresh_from_db()
    assert question.approved_answer == "草稿答復"
    assert question.approved_by == agency_head
    assert question.case.status == CaseStatus.ANSWERED
    assert CaseEvent.objects.filter(case_id=question.pk, action="approve_answer").exists()


def test_a_draft_cannot_be_compiled_before_its_approval(session, secretariat_clerk, liaison):
    question = record(secretariat_clerk, session=session)
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "草稿答復"})
    with pytest.raises(ValidationFailed) as refused:
        case_transition(actor=secretariat_clerk, case_id=question.pk, name="close")
    assert refused.value.code == "answer_not_approved"
    assert Case.objects.get(pk=question.pk).status == CaseStatus.ANSWERED


def test_the_secretariat_compiles_an_approved_answer(session, secretariat_clerk, liaison, agency_head):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head)
    case = case_transition(actor=secretariat_clerk, case_id=question.pk, name="close")
    assert case.status == CaseStatus.CLOSED


def test_a_new_draft_withdraws_the_earlier_approval(session, secretariat_clerk, liaison, agency_head):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head)
    case_transition(actor=secretariat_clerk, case_id=question.pk, name="reopen", data={"reason": "答非所問"})
    question.refresh_from_db()
    assert question.approved_at is None
    assert question.approved_answer == ""


def test_a_commitment_becomes_a_follow_up_question_for_the_same_agency(session, secretariat_clerk, liaison,
                                                                      agency_head):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head,
                                  commitment="年底前完成路口改善")
    follow_up = question_follow_up(actor=secretariat_clerk, question_id=question.pk)
    assert follow_up.follow_up_of == question
    assert follow_up.content == "年底前完成路口改善"
    assert follow_up.lead_agency.short_name == "交通局"
    assert follow_up.case.lead_agency_id == follow_up.lead_agency_id
    with pytest.raises(ValidationFailed):
        question_follow_up(actor=secretariat_clerk, question_id=question.pk)


def test_an_answer_without_commitment_is_not_followed_up(session, secretariat_clerk, liaison, agency_head):
    question = answer_and_approve(record(secretariat_clerk, session=session), liaison, agency_head)
    with pytest.raises(ValidationFailed):
        question_follow_up(actor=secretariat_clerk, question_id=question.pk)


def test_an_outsider_does_not_see_another_agencys_question(session, secretariat_clerk, outsider, liaison):
    question = record(secretariat_clerk, session=session)
    assert not visible_questions(outsider).exists()
    assert visible_questions(liaison).get() == question


def test_a_councillor_sees_only_their_own_questions(session, secretariat_clerk, councillor):
    own = record(secretariat_clerk, session=session, councillor="王議員")
    record(secretariat_clerk, session=session, councillor="李議員")
    own.councillor.user = councillor
    own.councillor.save()
    assert list(visible_questions(councillor)) == [own]
    assert question_get_for(user=councillor, case_id=own.pk) == own


def test_session_question_counts_cover_the_sessions_overlapping_the_period(session, secretariat_clerk):
    record(secretariat_clerk, session=session)
    record(secretariat_clerk, session=session, councillor="李議員")
    assert session_question_counts(Period.parse("112H2")) == [(session, 2)]
    assert session_question_counts(Period.parse("111H2")) == []
