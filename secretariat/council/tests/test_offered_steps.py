"""A step is offered to a person exactly when the service would let them take it now.

For each council workflow state worth telling apart, every persona and every step: the case page's (and the
API's) list of steps says "yes" iff case_transition succeeds. The stories that used to break the rule: the
agency head who drafted a data-request answer was shown 「核稿並發送議員」 and refused; the Secretariat was
shown release and drafting steps on an agency's request; a head could approve a written answer twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from secretariat.accounts.models import User
from secretariat.cases.kinds import kind_for
from secretariat.cases.models import Case
from secretariat.cases.services import available_steps, case_transition
from secretariat.core.errors import ApplicationError
from secretariat.council.kinds.questions import WITHDRAWN
from secretariat.council.models import Session
from secretariat.council.models.requests import Urgency
from secretariat.council.tests.question_helpers import record, session
from secretariat.council.tests.request_helpers import file, make_councillor, reload, step

pytestmark = pytest.mark.django_db
__all__ = ["session"]

PERSONAS = ("liaison", "agency_head", "secretariat_clerk", "secretariat_admin", "outsider", "auditor", "councillor")


class _Undo(Exception):
    """Raised inside a savepoint to roll back a step that was taken only to see whether it is allowed."""


def _values(case: Case) -> dict[str, Any]:
    """A valid value for everything a council step may require."""
    return {"agency": case.lead_agency_id or 1, "reason": "理由", "until": "2099-12-31", "answer": "答復內容",
            "reason_code": WITHDRAWN}


def allowed(actor: Any, case: Case, name: str) -> bool:
    try:
        with transaction.atomic():
            case_transition(actor=actor, case_id=case.pk, name=name, data=_values(case))
            raise _Undo
    except _Undo:
        return True
    except ApplicationError:
        return False


def assert_offered_iff_allowed(case_id: int, personas: dict[str, User]) -> None:
    case = Case.objects.select_related("lead_agency").get(pk=case_id)
    names = [transition.name for transition in kind_for(case.kind).workflow.transitions]
    for who, user in personas.items():
        offered = sorted(step.name for step in available_steps(user=user, case=case))
        permitted = sorted(name for name in names if allowed(user, case, name))
        assert offered == permitted, f"{who} on a {case.status} {case.kind}"


@pytest.fixture
def personas(request: pytest.FixtureRequest) -> dict[str, User]:
    return {name: request.getfixturevalue(name) for name in PERSONAS}


@pytest.fixture
def cheng(councillor: User) -> Any:
    return make_councillor("鄭議員", councillor)


def _assigned(admin: User, request: Any, agency: Any, **data: Any) -> Any:
    step(admin, request, "assign", agency=agency.pk, **data)
    return reload(request)


def test_data_request_drafted_by_the_head_offers_release_to_nobody_who_would_be_refused(
        personas: dict[str, User], cheng: Any, agency_named: Callable[[str], Any]) -> None:
    request = _assigned(personas["secretariat_admin"], file(personas["councillor"], cheng), agency_named("交通局"))
    step(personas["agency_head"], request, "answer", answer="資料如附件")
    head_steps = [s.name for s in available_steps(user=personas["agency_head"], case=reload(request).case)]
    assert "close" not in head_steps  # the drafter is not their own senior reviewer
    assert_offered_iff_allowed(request.pk, personas)


def test_data_request_drafted_by_the_liaison(personas: dict[str, User], cheng: Any,
                                             agency_named: Callable[[str], Any]) -> None:
    request = _assigned(personas["secretariat_admin"], file(personas["councillor"], cheng), agency_named("交通局"))
    step(personas["liaison"], request, "answer", answer="資料如附件")
    assert_offered_iff_allowed(request.pk, personas)


def test_running_data_requests_urgent_or_not(personas: dict[str, User], cheng: Any,
                                             agency_named: Callable[[str], Any]) -> None:
    plain = _assigned(personas["secretariat_admin"], file(personas["councillor"], cheng), agency_named("交通局"))
    urgent = _assigned(personas["secretariat_admin"],
                       file(personas["councillor"], cheng, urgency=Urgency.URGENT, marked_urgent=True,
                            urgent_reason="明日質詢"), agency_named("交通局"))
    assert_offered_iff_allowed(plain.pk, personas)
    assert_offered_iff_allowed(urgent.pk, personas)


def test_data_request_the_secretariat_leads(personas: dict[str, User], cheng: Any,
                                            agency_named: Callable[[str], Any]) -> None:
    request = _assigned(personas["secretariat_admin"], file(personas["councillor"], cheng), agency_named("秘書處"),
                        co_agencies=[agency_named("交通局").pk])
    assert_offered_iff_allowed(request.pk, personas)
    step(personas["secretariat_clerk"], request, "answer", answer="彙整資料")
    assert_offered_iff_allowed(request.pk, personas)


def test_data_request_released_and_reopened_once(personas: dict[str, User], cheng: Any,
                                                 agency_named: Callable[[str], Any]) -> None:
    request = _assigned(personas["secretariat_admin"], file(personas["councillor"], cheng), agency_named("交通局"))
    step(personas["liaison"], request, "answer", answer="資料如附件")
    step(personas["agency_head"], request, "close")
    assert_offered_iff_allowed(request.pk, personas)
    step(personas["councillor"], request, "reopen", reason="未回答問題")
    step(personas["liaison"], request, "answer", answer="補充資料")
    step(personas["agency_head"], request, "close")
    councillor_steps = [s.name for s in available_steps(user=personas["councillor"], case=reload(request).case)]
    assert "reopen" not in councillor_steps  # one reopen only
    assert_offered_iff_allowed(request.pk, personas)


def test_question_drafted_awaiting_approval_and_approved(personas: dict[str, User], session: Session) -> None:
    question = record(personas["secretariat_clerk"], session=session)
    case_transition(actor=personas["liaison"], case_id=question.pk, name="accept")
    case_transition(actor=personas["liaison"], case_id=question.pk, name="answer", data={"answer": "草稿"})
    assert_offered_iff_allowed(question.pk, personas)
    case_transition(actor=personas["agency_head"], case_id=question.pk, name="approve_answer")
    head_steps = [s.name for s in available_steps(user=personas["agency_head"], case=Case.objects.get(pk=question.pk))]
    assert "approve_answer" not in head_steps  # approved already: not offered a second time
    assert_offered_iff_allowed(question.pk, personas)
