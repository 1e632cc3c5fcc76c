"""A small council for question tests: the 14th term, its 2nd regular session and three councillors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretariat.accounts.models import User
from secretariat.cases.services import case_transition
from secretariat.core.changes import SYSTEM
from secretariat.council.models import Councillor, Question, QuestionKind, Session, Term
from secretariat.council.services.questions import question_record

SESSION_START = dt.date(2023, 8, 29)
SESSION_END = dt.date(2023, 12, 11)
ASKED_AT = dt.datetime(2023, 10, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def session(reference_data: Any) -> Session:
    term = Term.objects.create(number=14, starts_on=dt.date(2022, 12, 25), ends_on=dt.date(2026, 12, 24))
    for name in ("王議員", "李議員", "陳議員"):
        Councillor.objects.create(term=term, name=name)
    return Session.objects.create(term=term, number=2, starts_on=SESSION_START, ends_on=SESSION_END)


def record(actor: Any = SYSTEM, *, session: Session, councillor: str = "王議員", topic: str = "捷運延伸線進度",
           agencies: tuple[str, ...] = ("交通局",), asked_on: dt.date = dt.date(2023, 10, 3),
           at: dt.datetime = ASKED_AT) -> Question:
    return question_record(actor=actor, session_id=session.pk, councillor=councillor, asked_on=asked_on,
                           kind=QuestionKind.GENERAL, topic=topic, content="請說明進度。", agencies=list(agencies),
                           at=at)


def answer_and_approve(question: Question, liaison: User, head: User, *, text: str = "本局已規劃於明年完工。",
                       commitment: str = "") -> Question:
    case_transition(actor=liaison, case_id=question.pk, name="accept")
    case_transition(actor=liaison, case_id=question.pk, name="answer", data={"answer": text})
    case_transition(actor=head, case_id=question.pk, name="approve_answer", data={"commitment": commitment})
    question.refresh_from_db()
    return question
