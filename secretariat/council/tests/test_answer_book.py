"""The written-answer book: one ODT per session, declared ODF 1.2, with a table of contents and the
approved answers ordered by councillor, then date."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from odfdo import Document

from secretariat.council.answer_book import answer_book_build
from secretariat.council.tests.question_helpers import answer_and_approve, record, session

pytestmark = pytest.mark.django_db
__all__ = ["session"]


@pytest.fixture
def book(session, secretariat_clerk, liaison, agency_head) -> Document:
    for councillor, day, topic in [("陳議員", dt.date(2023, 10, 5), "公車路網調整"),
                                   ("王議員", dt.date(2023, 10, 9), "自行車道維護"),
                                   ("王議員", dt.date(2023, 10, 3), "捷運延伸線進度")]:
        answer_and_approve(record(secretariat_clerk, session=session, councillor=councillor, topic=topic,
                                  asked_on=day), liaison, agency_head, text=f"{topic}之答復")
    record(secretariat_clerk, session=session, councillor="李議員", topic="尚未答復的質詢")
    return Document(io.BytesIO(answer_book_build(session)))


def test_the_book_has_every_approved_answer_by_councillor_then_date(book):
    headings = [header.text_recursive for header in book.body.headers]
    topics = [text.split(" ", 1)[1] for text in headings if text.startswith("112/")]
    assert topics == ["捷運延伸線進度", "自行車道維護", "公車路網調整"]
    assert "捷運延伸線進度之答復" in book.body.text_recursive


def test_a_question_without_an_approved_answer_stays_out_of_the_book(book):
    assert "尚未答復的質詢" not in book.body.text_recursive


def test_the_table_of_contents_lists_the_councillors_and_questions(book):
    toc = book.body.get_toc()
    assert toc is not None
    entries = toc.text_recursive
    assert entries.index("捷運延伸線進度") < entries.index("公車路網調整")


def test_the_book_is_declared_odf_1_2(session):
    archive = zipfile.ZipFile(io.BytesIO(answer_book_build(session)))
    assert 'office:version="1.2"' in archive.read("content.xml").decode()
    assert 'office:version="1.2"' in archive.read("styles.xml").decode()
