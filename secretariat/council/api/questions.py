"""Council questions over JSON: record (the Secretariat), list and read (scoped like the pages: the
councillor sees their own questions and never the internal draft), follow-ups, and the review list.
Workflow steps — draft, approve_answer, close — go through /api/v1/cases/{id}/steps/{name}."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from secretariat.core.actors import Actor, SignedInRequest, Viewer
from secretariat.core.errors import NotFound
from secretariat.council.access.questions import can_see_review_list
from secretariat.council.api.schemas import FollowUpIn, QuestionIn, QuestionOut, ReviewItemOut
from secretariat.council.selectors import questions as selectors
from secretariat.council.services.questions import question_follow_up, question_record, question_withdraw

if TYPE_CHECKING:
    from secretariat.council.models import Question

router = Router(tags=["council"])
PAGE = 100


def _out(question: Question, user: Actor | Viewer) -> QuestionOut:
    case = question.case
    return QuestionOut(
        id=question.pk, reference=case.reference, session_id=question.session_id,
        councillor_id=question.councillor_id, councillor=question.councillor.name, asked_on=question.asked_on,
        kind=question.kind, topic=question.topic, content=question.content,
        lead_agency=question.lead_agency.short_name,
        agencies=[agency.short_name for agency in question.agencies.all()], status=case.status, due_on=case.due_on,
        draft_answer=question.draft_answer if selectors.may_see_draft(user, question) else None,
        approved_answer=question.approved_answer, approved_at=question.approved_at,
        commitment=question.commitment if question.approved_at else "", follow_up_of=question.follow_up_of_id,
    )


@router.post("/questions", response={201: QuestionOut}, summary="Record a councillor's question")
def record_question(request: SignedInRequest, payload: QuestionIn) -> Status[QuestionOut]:
    question = question_record(actor=request.user, session_id=payload.session_id, councillor=payload.councillor,
                               asked_on=payload.asked_on, kind=payload.kind, topic=payload.topic,
                               content=payload.content, agencies=payload.agencies)
    return Status(201, _out(selectors.question_get_for(user=request.user, case_id=question.pk), request.user))


@router.get("/questions", response=list[QuestionOut], summary="The questions you may see, newest first")
def list_questions(request: HttpRequest, session: int | None = None, after: int | None = None) -> list[QuestionOut]:
    """`after`: the id of the last question of the previous page (keyset pagination, 100 a page)."""
    rows = (selectors.visible_questions(request.user)
            .select_related("case", "councillor", "lead_agency").prefetch_related("agencies", "case__co_agencies"))
    if session is not None:
        rows = rows.filter(session_id=session)
    if after is not None:
        rows = rows.filter(pk__lt=after)
    return [_out(question, request.user) for question in rows.order_by("-pk")[:PAGE]]


@router.get("/questions/{case_id}", response=QuestionOut, summary="One question")
def read_question(request: HttpRequest, case_id: int) -> QuestionOut:
    return _out(selectors.question_get_for(user=request.user, case_id=case_id), request.user)


@router.post("/questions/{case_id}/follow-up", response={201: QuestionOut},
             summary="Turn the commitment in an approved answer into a follow-up question")
def follow_up(request: SignedInRequest, case_id: int, payload: FollowUpIn) -> Status[QuestionOut]:
    selectors.question_get_for(user=request.user, case_id=case_id)
    question = question_follow_up(actor=request.user, question_id=case_id, commitment=payload.commitment)
    return Status(201, _out(selectors.question_get_for(user=request.user, case_id=question.pk), request.user))


@router.post("/questions/{case_id}/withdraw", response=QuestionOut,
             summary="Withdraw your last recorded question (recorded in error, not yet taken up by the agency)")
def withdraw(request: SignedInRequest, case_id: int) -> QuestionOut:
    selectors.question_get_for(user=request.user, case_id=case_id)
    question = question_withdraw(actor=request.user, question_id=case_id)
    return _out(selectors.question_get_for(user=request.user, case_id=question.pk), request.user)


@router.get("/review-items", response=list[ReviewItemOut],
            summary="Open and overdue questions by agency, for the review meeting")
def review_items(request: HttpRequest) -> list[ReviewItemOut]:
    if not can_see_review_list(request.user):
        raise NotFound()
    return [ReviewItemOut(id=row.question.pk, reference=row.question.case.reference,
                          lead_agency=row.question.case.lead_agency.short_name if row.question.case.lead_agency
                          else "", councillor=row.question.councillor.name, topic=row.question.topic,
                          status=row.question.case.status, due_on=row.question.case.due_on, overdue=row.overdue,
                          last_decision=row.last_decision)
            for row in selectors.review_items(user=request.user, today=timezone.localdate())]
