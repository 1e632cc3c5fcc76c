"""The written-answer book: one ODT per session, declared ODF 1.2, with a table of contents and the
approved answers ordered by councillor, then date."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from odfdo import Document

from secretariat.core.pdf import pdf_available
from secretariat.council.tests.question_helpers import answer_and_approve, record, session
from secretariat.council.views.answer_book import answer_book_build
from tests.files import pdf_text

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


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice is installed by `make test` as root")
def test_the_book_downloads_as_a_pdf_with_the_same_answers(book, session, client_for, secretariat_clerk):
    response = client_for(secretariat_clerk).get(f"/council/sessions/{session.pk}/answer-book.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.pdf"')
    text = pdf_text(response.content)
    assert "捷運延伸線進度之答復" in text
    assert "尚未答復的質詢" not in text


def test_without_libreoffice_the_pdf_is_refused_with_a_message(session, client_for, secretariat_clerk, monkeypatch):
    monkeypatch.setattr("secretariat.core.pdf.office_binary", lambda: None)
    response = client_for(secretariat_clerk).get(f"/council/sessions/{session.pk}/answer-book.pdf")
    assert response.status_code == 503
    assert "LibreOffice" in response.content.decode()


def test_a_councillor_downloads_no_book_from_the_staff_pages(session, client_for, councillor):
    assert client_for(councillor).get(f"/council/sessions/{session.pk}/answer-book.pdf").status_code == 404
