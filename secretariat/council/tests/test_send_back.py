"""A written answer awaiting approval goes back to its drafter with a reason, and is approved only once.

Council questions: 交通局's liaison 黃聯絡 drafts, its head 吳局長 approves or sends back. Data requests: the
senior reviewer (the lead agency's head, or a Secretariat administrator when the Secretariat leads) releases
or sends back. The drafter revises and submits again; the timeline shows the reason; an audit row is kept.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEntry
from secretariat.cases.models import Case, CaseEvent, CaseStatus
from secretariat.cases.services import available_steps, case_transition
from secretariat.core.errors import Conflict, PermissionRefused, ValidationFailed
from secretariat.council.models import Question, Session
from secretariat.council.tests.question_helpers import record, session
from secretariat.council.tests.request_helpers import file, make_councillor, reload, step
from secretariat.notifications.models import Notification

__all__ = ["session"]
REASON = "未回應議員所詢經費來源，請補充。"


def drafted(clerk: User, liaison: User, session: Session) -> Question:
    question = record(clerk, session=session)
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "本局將於明年完工。"})
    return Question.objects.select_related("case").get(pk=question.pk)


def offered(user: User, case_id: int) -> list[str]:
    return [transition.name for transition in available_steps(user=user, case=Case.objects.get(pk=case_id))]


# --- Council questions: the service --------------------------------------------------------------------

@pytest.mark.django_db
def test_the_head_sends_the_draft_back_with_a_reason_and_the_liaison_revises_it(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    case_transition(actor=agency_head, case_id=question.pk, name="send_back", data={"reason": REASON})

    question.refresh_from_db()
    assert question.case.status == CaseStatus.IN_PROGRESS
    assert question.draft_answer == "本局將於明年完工。"  # kept, for the drafter to revise
    event = CaseEvent.objects.get(case_id=question.pk, action="send_back")
    assert (event.actor, event.note) == (agency_head, REASON)
    assert AuditEntry.objects.filter(action="case.send_back", target_id=str(question.pk)).exists()
    assert Notification.objects.filter(user=liaison, target=f"cases.case:{question.pk}",
                                       message__contains=REASON).exists()
    assert "answer" in offered(liaison, question.pk)

    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "經費由本局預算支應。"})
    case_transition(actor=agency_head, case_id=question.pk, name="approve_answer")
    question.refresh_from_db()
    assert question.approved_answer == "經費由本局預算支應。"


@pytest.mark.django_db
def test_sending_back_needs_a_reason(session: Session, secretariat_clerk: User, liaison: User,
                                     agency_head: User) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    with pytest.raises(ValidationFailed) as refused:
        case_transition(actor=agency_head, case_id=question.pk, name="send_back", data={"reason": "  "})
    assert refused.value.code == "missing_fields"
    assert Case.objects.get(pk=question.pk).status == CaseStatus.ANSWERED


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["liaison", "secretariat_clerk", "secretariat_admin", "outsider", "auditor"])
def test_only_the_head_sends_a_written_answer_back(session: Session, secretariat_clerk: User, liaison: User,
                                                   persona: str, request: pytest.FixtureRequest) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    someone = request.getfixturevalue(persona)
    assert "send_back" not in offered(someone, question.pk)
    with pytest.raises(PermissionRefused):
        case_transition(actor=someone, case_id=question.pk, name="send_back", data={"reason": REASON})


@pytest.mark.django_db
def test_the_head_offered_both_approve_and_send_back_while_the_draft_awaits_them(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    assert {"approve_answer", "send_back"} <= set(offered(agency_head, question.pk))


@pytest.mark.django_db
def test_an_approved_answer_is_neither_approved_again_nor_sent_back(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    case_transition(actor=agency_head, case_id=question.pk, name="approve_answer")

    with pytest.raises(Conflict) as twice:
        case_transition(actor=agency_head, case_id=question.pk, name="approve_answer")
    assert (twice.value.code, twice.value.status) == ("already_approved", 409)
    with pytest.raises(Conflict):
        case_transition(actor=agency_head, case_id=question.pk, name="send_back", data={"reason": REASON})
    assert CaseEvent.objects.filter(case_id=question.pk, action="approve_answer").count() == 1
    assert not {"approve_answer", "send_back"} & set(offered(agency_head, question.pk))


@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_the_same_moment_make_one_approval(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def approve() -> None:  # two tabs of the head's, each pressing 「核定」 without a version
        try:
            start.wait(timeout=10)
            case_transition(actor=agency_head, case_id=question.pk, name="approve_answer")
            outcomes.append("done")
        except Conflict as error:
            outcomes.append(error.code)
        except Exception as error:  # anything else is a failure the assertion below shows
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["already_approved", "done"], outcomes
    assert CaseEvent.objects.filter(case_id=question.pk, action="approve_answer").count() == 1


# --- Council questions: the API ------------------------------------------------------------------------

def post_step(client: Client, case_id: int, name: str, **data: Any) -> Any:
    version = Case.objects.get(pk=case_id).version
    return client.post(f"/api/v1/cases/{case_id}/steps/{name}", json.dumps({"version": version, **data}),
                       content_type="application/json")


@pytest.mark.django_db
def test_api_the_head_sees_send_back_beside_approve_and_takes_it(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User,
        client_for: Callable[..., Client]) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    head = client_for(agency_head)
    steps = {item["name"]: item for item in head.get(f"/api/v1/cases/{question.pk}").json()["steps"]}
    assert steps["send_back"]["requires"] == ["reason"]
    assert "approve_answer" in steps

    response = post_step(head, question.pk, "send_back", reason=REASON)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "in_progress"
    assert [(event["action"], event["note"]) for event in body["timeline"]][-1] == ("send_back", REASON)


@pytest.mark.django_db
def test_api_sending_back_without_a_reason_is_a_400_that_says_so(
        session: Session, secretariat_clerk: User, liaison: User, agency_head: User,
        client_for: Callable[..., Client]) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    response = post_step(client_for(agency_head), question.pk, "send_back")
    assert response.status_code == 400
    assert response.json()["code"] == "missing_fields"


@pytest.mark.django_db
def test_api_the_drafter_may_not_send_back_and_an_outsider_sees_nothing(
        session: Session, secretariat_clerk: User, liaison: User, outsider: User,
        client_for: Callable[..., Client]) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    drafter = client_for(liaison)
    assert "send_back" not in [item["name"] for item in drafter.get(f"/api/v1/cases/{question.pk}").json()["steps"]]
    assert post_step(drafter, question.pk, "send_back", reason=REASON).status_code == 403
    assert post_step(client_for(outsider), question.pk, "send_back", reason=REASON).status_code == 404


@pytest.mark.django_db
def test_api_a_second_approval_is_a_409(session: Session, secretariat_clerk: User, liaison: User,
                                        agency_head: User, client_for: Callable[..., Client]) -> None:
    question = drafted(secretariat_clerk, liaison, session)
    head = client_for(agency_head)
    assert post_step(head, question.pk, "approve_answer").status_code == 200
    again = post_step(head, question.pk, "approve_answer")
    assert again.status_code == 409
    assert again.json()["code"] == "already_approved"


# --- Data requests --------------------------------------------------------------------------------------

@pytest.fixture
def cheng(councillor: User) -> Any:
    return make_councillor("鄭議員", councillor)


@pytest.mark.django_db
def test_the_agency_head_sends_a_data_request_answer_back_and_the_liaison_is_told(
        councillor: User, cheng: Any, secretariat_admin: User, liaison: User, agency_head: User,
        agency_named: Callable[[str], Any]) -> None:
    request = file(councillor, cheng)
    step(secretariat_admin, request, "assign", agency=agency_named("交通局").pk)
    step(liaison, request, "answer", answer="資料如附件")
    step(agency_head, request, "send_back", reason=REASON)

    request = reload(request)
    assert request.case.status == CaseStatus.IN_PROGRESS
    assert CaseEvent.objects.get(case_id=request.pk, action="send_back").note == REASON
    assert Notification.objects.filter(user=liaison, target=f"cases.case:{request.pk}",
                                       message__contains=REASON).exists()
    assert AuditEntry.objects.filter(action="case.send_back", target_id=str(request.pk)).exists()
    step(liaison, request, "answer", answer="資料如附件（含106年以前）")
    step(agency_head, request, "close")
    assert reload(request).case.status == CaseStatus.CLOSED


@pytest.mark.django_db
def test_the_secretariat_does_not_send_back_an_agencys_data_request_answer(
        councillor: User, cheng: Any, secretariat_admin: User, secretariat_clerk: User, liaison: User,
        agency_named: Callable[[str], Any]) -> None:
    request = file(councillor, cheng)
    step(secretariat_admin, request, "assign", agency=agency_named("交通局").pk)
    step(liaison, request, "answer", answer="資料如附件")
    for someone in (secretariat_clerk, secretariat_admin, liaison):
        assert "send_back" not in offered(someone, request.pk)
        with pytest.raises(PermissionRefused):
            step(someone, request, "send_back", reason=REASON)


@pytest.mark.django_db
def test_a_secretariat_administrator_reviews_when_the_secretariat_leads(
        councillor: User, cheng: Any, secretariat_admin: User, secretariat_clerk: User,
        agency_named: Callable[[str], Any]) -> None:
    request = file(councillor, cheng)
    step(secretariat_admin, request, "assign", agency=agency_named("秘書處").pk)
    step(secretariat_clerk, request, "answer", answer="彙整資料")
    assert "send_back" not in offered(secretariat_clerk, request.pk)  # the drafter
    assert {"send_back", "close"} <= set(offered(secretariat_admin, request.pk))
    step(secretariat_admin, request, "send_back", reason=REASON)
    assert reload(request).case.status == CaseStatus.IN_PROGRESS
