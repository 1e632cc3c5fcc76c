"""The agency head's home-page card of written answers to approve: the count is the linked list's rows, and
only the questions the head's agency leads are counted."""

from __future__ import annotations

import pytest

from secretariat.accounts.constants import Role
from secretariat.cases.services import case_transition
from secretariat.core.dashboards import cards_for
from secretariat.council.tests.question_helpers import record, session
from secretariat.council.tests.request_helpers import make_councillor

pytestmark = pytest.mark.django_db
__all__ = ["session"]
KEY = "council.answers_to_approve"


def card(user):
    return next((view for view in cards_for(user) if view.key == KEY), None)


def drafted(question, liaison):
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": "草稿答復"})


def test_the_head_sees_the_drafts_awaiting_approval_and_the_list_shows_them(
        session, secretariat_clerk, liaison, agency_head, outsider, make_persona, client_for):
    drafted(record(secretariat_clerk, session=session), liaison)
    record(secretariat_clerk, session=session, topic="公車路線調整")  # not answered yet
    shared = record(secretariat_clerk, session=session, topic="食品安全", agencies=("衛生局", "交通局"))
    drafted(shared, outsider)  # 衛生局 leads: its head approves, not 交通局's
    health_head = make_persona("healthhead", "邱局長", Role.AGENCY_HEAD, "衛生局")

    waiting = card(agency_head)

    assert waiting.count == 1
    response = client_for(agency_head).get(waiting.url)
    assert len(response.context["questions"]) == response.context["count"] == 1
    assert card(health_head).count == 1


def test_the_approval_card_is_the_heads_alone(session, liaison, secretariat_clerk):
    assert card(liaison) is None
    assert card(secretariat_clerk) is None


def test_a_councillor_lands_on_the_portal(councillor, client_for):
    make_councillor("鄭議員", councillor)

    response = client_for(councillor).get("/")

    assert response.status_code == 302
    assert response["Location"] == "/council/portal/"
