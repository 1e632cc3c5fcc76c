"""The written-answer book (書面答復彙編) of a session: one ODT with a title page, a table of contents,
and every question with its approved answer, by councillor then date.

The book is saved as ODF 1.2, the government's standard, by the kernel's writer (`core.odf`); it uses only
elements ODF 1.2 already has (headings, paragraphs, page breaks, a table of contents).
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from odfdo import TOC, Header, PageBreak, Paragraph

from secretariat.core import roc
from secretariat.core.odf import ODT_CONTENT_TYPE, odt_bytes, text_document
from secretariat.council.selectors.questions import book_questions

if TYPE_CHECKING:
    from secretariat.council.models import Question, Session

CONTENT_TYPE = ODT_CONTENT_TYPE


def book_filename(session: Session) -> str:
    return f"answer-book-{session.term.number}-{session.kind}-{session.number}.odt"


def _question_block(question: Question) -> list[Header | Paragraph]:
    heading = f"{roc.format_slash(question.asked_on)} {question.topic}"
    return [
        Header(2, heading),
        Paragraph(_("Kind: %(kind)s; agencies asked: %(agencies)s") % {
            "kind": question.get_kind_display(),
            "agencies": "、".join(agency.short_name for agency in question.agencies.all())}),
        Paragraph(_("Question: %(content)s") % {"content": question.content or question.topic}),
        Paragraph(_("Answer (%(agency)s): %(answer)s") % {"agency": question.lead_agency.short_name,
                                                          "answer": question.approved_answer}),
    ]


def answer_book_build(session: Session) -> bytes:
    """The book as ODT bytes. Questions without an approved answer are left out: the book is what is sent
    to the council."""
    questions = list(book_questions(session).prefetch_related("agencies"))
    document = text_document()
    body = document.body
    document.add_page_break_style()
    body.append(Paragraph(str(session), style="Title"))
    body.append(Paragraph(_("Written answers to councillors' questions"), style="Subtitle"))
    body.append(Paragraph(_("%(count)s questions") % {"count": len(questions)}))
    body.append(PageBreak())
    toc = TOC(_("Contents"))
    body.append(toc)
    body.append(PageBreak())
    for councillor, items in groupby(questions, key=lambda question: question.councillor):
        body.append(Header(1, _("Councillor %(name)s") % {"name": councillor.name}))
        for question in items:
            for element in _question_block(question):
                body.append(element)
    toc.fill(document)
    return odt_bytes(document)
