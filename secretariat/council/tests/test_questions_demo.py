"""The demo session: the seed's 577 questions, every one with an approved answer, asked inside the session."""

from __future__ import annotations

import io
import time

import pytest
from odfdo import Document

from secretariat.cases.models import Case, CaseStatus, Outcome
from secretariat.council.demo import questions as demo
from secretariat.council.models import Councillor, Question
from secretariat.council.tests.question_helpers import session
from secretariat.council.views.answer_book import answer_book_build

pytestmark = pytest.mark.django_db
__all__ = ["session"]


@pytest.fixture
def loaded(session, secretariat_clerk) -> list[str]:
    for number in range(20):
        Councillor.objects.create(term=session.term, name=f"議員{number:02d}")
    return demo.load()


def test_the_demo_records_577_compiled_questions_inside_the_session_once(loaded, session):
    questions = Question.objects.filter(session=session)
    assert questions.count() == 577
    assert not questions.filter(approved_at__isnull=True).exists()
    assert not questions.exclude(asked_on__range=(session.starts_on, session.ends_on)).exists()
    cases = Case.objects.filter(pk__in=questions.values("pk"))
    assert set(cases.values_list("status", flat=True)) == {CaseStatus.CLOSED}
    assert set(cases.values_list("outcome", flat=True)) == {Outcome.ON_TIME}
    assert questions.values("councillor").distinct().count() == 23
    assert questions.values("lead_agency").distinct().count() == 10
    assert demo.load() == []  # a second run finds them and writes nothing
    assert Question.objects.count() == 577


def test_the_answer_book_of_the_demo_session_builds_within_ten_seconds(loaded, session):
    started = time.perf_counter()
    book = Document(io.BytesIO(answer_book_build(session)))
    elapsed = time.perf_counter() - started
    questions = [header for header in book.body.headers if str(header.level) == "2"]
    assert len(questions) == 577
    assert elapsed < 10, f"{elapsed:.1f} s"
